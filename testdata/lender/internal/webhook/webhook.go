// Package webhook receives the assessment results that Begini posts back.
package webhook

import (
	"context"
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// Event is a Begini webhook payload.
type Event struct {
	Type          string    `json:"event"`
	UID           string    `json:"uid"`
	IntegrationID string    `json:"integration_id"`
	Score         *float64  `json:"score,omitempty"`
	CompletedAt   time.Time `json:"completed_at"`
}

// Store keeps verified events.
type Store interface {
	SaveEvent(ctx context.Context, ev Event) error
}

// Handler verifies and stores Begini webhooks.
type Handler struct {
	apiKey  []byte
	store   Store
	logger  *slog.Logger
	maxBody int64
}

// NewHandler returns a handler that checks signatures with the Begini API key.
func NewHandler(apiKey string, store Store, logger *slog.Logger) *Handler {
	return &Handler{apiKey: []byte(apiKey), store: store, logger: logger, maxBody: 1 << 20}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// The signature covers the body exactly as sent, so read it raw and
	// verify before decoding anything.
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
	if err != nil {
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	sig := r.Header.Get("X-Signature")
	if sig == "" {
		sig = r.Header.Get("X-Begini-Signature")
	}
	if !h.validSignature(body, sig) {
		h.logger.Warn("begini webhook: bad signature",
			"remote", r.RemoteAddr,
			"body_len", len(body),
			"signature_len", len(sig),
		)
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}

	var ev Event
	if err := json.Unmarshal(body, &ev); err != nil {
		h.logger.Warn("begini webhook: bad payload", "err", err)
		http.Error(w, "invalid payload", http.StatusBadRequest)
		return
	}
	if err := h.store.SaveEvent(r.Context(), ev); err != nil {
		h.logger.Error("begini webhook: store event", "event", ev.Type, "err", err)
		http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
		return
	}
	h.logger.Info("begini webhook stored", "event", ev.Type, "uid", ev.UID)
	w.WriteHeader(http.StatusNoContent)
}

// validSignature reports whether sig is the hex HMAC-SHA512 of body keyed
// with the API key, comparing in constant time.
func (h *Handler) validSignature(body []byte, sig string) bool {
	got, err := hex.DecodeString(strings.TrimSpace(sig))
	if err != nil || len(got) != sha512.Size {
		return false
	}
	mac := hmac.New(sha512.New, h.apiKey)
	mac.Write(body)
	return hmac.Equal(got, mac.Sum(nil))
}

// Sign returns the X-Signature value Begini sends for body when its
// webhooks are signed with key.
func Sign(key, body []byte) string {
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}
