package svc

import (
	"net/http"

	"example.com/beginiclient"
	"example.com/defaults"
)

func wire() {
	beginiclient.New(defaults.Token, "64f1c2a9b8e7d6c5b4a39281") // want `literal from example.com/defaults becomes the Begini API key here \(API key parameter of beginiclient.New\)`
	beginiclient.New(defaults.Secret(), "x")                     // want `literal from example.com/defaults becomes the Begini API key here`
	beginiclient.New(defaults.BeginiAPIKey, "x")                 // reported in defaults
}

func header(req *http.Request) {
	req, _ = http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", defaults.Fallback) // want `literal from example.com/defaults becomes the Begini API key here \(api-key header\)`
}
