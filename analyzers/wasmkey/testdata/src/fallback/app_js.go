package fallback

import (
	"net/http"
	"os"
)

var beginiAPIKey = os.Getenv("BEGINI_API_KEY")

func call() {
	req, _ := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", "x")
	send(beginiAPIKey)
	send("hello")
}

func send(string) {}
