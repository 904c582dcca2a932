package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
)

// KioskHandler receives the results of assessments taken on branch kiosks.
// It was written from an older integration guide and has not been brought
// in line with the current one, which Handler follows.
type KioskHandler struct {
	secret []byte
	store  Store
}

// NewKioskHandler returns the kiosk receiver, keyed with the API key.
func NewKioskHandler(apiKey string, store Store) *KioskHandler {
	return &KioskHandler{secret: []byte(apiKey), store: store}
}

func (h *KioskHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var ev Event
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&ev); err != nil { // planted: webhooksig
		http.Error(w, "invalid payload", http.StatusBadRequest)
		return
	}
	// The older guide signs the event with HMAC-SHA256.
	payload, err := json.Marshal(ev)
	if err != nil {
		http.Error(w, "invalid payload", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, h.secret)                                       // planted: webhooksig
	mac.Write(payload)                                                          // planted: webhooksig
	if hex.EncodeToString(mac.Sum(nil)) != r.Header.Get("X-Begini-Signature") { // planted: webhooksig
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	if err := h.store.SaveEvent(r.Context(), ev); err != nil {
		http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
