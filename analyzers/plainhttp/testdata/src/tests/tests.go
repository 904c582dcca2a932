// Package tests shows that _test.go files are left alone.
package tests

import "example.com/begini"

func New(key, base string) *begini.Client {
	return begini.NewClient(key).WithBaseURL(base)
}
