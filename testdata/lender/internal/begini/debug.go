package begini

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"net/url"
	"time"
)

// NewDebugHTTPClient sends requests through an intercepting proxy (mitmproxy
// on a developer's machine) so that what the client sends can be inspected.
// The proxy presents certificates of its own.
func NewDebugHTTPClient(proxy *url.URL) *http.Client {
	return &http.Client{
		Timeout: 15 * time.Second,
		Transport: &http.Transport{
			Proxy:           http.ProxyURL(proxy),
			TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // planted: plainhttp
		},
	}
}

// NewProxyHTTPClient is the same through a proxy whose CA is trusted
// explicitly: certificates are still verified, against that CA.
func NewProxyHTTPClient(proxy *url.URL, proxyCA *x509.CertPool) *http.Client {
	return &http.Client{
		Timeout: 15 * time.Second,
		Transport: &http.Transport{
			Proxy:           http.ProxyURL(proxy),
			TLSClientConfig: &tls.Config{RootCAs: proxyCA, MinVersion: tls.VersionTLS12},
		},
	}
}
