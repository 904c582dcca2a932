// Package beginihttp is Begini code: verification switched off here is
// reported here, and not again where it is used.
package beginihttp

import (
	"crypto/tls"
	"net/http"
)

func Debug() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true, // want `TLS certificate verification switched off \(InsecureSkipVerify\)`
	}}}
}
