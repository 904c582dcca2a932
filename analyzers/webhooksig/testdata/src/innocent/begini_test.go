package innocent

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"net/http/httptest"
	"testing"
)

// Tests sign sample payloads and compare results with ==.
func TestReceiver(t *testing.T) {
	body := []byte(`{"event":"assessment.completed"}`)
	mac := hmac.New(sha512.New, beginiKey)
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	rec := httptest.NewRecorder()
	rec.Header().Set("X-Signature", want)
	if got := rec.Header().Get("X-Signature"); got != want {
		t.Fatalf("signature %q, want %q", got, want)
	}
}
