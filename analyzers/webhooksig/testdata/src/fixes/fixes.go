package fixes

import (
	"bytes"
	"encoding/hex"
	"net/http"
)

func expected(body []byte) string { return hex.EncodeToString(body) }

func equal(w http.ResponseWriter, r *http.Request, body []byte) {
	if r.Header.Get("X-Signature") == expected(body) { // want `compared with ==`
		w.WriteHeader(http.StatusNoContent)
	}
}

func notEqual(w http.ResponseWriter, r *http.Request, body []byte) {
	got := []byte(r.Header.Get("X-Signature"))
	if got != nil && bytes.Compare(got, nil) == 0 {
		return
	}
	want := []byte(expected(body))
	if string(got) != string(want) { // want `compared with !=`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func bytesEqual(w http.ResponseWriter, r *http.Request, body []byte) {
	got, _ := hex.DecodeString(r.Header.Get("X-Signature"))
	if !bytes.Equal(got, []byte(expected(body))) { // want `compared with bytes.Equal`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func loop(w http.ResponseWriter, r *http.Request, body []byte) {
	got, want := r.Header.Get("X-Signature"), expected(body)
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] { // want `compared in a byte-by-byte loop`
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
	}
}
