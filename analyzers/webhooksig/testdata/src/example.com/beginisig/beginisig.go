// Package beginisig is Begini's by its name: its helpers are judged here,
// once, and not again where they are called.
package beginisig

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
)

// Verify compares in variable time, with the wrong hash.
func Verify(key, body []byte, sig string) bool {
	mac := hmac.New(sha256.New, key) // want `Begini webhook HMAC built with sha256.New`
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil)) == sig // want `Begini webhook signature compared with ==`
}

// Check is correct.
func Check(key, body []byte, sig string) bool {
	got, err := hex.DecodeString(sig)
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	return err == nil && hmac.Equal(got, mac.Sum(nil))
}
