// Package sigutil holds signature helpers with no vendor in their names:
// whether they are Begini's is decided where the signature is passed in.
package sigutil

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
)

// Valid is correct: HMAC-SHA512 of the body, compared in constant time.
func Valid(key, body []byte, sig string) bool {
	got, err := hex.DecodeString(sig)
	if err != nil {
		return false
	}
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	return hmac.Equal(got, mac.Sum(nil))
}

// Equal compares in variable time.
func Equal(a, b string) bool {
	return a == b
}

// Sign256 computes an HMAC-SHA256.
func Sign256(key, body []byte) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	return mac.Sum(nil)
}

// Sign512 computes an HMAC-SHA512 of whatever it is given.
func Sign512(key, data []byte) string {
	mac := hmac.New(sha512.New, key)
	mac.Write(data)
	return hex.EncodeToString(mac.Sum(nil))
}

// Digest is a plain keyed hash.
func Digest(key, body []byte) []byte {
	sum := sha512.Sum512(append(key, body...))
	return sum[:]
}

// ValidEvent re-encodes what it is given before signing it.
func ValidEvent(key []byte, ev any, sig []byte) bool {
	payload, _ := json.Marshal(ev)
	mac := hmac.New(sha512.New, key)
	mac.Write(payload)
	return bytes.Equal(mac.Sum(nil), sig)
}

// ValidBytes compares in constant time.
func ValidBytes(got, want []byte) bool { return hmac.Equal(got, want) }

// ValidString compares in constant time.
func ValidString(got, want string) bool { return hmac.Equal([]byte(got), []byte(want)) }
