// Package app registers the handlers of package handlers; whether they are
// verified depends on what they are wrapped with here.
package app

import (
	"net/http"

	"example.com/handlers"
	"example.com/mw"
	"github.com/go-chi/chi/v5"
)

var key []byte

func routes(st handlers.Store) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("POST /webhooks/begini", handlers.StoreEvents(st))               // want `Begini webhook handler returned by handlers.StoreEvents registered without signature verification: wrap it in a verifying middleware or verify in the handler`
	mux.HandleFunc("/begini/callback", handlers.BeginiWebhook)                  // want `handlers.BeginiWebhook registered without signature verification`
	mux.Handle("/notify", &handlers.Results{St: st})                            // no Begini in the route or the name
	mux.Handle("/hooks/begini/results", &handlers.Results{St: st})              // want `handlers.Results registered without signature verification`
	mux.Handle("/webhooks/begini/logged", mw.Logging(handlers.StoreEvents(st))) // want `registered without signature verification`

	// Correct: wrapped in a verifying middleware where registered.
	mux.Handle("POST /webhooks/begini/v2", mw.VerifyBegini(key, handlers.StoreEvents(st)))
	mux.Handle("/webhooks/begini/v3", mw.Signature(key)(http.HandlerFunc(handlers.BeginiWebhook)))
	mux.Handle("/webhooks/begini/v4", &mw.Verifier{Key: key, Next: handlers.StoreEvents(st)})
	verified := mw.VerifyBegini(key, &handlers.Results{St: st})
	mux.Handle("/webhooks/begini/v5", verified)
	mux.HandleFunc("/webhooks/begini/health", handlers.Health)
	http.Handle("/webhooks/begini/strip", http.StripPrefix("/webhooks", mw.VerifyBegini(key, handlers.StoreEvents(st))))
	return mux
}

// A router whose middleware covers every route.
func chiRoutes(st handlers.Store) *chi.Mux {
	r := chi.NewRouter()
	r.Use(mw.Signature(key))
	r.Post("/webhooks/begini", handlers.StoreEvents(st))
	return r
}

func chiWith(st handlers.Store) *chi.Mux {
	r := chi.NewRouter()
	r.With(mw.Signature(key)).Post("/webhooks/begini", handlers.StoreEvents(st))
	return r
}

func chiBare(st handlers.Store) *chi.Mux {
	r := chi.NewRouter()
	r.Post("/webhooks/begini", handlers.StoreEvents(st)) // want `registered without signature verification`
	return r
}
