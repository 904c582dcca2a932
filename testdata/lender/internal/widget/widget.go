// Package widget is the browser onboarding widget: the shared request
// types build everywhere, the DOM glue only for js/wasm (widget_js.go).
package widget

import "example.com/lender/internal/begini"

// StartRequest is what the widget posts to the lender's own back end, which
// holds the Begini credentials and calls Begini itself.
type StartRequest struct {
	UID string `json:"uid"`
}

// Valid reports whether the request can be sent.
func (r StartRequest) Valid() bool { return begini.ValidUID(r.UID) }
