// Package klog is a fake of k8s.io/klog/v2 for tests.
package klog

func Infof(format string, args ...interface{})       {}
func InfoS(msg string, keysAndValues ...interface{}) {}
