package innocent

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
)

type Config struct {
	BeginiAPIKey  string `env:"BEGINI_API_KEY"`
	IntegrationID string `env:"BEGINI_INTEGRATION_ID"`
}

type sessionRequest struct {
	UID           string `json:"uid"`
	IntegrationID string `json:"integration_id"`
}

func NewClient(apiKey, integrationID string) {}

func correct(req *http.Request) []byte {
	c := Config{BeginiAPIKey: os.Getenv("BEGINI_API_KEY"), IntegrationID: os.Getenv("BEGINI_INTEGRATION_ID")}
	req, _ = http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", c.BeginiAPIKey)
	body, _ := json.Marshal(sessionRequest{UID: "u1", IntegrationID: c.IntegrationID})
	NewClient(c.BeginiAPIKey, c.IntegrationID)
	log.Printf("integration %s", c.IntegrationID) // the ID is not secret
	return body
}

const integrationID = "64f1c2a9b8e7d6c5b4a39281" // hardcoded ID: fine

var both = map[string]string{
	"api_key_env":    "BEGINI_API_KEY",
	"integration_id": integrationID,
}

func other(req *http.Request) {
	req, _ = http.NewRequest("POST", "https://myres.openai.azure.com/x", nil)
	req.Header.Set("api-key", os.Getenv("AZURE_DEPLOYMENT_ID"))
}
