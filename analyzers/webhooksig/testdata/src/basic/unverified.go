package basic

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"io"
	"log"
	"net/http"
)

type store struct{}

func (store) save(ev event) error { return nil }

var db store

func readsButNeverChecks(w http.ResponseWriter, r *http.Request) { // want `Begini webhook handler basic.readsButNeverChecks reads the signature but never verifies it`
	log.Printf("webhook signed %d bytes", len(r.Header.Get("X-Signature")))
	var ev event
	json.NewDecoder(r.Body).Decode(&ev)
	db.save(ev)
}

func decodeFirst(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var ev event
	json.Unmarshal(body, &ev) // want `decoded on a path where its signature is not verified`
	if !valid(body, r.Header.Get("X-Signature")) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	db.save(ev)
}

func onlyWhenPresent(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if sig := r.Header.Get("X-Signature"); sig != "" {
		if !valid(body, sig) {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
	}
	var ev event
	json.Unmarshal(body, &ev) // want `decoded on a path where its signature is not verified`
	db.save(ev)
}

func logsAndGoesOn(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if !valid(body, r.Header.Get("X-Signature")) {
		log.Print("bad signature")
	}
	var ev event
	json.Unmarshal(body, &ev) // want `decoded on a path where its signature is not verified`
	db.save(ev)
}

func outcomeIgnored(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	ok := valid(body, r.Header.Get("X-Signature"))
	_ = ok
	var ev event
	json.Unmarshal(body, &ev) // want `decoded on a path where its signature is not verified`
	db.save(ev)
}

// valid is a helper of this package: the handlers that call it verify.
func valid(body []byte, sig string) bool {
	got, err := hex.DecodeString(sig)
	if err != nil {
		return false
	}
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	return hmac.Equal(got, mac.Sum(nil))
}

// Correct: verified before decoding, in the usual shapes.

func verifyFirst(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if !valid(body, r.Header.Get("X-Signature")) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	var ev event
	json.Unmarshal(body, &ev)
	db.save(ev)
}

func verifyOutcome(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	ok := valid(body, r.Header.Get("X-Signature"))
	if !ok {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	var ev event
	json.Unmarshal(body, &ev)
	db.save(ev)
}

func verifyPositive(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if valid(body, r.Header.Get("X-Signature")) {
		var ev event
		json.Unmarshal(body, &ev)
		db.save(ev)
		return
	}
	http.Error(w, "invalid signature", http.StatusUnauthorized)
}

func verifyErr(w http.ResponseWriter, r *http.Request) {
	body, err := checked(r)
	if err != nil {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	var ev event
	json.Unmarshal(body, &ev)
	db.save(ev)
}

// checked reads the body and the signature itself and verifies them.
func checked(r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	if !valid(body, r.Header.Get("X-Begini-Signature")) {
		return nil, errBadSignature
	}
	return body, nil
}

var errBadSignature = io.ErrUnexpectedEOF

func methodSwitch(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPost:
		body, _ := io.ReadAll(r.Body)
		if !valid(body, r.Header.Get("X-Signature")) {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		var ev event
		json.Unmarshal(body, &ev)
		db.save(ev)
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// A handler type whose ServeHTTP verifies before decoding.
type receiver struct{ key []byte }

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if err := rc.verify(body, r.Header.Get("X-Signature")); err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	var ev event
	json.Unmarshal(body, &ev)
	db.save(ev)
}

func (rc *receiver) verify(body []byte, sig string) error {
	mac := hmac.New(sha512.New, rc.key)
	mac.Write(body)
	if !hmac.Equal([]byte(sig), []byte(hex.EncodeToString(mac.Sum(nil)))) {
		return errBadSignature
	}
	return nil
}
