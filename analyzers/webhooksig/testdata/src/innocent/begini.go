package innocent

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
)

var beginiKey []byte

type event struct {
	Type string `json:"event"`
}

func process(ev event) {}

// A correct Begini receiver that also compares event and content types
// with ==, and hashes the body with SHA-256 for deduplication.
func beginiReceiver(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Content-Type") != "application/json" {
		http.Error(w, "want JSON", http.StatusUnsupportedMediaType)
		return
	}
	body, _ := io.ReadAll(r.Body)
	sig := r.Header.Get("X-Signature")
	if !beginiValid(body, sig) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	var ev event
	if err := json.Unmarshal(body, &ev); err != nil {
		return
	}
	if ev.Type == "assessment.completed" || ev.Type == r.Header.Get("X-Event") {
		process(ev)
	}
	seen := sha256.Sum256(body)
	if hex.EncodeToString(seen[:]) == lastSeen {
		return
	}
}

var lastSeen string

// beginiValid is Begini's by name, and correct.
func beginiValid(body []byte, sig string) bool {
	got, err := hex.DecodeString(sig)
	mac := hmac.New(sha512.New, beginiKey)
	mac.Write(body)
	return err == nil && hmac.Equal(got, mac.Sum(nil))
}

// SignBeginiRequest signs an outgoing body for a partner with SHA-256: not
// the webhook signature.
func SignBeginiRequest(body []byte) string {
	mac := hmac.New(sha256.New, beginiKey)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}
