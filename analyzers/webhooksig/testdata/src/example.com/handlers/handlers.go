// Package handlers acts on Begini webhooks and leaves verification to the
// middleware it is registered with: nothing to report here.
package handlers

import (
	"encoding/json"
	"net/http"
)

type Event struct {
	Type string `json:"event"`
	UID  string `json:"uid"`
}

type Store interface{ Save(Event) error }

// StoreEvents returns a handler that decodes and stores events.
func StoreEvents(st Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var ev Event
		if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
			http.Error(w, "invalid payload", http.StatusBadRequest)
			return
		}
		st.Save(ev)
		w.WriteHeader(http.StatusNoContent)
	}
}

// BeginiWebhook is a handler function named for what it receives.
func BeginiWebhook(w http.ResponseWriter, r *http.Request) {
	var ev Event
	json.NewDecoder(r.Body).Decode(&ev)
	w.WriteHeader(http.StatusNoContent)
}

// Results is a handler type.
type Results struct{ St Store }

func (h *Results) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var ev Event
	json.NewDecoder(r.Body).Decode(&ev)
	h.St.Save(ev)
}

// Health decodes nothing.
func Health(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
}
