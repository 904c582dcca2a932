package basic

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"os"
)

func NewClient(apiKey, integrationID string) {}

type sessionRequest struct {
	UID           string `json:"uid"`
	IntegrationID string `json:"integration_id"`
}

// Key and integration ID of different environments in one call.
func calls() {
	NewClient(os.Getenv("BEGINI_PROD_API_KEY"), os.Getenv("BEGINI_TEST_INTEGRATION_ID"))      // want `test credential from env BEGINI_TEST_INTEGRATION_ID used with the production API key from env BEGINI_PROD_API_KEY`
	NewClient(os.Getenv("BEGINI_SANDBOX_API_KEY"), os.Getenv("BEGINI_LIVE_INTEGRATION_ID"))   // want `production credential from env BEGINI_LIVE_INTEGRATION_ID used with the test API key`
	NewClient(os.Getenv("BEGINI_STAGING_KEY"), os.Getenv("BEGINI_PRODUCTION_INTEGRATION_ID")) // want `used with the test API key from env BEGINI_STAGING_KEY`
	NewClient(os.Getenv("BEGINI_DEV_API_KEY"), os.Getenv("BEGINI_PROD_INTEGRATION_ID"))       // want `keep Test and Production credentials apart`
}

func viaVariables() {
	prodKey := os.Getenv("BEGINI_PROD_API_KEY")
	testID := os.Getenv("BEGINI_TEST_INTEGRATION_ID")
	NewClient(prodKey, testID) // want `test credential from env BEGINI_TEST_INTEGRATION_ID used with the production API key`
}

func viaFlags() {
	key := flag.String("begini-prod-api-key", "", "production key")
	id := flag.String("begini-test-integration-id", "", "test integration")
	NewClient(*key, *id) // want `test credential from flag begini-test-integration-id used with the production API key from flag begini-prod-api-key`
}

type BeginiConfig struct {
	TestAPIKey        string
	ProdAPIKey        string
	TestIntegrationID string
	ProdIntegrationID string
}

func fromConfig(c BeginiConfig) {
	NewClient(c.ProdAPIKey, c.TestIntegrationID) // want `test credential from field BeginiConfig.TestIntegrationID used with the production API key from field BeginiConfig.ProdAPIKey`
	NewClient(c.TestAPIKey, c.ProdIntegrationID) // want `production credential from field BeginiConfig.ProdIntegrationID used with the test API key`
}

type BeginiClient struct {
	APIKey        string
	IntegrationID string
}

func structs(c BeginiConfig) BeginiClient {
	_ = BeginiClient{APIKey: c.ProdAPIKey, IntegrationID: c.TestIntegrationID} // want `used with the production API key`
	return BeginiClient{
		APIKey:        os.Getenv("BEGINI_TEST_API_KEY"),
		IntegrationID: os.Getenv("BEGINI_PROD_INTEGRATION_ID"), // want `production credential from env BEGINI_PROD_INTEGRATION_ID used with the test API key`
	}
}

func request(c BeginiConfig) {
	body, _ := json.Marshal(sessionRequest{UID: "u1", IntegrationID: c.TestIntegrationID})
	req, _ := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", bytes.NewReader(body))
	req.Header.Set("api-key", c.ProdAPIKey) // want `test credential from field BeginiConfig.TestIntegrationID used with the production API key`
}

type BeginiSlots struct {
	TestAPIKey        string
	ProdAPIKey        string
	TestIntegrationID string
	ProdIntegrationID string
}

type BeginiShared struct {
	TestAPIKey        string
	ProdAPIKey        string
	TestIntegrationID string
	ProdIntegrationID string
}

// A credential in the other environment's slot.
func slots(c *BeginiSlots) {
	c.ProdAPIKey = os.Getenv("BEGINI_TEST_API_KEY")                  // want `test credential from env BEGINI_TEST_API_KEY stored in field ProdAPIKey, the production slot`
	c.TestAPIKey = os.Getenv("BEGINI_LIVE_API_KEY")                  // want `production credential from env BEGINI_LIVE_API_KEY stored in field TestAPIKey, the test slot`
	c.ProdIntegrationID = os.Getenv("BEGINI_SANDBOX_INTEGRATION_ID") // want `stored in field ProdIntegrationID, the production slot`
}

func slotLiteral() BeginiSlots {
	return BeginiSlots{
		TestAPIKey: os.Getenv("BEGINI_PROD_API_KEY"), // want `production credential from env BEGINI_PROD_API_KEY stored in field TestAPIKey, the test slot`
	}
}

// One source in both slots.
func shared(c *BeginiShared) {
	key := os.Getenv("BEGINI_API_KEY")
	c.TestAPIKey = key
	c.ProdAPIKey = key // want `(variable key|env BEGINI_API_KEY) is given to both the Test and the Production slot \(here field ProdAPIKey\)`
}

func sharedEnv() BeginiShared {
	return BeginiShared{
		TestIntegrationID: os.Getenv("BEGINI_INTEGRATION_ID"),
		ProdIntegrationID: os.Getenv("BEGINI_INTEGRATION_ID"), // want `env BEGINI_INTEGRATION_ID is given to both the Test and the Production slot`
	}
}

// A credential chosen under a condition naming the other environment.
func branches(env string, c *BeginiClient) {
	if env == "production" {
		c.APIKey = os.Getenv("BEGINI_TEST_API_KEY") // want `test credential from env BEGINI_TEST_API_KEY chosen under a condition that selects production`
	}
	if env == "sandbox" {
		c.IntegrationID = os.Getenv("BEGINI_PROD_INTEGRATION_ID") // want `production credential .* chosen under a condition that selects test`
	}
	switch env {
	case "live":
		c.APIKey = os.Getenv("BEGINI_STAGING_API_KEY") // want `chosen under a condition that selects production`
	case "test":
		c.APIKey = os.Getenv("BEGINI_PROD_API_KEY") // want `chosen under a condition that selects test`
	}
}

func boolBranch(isProduction bool, c *BeginiClient) {
	if isProduction {
		c.APIKey = os.Getenv("BEGINI_DEV_API_KEY") // want `chosen under a condition that selects production`
	}
}

func credentials(env string) (string, string) {
	switch env {
	case "sandbox":
		return os.Getenv("BEGINI_SANDBOX_API_KEY"), os.Getenv("BEGINI_PROD_INTEGRATION_ID") // want `production credential from env BEGINI_PROD_INTEGRATION_ID used with the test API key`
	}
	return os.Getenv("BEGINI_PROD_API_KEY"), os.Getenv("BEGINI_PROD_INTEGRATION_ID")
}
