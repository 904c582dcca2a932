package server

import (
	"net/http"
	"os"
)

// Server code: the key belongs here.
func call() {
	req, _ := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", os.Getenv("BEGINI_API_KEY"))
}
