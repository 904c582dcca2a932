// Package chi is a fake of github.com/go-chi/chi/v5 with the calls the
// tests use.
package chi

import "net/http"

type Mux struct{}

func NewRouter() *Mux { return &Mux{} }

func (m *Mux) Use(middlewares ...func(http.Handler) http.Handler) {}

func (m *Mux) With(middlewares ...func(http.Handler) http.Handler) *Mux { return m }

func (m *Mux) Post(pattern string, h http.HandlerFunc) {}

func (m *Mux) Handle(pattern string, h http.Handler) {}

func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
