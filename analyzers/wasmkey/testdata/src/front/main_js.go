//go:build js && wasm

package main

import (
	"net/http"
	"os"
	"syscall/js"

	"example.com/shared"
)

var beginiAPIKey string // set with -ldflags -X

func main() {
	req, _ := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", beginiAPIKey) // want `credentialed Begini call from client-side code \(api-key header\)`

	key := os.Getenv("BEGINI_API_KEY")
	js.Global().Set("beginiKey", key) // want `Begini API key from env BEGINI_API_KEY used in client-side code \(passed to js.Value.Set\)`

	stored := js.Global().Get("localStorage").Call("getItem", "begini_api_key").String()
	startSession(stored) // want `Begini API key from config key js begini_api_key used in client-side code \(passed to main.startSession\)`

	fromShared := shared.Key()
	startSession(fromShared) // want `Begini API key from env BEGINI_API_KEY used in client-side code`

	// Calling the team's own back end without a key is the right design.
	http.Post("/api/sessions", "application/json", nil)
}

func startSession(k string) {}
