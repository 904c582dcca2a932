package app

import (
	"encoding/json"
	"net/http"

	"example.com/mw"
)

type server struct{ key []byte }

// beginiWebhook decodes and acts, relying on the middleware where it is
// registered.
func (s *server) beginiWebhook(w http.ResponseWriter, r *http.Request) {
	var ev map[string]any
	json.NewDecoder(r.Body).Decode(&ev)
}

func (s *server) routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /begini/hooks", s.beginiWebhook) // want `Begini webhook handler app.server.beginiWebhook registered without signature verification`
	mux.Handle("POST /begini/hooks/v2", mw.VerifyBegini(s.key, http.HandlerFunc(s.beginiWebhook)))
	mux.HandleFunc("POST /begini/hooks/inline", func(w http.ResponseWriter, r *http.Request) { // want `Begini webhook handler registered without signature verification`
		var ev map[string]any
		json.NewDecoder(r.Body).Decode(&ev)
	})
}
