package basic

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"net/http"
)

type event struct {
	Type string `json:"event"`
	UID  string `json:"uid"`
}

func marshalled(w http.ResponseWriter, r *http.Request) {
	var ev event
	json.NewDecoder(r.Body).Decode(&ev) // want `Begini webhook payload decoded on a path where its signature is not verified: verify first and stop on a mismatch`
	payload, _ := json.Marshal(ev)
	mac := hmac.New(sha512.New, key)
	mac.Write(payload) // want `Begini webhook MAC computed over re-encoded data: hash the raw request body as received`
	if !hmac.Equal([]byte(r.Header.Get("X-Signature")), []byte(hex.EncodeToString(mac.Sum(nil)))) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func encoded(w http.ResponseWriter, r *http.Request) {
	var ev event
	json.NewDecoder(r.Body).Decode(&ev) // want `decoded on a path where its signature is not verified`
	mac := hmac.New(sha512.New, key)
	json.NewEncoder(mac).Encode(ev) // want `MAC computed over re-encoded data`
	if !hmac.Equal([]byte(r.Header.Get("X-Signature")), []byte(hex.EncodeToString(mac.Sum(nil)))) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func buffered(w http.ResponseWriter, r *http.Request) {
	var ev event
	json.NewDecoder(r.Body).Decode(&ev) // want `decoded on a path where its signature is not verified`
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(ev)
	mac := hmac.New(sha512.New, key)
	mac.Write(buf.Bytes()) // want `MAC computed over re-encoded data`
	if !hmac.Equal([]byte(r.Header.Get("X-Signature")), []byte(hex.EncodeToString(mac.Sum(nil)))) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

// Re-encoding to sign an outgoing request to someone else is fine.
func signOutgoing(ev event, partnerKey []byte) string {
	payload, _ := json.Marshal(ev)
	mac := hmac.New(sha512.New, partnerKey)
	mac.Write(payload)
	return hex.EncodeToString(mac.Sum(nil))
}
