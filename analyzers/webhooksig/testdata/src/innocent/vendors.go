// Package innocent holds code that must stay silent: other vendors'
// webhooks, comparisons of things that are not the signature, hashes made
// for other purposes, and tests.
package innocent

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

var githubSecret, stripeSecret []byte

// GitHub signs with HMAC-SHA256 in X-Hub-Signature-256; this compares it
// in variable time, but it is not Begini's to report.
func github(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(sha256.New, githubSecret)
	mac.Write(body)
	if r.Header.Get("X-Hub-Signature-256") != "sha256="+hex.EncodeToString(mac.Sum(nil)) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	var ev map[string]any
	json.Unmarshal(body, &ev)
}

func stripe(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	header := r.Header.Get("Stripe-Signature")
	var sig string
	for _, part := range strings.Split(header, ",") {
		if v, ok := strings.CutPrefix(part, "v1="); ok {
			sig = v
		}
	}
	mac := hmac.New(sha256.New, stripeSecret)
	mac.Write(body)
	if sig != hex.EncodeToString(mac.Sum(nil)) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

// A handler that decodes without any signature: not a webhook receiver.
func applicants(w http.ResponseWriter, r *http.Request) {
	var req struct{ Notes string }
	json.NewDecoder(r.Body).Decode(&req)
}

func register(mux *http.ServeMux) {
	mux.HandleFunc("POST /applicants", applicants)
	mux.HandleFunc("POST /webhooks/github", github)
	mux.HandleFunc("POST /begini/sessions", applicants)
}
