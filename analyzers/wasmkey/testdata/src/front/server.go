//go:build !js

package main

import (
	"net/http"
	"os"
)

// The server side of the same command: not client code.
func main() {
	req, _ := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", os.Getenv("BEGINI_API_KEY"))
}
