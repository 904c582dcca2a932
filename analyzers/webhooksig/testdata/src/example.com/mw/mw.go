// Package mw holds middlewares that verify Begini webhook signatures
// before the handler they wrap runs.
package mw

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"io"
	"net/http"
)

func valid(key, body []byte, sig string) bool {
	got, err := hex.DecodeString(sig)
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	return err == nil && hmac.Equal(got, mac.Sum(nil))
}

// VerifyBegini wraps next in a signature check.
func VerifyBegini(key []byte, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil || !valid(key, body, r.Header.Get("X-Signature")) {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// Signature returns a middleware for routers that take them (r.Use).
func Signature(key []byte) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return VerifyBegini(key, next)
	}
}

// Verifier is a middleware as a type.
type Verifier struct {
	Key  []byte
	Next http.Handler
}

func (v *Verifier) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	VerifyBegini(v.Key, v.Next).ServeHTTP(w, r)
}

// Logging wraps a handler without verifying anything.
func Logging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}
