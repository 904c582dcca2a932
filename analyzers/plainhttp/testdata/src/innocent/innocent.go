// Package innocent has plain HTTP and unverified TLS that are not Begini's,
// and Begini code that is correct.
package innocent

import (
	"crypto/tls"
	"net/http"
	"os"
	"time"
)

const (
	healthURL   = "http://localhost:8080/healthz"
	metricsURL  = "http://127.0.0.1:9090/metrics"
	mockURL     = "http://[::1]:8081/v1/sessions-management/tokens"
	beginiDocs  = "https://docs.begini.co/integration"
	beginiAPI   = "https://api.begini.co"
	beginiGuide = "https://begini.com/guide"
)

// beginningOfDay has a name that merely starts like Begini's.
func beginningOfDay() time.Time {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	_ = tr
	return time.Now().Truncate(24 * time.Hour)
}

// legacyInventory talks to an old internal host over plain HTTP.
func legacyInventory() (*http.Response, error) {
	return http.Get("http://inventory.internal/items")
}

// beginiClient verifies certificates and uses https.
func beginiClient() *http.Client {
	return &http.Client{
		Timeout:   15 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}},
	}
}

func beginiBaseURL() string {
	if u := os.Getenv("BEGINI_BASE_URL"); u != "" {
		return u
	}
	return beginiAPI
}

// selfSigned is for a device on the local network; it never reaches Begini.
var selfSigned = &http.Client{Transport: &http.Transport{
	TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
}}

// A directive for plainhttp that suppresses nothing is reported, as for
// every analyzer.
//
//beginilint:ignore plainhttp the health check moved to HTTPS // want `suppresses no plainhttp finding`
var statusURL = "https://api.begini.co/status"
