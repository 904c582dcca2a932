// Package receiver receives Begini webhooks with the helpers of sigutil.
package receiver

import (
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"

	"example.com/beginisig"
	"example.com/sigutil"
)

var key []byte

type event struct {
	Type string `json:"event"`
}

func save(ev event) {}

func viaEqual(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if !sigutil.Equal(r.Header.Get("X-Signature"), sigutil.Sign512(key, body)) { // want `sigutil.Equal compares the Begini webhook signature with ==, which leaks how much of it matches: use hmac.Equal`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
}

func viaSign256(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := sigutil.Sign256(key, body)                           // want `sigutil.Sign256 builds the Begini webhook HMAC with sha256.New: Begini signs with HMAC-SHA512, so use sha512.New`
	if hex.EncodeToString(mac) != r.Header.Get("X-Signature") { // want `compared with !=`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
}

func viaDigest(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	got, _ := hex.DecodeString(r.Header.Get("X-Signature"))
	if !sigutil.ValidBytes(got, sigutil.Digest(key, body)) { // want `sigutil.Digest checks the Begini webhook signature against a plain hash \(sha512.Sum512\)`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
}

func viaSignReencoded(w http.ResponseWriter, r *http.Request) {
	var ev event
	body, _ := io.ReadAll(r.Body)
	json.Unmarshal(body, &ev) // want `decoded on a path where its signature is not verified`
	payload, _ := json.Marshal(ev)
	if !sigutil.ValidString(r.Header.Get("X-Signature"), sigutil.Sign512(key, payload)) { // want `re-encoded data passed to sigutil.Sign512, which computes the Begini webhook MAC over it`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	save(ev)
}

func viaValidEvent(w http.ResponseWriter, r *http.Request) {
	var ev event
	json.NewDecoder(r.Body).Decode(&ev) // want `decoded on a path where its signature is not verified`
	got, _ := hex.DecodeString(r.Header.Get("X-Signature"))
	if !sigutil.ValidEvent(key, ev, got) { // want `sigutil.ValidEvent compares the Begini webhook signature with bytes.Equal` `sigutil.ValidEvent computes the Begini webhook MAC over re-encoded`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	save(ev)
}

// Correct: the helper of another package verifies, before decoding.
func viaValid(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if !sigutil.Valid(key, body, r.Header.Get("X-Signature")) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	var ev event
	json.Unmarshal(body, &ev)
	save(ev)
}

// Correct: sigutil.Equal on something other than the signature.
func eventType(w http.ResponseWriter, r *http.Request, want string) bool {
	return sigutil.Equal(r.Header.Get("X-Event-Type"), want)
}

// beginisig.Verify is reported in its own package, not at this call; the
// call still counts as verification.
func viaBeginiSig(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if !beginisig.Verify(key, body, r.Header.Get("X-Signature")) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	var ev event
	json.Unmarshal(body, &ev)
	save(ev)
}

func viaBeginiCheck(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if err := check(body, r.Header.Get("X-Signature")); err != nil {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	var ev event
	json.Unmarshal(body, &ev)
	save(ev)
}

func check(body []byte, sig string) error {
	if !beginisig.Check(key, body, sig) {
		return io.ErrUnexpectedEOF
	}
	return nil
}
