package webhook

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
)

// Verify wraps next so that it only sees webhooks whose signature is the
// HMAC-SHA512 of the raw body keyed with apiKey. next reads the body
// unchanged.
func Verify(apiKey string, next http.Handler) http.Handler {
	h := &Handler{apiKey: []byte(apiKey), maxBody: 1 << 20}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
		if err != nil {
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		if !h.validSignature(body, r.Header.Get("X-Signature")) {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// StoreEvents decodes and stores events. It checks no signature: register
// it behind Verify.
func StoreEvents(store Store, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var ev Event
		if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
			http.Error(w, "invalid payload", http.StatusBadRequest)
			return
		}
		if err := store.SaveEvent(r.Context(), ev); err != nil {
			logger.Error("begini webhook: store event", "event", ev.Type, "err", err)
			http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
}
