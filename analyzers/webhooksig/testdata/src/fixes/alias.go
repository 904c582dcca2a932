package fixes

import (
	"bytes"
	mac "crypto/hmac"
	"net/http"
)

var _ = mac.New

// bytes is used only here: turning bytes.Equal into hmac.Equal would leave
// its import unused, so no fix is offered.
func onlyBytes(w http.ResponseWriter, r *http.Request, want []byte) {
	if !bytes.Equal([]byte(r.Header.Get("X-Signature")), want) { // want `compared with bytes.Equal`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}

func aliased(w http.ResponseWriter, r *http.Request, want []byte) {
	if []byte(r.Header.Get("X-Signature"))[0] == want[0] { // want `compared in a byte-by-byte loop`
		return
	}
	if sig := []byte(r.Header.Get("X-Signature")); string(sig) != string(want) { // want `compared with !=`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}
