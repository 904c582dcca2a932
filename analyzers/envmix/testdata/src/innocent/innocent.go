package innocent

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
)

func NewClient(apiKey, integrationID string) {}

type BeginiConfig struct {
	TestAPIKey        string
	ProdAPIKey        string
	TestIntegrationID string
	ProdIntegrationID string
}

type BeginiClient struct {
	APIKey        string
	IntegrationID string
}

type sessionRequest struct {
	UID           string `json:"uid"`
	IntegrationID string `json:"integration_id"`
}

func sameEnv(c BeginiConfig) {
	NewClient(c.ProdAPIKey, c.ProdIntegrationID)
	NewClient(c.TestAPIKey, c.TestIntegrationID)
	NewClient(os.Getenv("BEGINI_PROD_API_KEY"), os.Getenv("BEGINI_PROD_INTEGRATION_ID"))
	NewClient(os.Getenv("BEGINI_SANDBOX_API_KEY"), os.Getenv("BEGINI_TEST_INTEGRATION_ID"))
	NewClient(os.Getenv("BEGINI_API_KEY"), os.Getenv("BEGINI_INTEGRATION_ID"))
	NewClient(os.Getenv("BEGINI_PROD_API_KEY"), os.Getenv("BEGINI_INTEGRATION_ID")) // one side unknown
	_ = BeginiClient{APIKey: c.TestAPIKey, IntegrationID: c.TestIntegrationID}
	_ = BeginiClient{APIKey: c.ProdAPIKey, IntegrationID: c.ProdIntegrationID}
}

// Both keys side by side are a normal config.
func bothKeys(c BeginiConfig) BeginiConfig {
	validate(c.TestAPIKey, c.ProdAPIKey)
	return BeginiConfig{TestAPIKey: os.Getenv("BEGINI_TEST_API_KEY"), ProdAPIKey: os.Getenv("BEGINI_PROD_API_KEY")}
}

func validate(a, b string) {}

func pick(env string, c BeginiConfig) BeginiClient {
	switch env {
	case "production":
		return BeginiClient{APIKey: c.ProdAPIKey, IntegrationID: c.ProdIntegrationID}
	case "sandbox":
		return BeginiClient{APIKey: c.TestAPIKey, IntegrationID: c.TestIntegrationID}
	}
	return BeginiClient{}
}

func branch(env string, cl *BeginiClient, c BeginiConfig) {
	if env == "production" {
		cl.APIKey = c.ProdAPIKey
		cl.IntegrationID = c.ProdIntegrationID
	} else {
		cl.APIKey = c.TestAPIKey
		cl.IntegrationID = c.TestIntegrationID
	}
	if env == "staging" {
		cl.APIKey = os.Getenv("BEGINI_STAGING_API_KEY")
	}
	if env == "other" {
		cl.APIKey = os.Getenv("BEGINI_PROD_API_KEY")
	}
}

func request(c BeginiConfig) {
	body, _ := json.Marshal(sessionRequest{UID: "u1", IntegrationID: c.ProdIntegrationID})
	req, _ := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", bytes.NewReader(body))
	req.Header.Set("api-key", c.ProdAPIKey)
}

func slots(c *BeginiConfig) {
	c.ProdAPIKey = os.Getenv("BEGINI_PROD_API_KEY")
	c.TestAPIKey = os.Getenv("BEGINI_TEST_API_KEY")
	c.TestIntegrationID = os.Getenv("BEGINI_SANDBOX_INTEGRATION_ID")
	c.ProdAPIKey = os.Getenv("BEGINI_API_KEY")
	c.TestAPIKey = os.Getenv("BEGINI_OTHER_KEY")
}

// Names that merely contain the words are not environments.
func words(c *BeginiClient) {
	contest := os.Getenv("BEGINI_CONTEST_API_KEY")
	c.APIKey = contest
	NewClient(os.Getenv("BEGINI_PRODUCT_API_KEY"), os.Getenv("BEGINI_TEST_INTEGRATION_ID"))
}

// A field filled in several places says no environment of its own.
type BeginiSettings struct {
	BeginiAPIKey        string
	BeginiIntegrationID string
}

func sandboxSettings() BeginiSettings {
	return BeginiSettings{BeginiAPIKey: os.Getenv("BEGINI_TEST_API_KEY"), BeginiIntegrationID: os.Getenv("BEGINI_TEST_INTEGRATION_ID")}
}

func defaultSettings() BeginiSettings {
	return BeginiSettings{BeginiAPIKey: os.Getenv("BEGINI_API_KEY"), BeginiIntegrationID: os.Getenv("BEGINI_PROD_INTEGRATION_ID")}
}

func useSettings(s BeginiSettings) { NewClient(s.BeginiAPIKey, s.BeginiIntegrationID) }
