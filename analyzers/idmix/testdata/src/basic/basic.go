package basic

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/json"
	"flag"
	"net/http"
	"os"
)

type sessionRequest struct {
	UID           string `json:"uid"`
	IntegrationID string `json:"integration_id"`
}

func idAsKey(req *http.Request) {
	req, _ = http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	id := os.Getenv("BEGINI_INTEGRATION_ID")
	req.Header.Set("api-key", id) // want `Begini integration ID from env BEGINI_INTEGRATION_ID sent as the API key \(api-key header\)`
}

func bearerID(req *http.Request) {
	req, _ = http.NewRequest("POST", "https://api.begini.com/create-session", nil)
	req.Header.Set("Authorization", "Bearer "+os.Getenv("BEGINI_INTEGRATION_ID")) // want `sent as the API key \(Bearer token\)`
}

func keyAsID() []byte {
	key := os.Getenv("BEGINI_API_KEY")
	body, _ := json.Marshal(sessionRequest{UID: "applicant1", IntegrationID: key}) // want `Begini API key from env BEGINI_API_KEY sent as the integration_id field`
	return body
}

func keyInMap() map[string]string {
	return map[string]string{
		"uid":            "applicant1",
		"integration_id": os.Getenv("BEGINI_API_KEY"), // want `sent as the integration_id field`
	}
}

func hmacWithID(body []byte, r *http.Request) bool {
	mac := hmac.New(sha512.New, []byte(os.Getenv("BEGINI_INTEGRATION_ID"))) // want `sent as the API key \(webhook HMAC key\)`
	mac.Write(body)
	return hmac.Equal(mac.Sum(nil), []byte(r.Header.Get("X-Signature")))
}

type Config struct {
	BeginiAPIKey  string
	IntegrationID string
}

type BeginiSettings struct {
	Token  string `env:"BEGINI_INTEGRATION_ID"`
	APIKey string `env:"BEGINI_INTEGRATION_ID"` // want `Begini integration ID from .* bound to field APIKey, the API key's slot`
}

type copied struct {
	BeginiAPIKey  string
	IntegrationID string
}

func bind(c *copied) {
	c.BeginiAPIKey = c.IntegrationID // want `Begini integration ID from field copied.IntegrationID bound to field BeginiAPIKey`
}

type overwritten struct {
	IntegrationID string
}

func bindKey(c *overwritten) {
	c.IntegrationID = os.Getenv("BEGINI_API_KEY") // want `Begini API key from env BEGINI_API_KEY sent as the integration_id field`
}

var keyFlag = flag.String("begini-api-key", os.Getenv("BEGINI_INTEGRATION_ID"), "key") // want `bound to default of flag -begini-api-key`

func newClient(apiKey, integrationID string) {}

func swapped(c Config) {
	newClient(c.IntegrationID, c.BeginiAPIKey) // want `basic.newClient gets the integration ID as apiKey and the API key as integrationID: swap the arguments`
	newClient(c.BeginiAPIKey, c.IntegrationID)
}

func shared(req *http.Request) []byte {
	req, _ = http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	cred := os.Getenv("SCORING_CREDENTIAL")
	req.Header.Set("api-key", cred)                                         // want `env SCORING_CREDENTIAL is used both as the Begini API key and as the integration ID \(here the API key\)`
	body, _ := json.Marshal(sessionRequest{UID: "u1", IntegrationID: cred}) // want `env SCORING_CREDENTIAL is used both .* \(here the integration ID\)`
	return body
}
