// Package configured has a receiver the team configured as Begini's
// (webhook_handlers), with nothing in its names or routes to say so.
package configured

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"net/http"
)

// Receive acts on what it is posted.
func Receive(w http.ResponseWriter, r *http.Request) {
	var ev map[string]any
	json.NewDecoder(r.Body).Decode(&ev)
}

// Check compares what it is given with the MAC in variable time.
func (v *Verifier) Check(body []byte, sig string) bool {
	mac := hmac.New(sha512.New, v.key)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil)) == sig // want `Begini webhook signature compared with ==`
}

type Verifier struct{ key []byte }

// Other is not configured.
func Other(w http.ResponseWriter, r *http.Request) {
	var ev map[string]any
	json.NewDecoder(r.Body).Decode(&ev)
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/events", Receive) // want `Begini webhook handler configured.Receive registered without signature verification`
	mux.HandleFunc("/other", Other)
}
