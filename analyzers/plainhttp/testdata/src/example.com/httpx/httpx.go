// Package httpx builds HTTP clients for the whole service. Nothing in it is
// Begini's, so verification switched off here is reported only where a
// client reaches Begini code.
package httpx

import (
	"crypto/tls"
	"net/http"
	"time"
)

// InsecureClient talks to the staging proxy, whose certificate is
// self-signed.
func InsecureClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}

// Insecure is the shared staging client.
var Insecure = InsecureClient()

// Transport is a transport for internal services.
type Transport struct{}

// Insecure returns a transport that does not verify certificates.
func (Transport) Insecure() http.RoundTripper {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true
	return &http.Transport{TLSClientConfig: cfg}
}

// SecureClient verifies certificates.
func SecureClient() *http.Client {
	return &http.Client{Timeout: 10 * time.Second}
}
