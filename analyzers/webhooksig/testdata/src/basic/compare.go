// Package basic holds Begini webhook receivers that verify in one place.
package basic

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/hex"
	"io"
	"net/http"
	"reflect"
	"strings"
)

var key = []byte("read from the environment in real code")

func expected(body []byte) string {
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

func equalOp(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if r.Header.Get("X-Signature") == expected(body) { // want `Begini webhook signature compared with ==, which leaks how much of it matches: use hmac.Equal`
		w.WriteHeader(http.StatusNoContent)
	}
}

func notEqualOp(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	sig := r.Header.Get("X-Begini-Signature")
	if expected(body) != sig { // want `compared with !=`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
}

func bytesEqual(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	got, _ := hex.DecodeString(r.Header.Get("X-Signature"))
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	if !bytes.Equal(got, mac.Sum(nil)) { // want `compared with bytes.Equal`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func equalFold(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if !strings.EqualFold(r.Header.Get("x-signature"), expected(body)) { // want `compared with strings.EqualFold`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func compare(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if strings.Compare(expected(body), r.Header.Get("X-Signature")) != 0 { // want `compared with strings.Compare`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func deepEqual(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	sig := r.Header["X-Signature"]
	if !reflect.DeepEqual(sig, []string{expected(body)}) { // want `compared with reflect.DeepEqual`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func byteLoop(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	got := []byte(r.Header.Get("X-Signature"))
	want := []byte(expected(body))
	if len(got) != len(want) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	for i := range got {
		if got[i] != want[i] { // want `compared in a byte-by-byte loop`
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
	}
}

func switchCase(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	switch r.Header.Get("X-Signature") {
	case expected(body): // want `compared in a switch case`
		w.WriteHeader(http.StatusNoContent)
	default:
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func hasPrefix(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if !strings.HasPrefix(expected(body), r.Header.Get("X-Signature")) { // want `compared with strings.HasPrefix`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

// Correct: constant time, in all its spellings.

func hmacEqual(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	got, err := hex.DecodeString(r.Header.Get("X-Signature"))
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	if err != nil || !hmac.Equal(got, mac.Sum(nil)) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func constantTime(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	sig := strings.TrimSpace(r.Header.Get("X-Signature"))
	if subtle.ConstantTimeCompare([]byte(sig), []byte(expected(body))) != 1 {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func presence(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	sig := r.Header.Get("X-Signature")
	if sig == "" || len(sig) != 2*sha512.Size || strings.HasPrefix(sig, "sha512=") {
		http.Error(w, "missing signature", http.StatusUnauthorized)
		return
	}
	if !hmac.Equal([]byte(sig), []byte(expected(body))) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}
