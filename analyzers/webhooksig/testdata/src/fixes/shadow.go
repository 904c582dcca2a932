package fixes

import "net/http"

// A local named hmac would take the call: no fix is offered.
func shadowed(w http.ResponseWriter, r *http.Request, want string) {
	hmac := 3
	_ = hmac
	if r.Header.Get("X-Signature") != want { // want `compared with !=`
		http.Error(w, "invalid signature", http.StatusUnauthorized)
	}
}
