//go:build js && wasm

package widget

import (
	"bytes"
	"encoding/json"
	"net/http"
	"syscall/js"
)

// BeginiAPIKey is injected at build time for the "direct" mode:
//
//	GOOS=js GOARCH=wasm go build -ldflags "-X example.com/lender/internal/widget.BeginiAPIKey=..."
//
// Anything linked into the wasm binary can be read by whoever loads the page.
var BeginiAPIKey string

const beginiSessionsURL = "https://api.begini.co/v1/sessions-management/tokens"

// StartViaBackend asks the lender's back end to create the session: the
// right design, no credential in the browser.
func StartViaBackend(uid string) (*http.Response, error) {
	body, err := json.Marshal(StartRequest{UID: uid})
	if err != nil {
		return nil, err
	}
	return http.Post("/api/sessions", "application/json", bytes.NewReader(body))
}

// StartDirect calls Begini straight from the browser. Do not ship this.
func StartDirect(uid, integrationID string) (*http.Response, error) {
	body, err := json.Marshal(map[string]string{"uid": uid, "integration_id": integrationID})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, beginiSessionsURL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("api-key", BeginiAPIKey) // planted: wasmkey
	return http.DefaultClient.Do(req)
}

// Expose publishes the configuration for the page's JavaScript.
func Expose(integrationID string) {
	js.Global().Set("lenderIntegrationID", integrationID)
	js.Global().Set("beginiKey", BeginiAPIKey) // planted: wasmkey
}
