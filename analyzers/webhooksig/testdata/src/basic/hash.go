package basic

import (
	"crypto"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"io"
	"net/http"
)

func sha256HMAC(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	got, _ := hex.DecodeString(r.Header.Get("X-Signature"))
	mac := hmac.New(sha256.New, key) // want `Begini webhook HMAC built with sha256.New: Begini signs with HMAC-SHA512, so use sha512.New`
	mac.Write(body)
	if !hmac.Equal(got, mac.Sum(nil)) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func md5HMAC(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(md5.New, key) // want `HMAC built with md5.New`
	mac.Write(body)
	if !hmac.Equal([]byte(r.Header.Get("X-Signature")), []byte(hex.EncodeToString(mac.Sum(nil)))) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func sha384HMAC(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(sha512.New384, key) // want `HMAC built with sha512.New384`
	mac.Write(body)
	if !hmac.Equal([]byte(r.Header.Get("X-Signature")), mac.Sum(nil)) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func cryptoHash(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(crypto.SHA256.New, key) // want `HMAC built with crypto.SHA256.New`
	mac.Write(body)
	if !hmac.Equal([]byte(r.Header.Get("X-Signature")), mac.Sum(nil)) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func hashLiteral(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(func() hash.Hash { return sha1.New() }, key) // want `HMAC built with sha1.New`
	mac.Write(body)
	if !hmac.Equal([]byte(r.Header.Get("X-Signature")), mac.Sum(nil)) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func plainKeyedHash(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	sum := sha512.Sum512(append(key, body...)) // want `Begini webhook signature checked against a plain hash \(sha512.Sum512\): compute hmac.New\(sha512.New, key\) over the raw body`
	if !hmac.Equal([]byte(r.Header.Get("X-Signature")), []byte(hex.EncodeToString(sum[:]))) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func plainHashWriter(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	h := sha512.New() // want `plain hash \(sha512.New\)`
	h.Write(key)
	h.Write(body)
	if !hmac.Equal([]byte(r.Header.Get("X-Signature")), []byte(hex.EncodeToString(h.Sum(nil)))) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

// Correct: SHA-512, however it is named.

func cryptoSHA512(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(crypto.SHA512.New, key)
	mac.Write(body)
	if !hmac.Equal([]byte(r.Header.Get("X-Signature")), []byte(hex.EncodeToString(mac.Sum(nil)))) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

// SHA-256 for something other than the signature: an idempotency key and
// a digest for the logs, in the same handler.
func sha256Elsewhere(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	digest := sha256.Sum256(body)
	dedupe := hmac.New(sha256.New, []byte("dedupe"))
	dedupe.Write(body)
	remember(hex.EncodeToString(digest[:]), dedupe.Sum(nil))
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	if !hmac.Equal([]byte(r.Header.Get("X-Signature")), []byte(hex.EncodeToString(mac.Sum(nil)))) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func remember(digest string, id []byte) {}
