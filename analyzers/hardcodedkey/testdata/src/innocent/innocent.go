package innocent

import (
	"flag"
	"net/http"
	"os"
)

// Placeholders, names, URLs, integration IDs and other vendors' keys.
const (
	beginiKeyEnv     = "BEGINI_API_KEY"
	passwordEnvVar   = "DB_PASSWORD"
	beginiKeyHeader  = "api-key"
	beginiURL        = "https://api.begini.co/v1/sessions-management/tokens"
	integrationID    = "64f1c2a9b8e7d6c5b4a39281"
	placeholderKey   = "YOUR_API_KEY"
	beginiAPIKeyDocs = "<api-key>"
)

var BeginiAPIKey = "" // empty placeholder

var beginiSecret = "${BEGINI_API_KEY}"

var tokenizer = "Zk3pQ9xLm2Rt7Vw4Yb8Nc1Hd"

var compass = "Hq72LmPx9ZtR4vYb1NcK8sWd"

var beginiAccessToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc123def456"

var stripeKey = "sk_live_Hq72LmPx9ZtR4vYb1NcK8sWd"

var fl = flag.String("begini-api-key", "changeme", "key")

func azure(req *http.Request) {
	req, _ = http.NewRequest("POST", "https://myres.openai.azure.com/openai/deployments", nil)
	req.Header.Set("api-key", "Ab12LmPx9ZtR4vYb1NcK8sWd")
	req.Header.Set("api-key", os.Getenv("AZURE_OPENAI_API_KEY"))
}

func idFallback() string {
	id := os.Getenv("BEGINI_INTEGRATION_ID")
	if id == "" {
		id = "64f1c2a9b8e7d6c5b4a39281"
	}
	return id
}

func envUse(req *http.Request) {
	req, _ = http.NewRequest("POST", beginiURL, nil)
	req.Header.Set(beginiKeyHeader, os.Getenv(beginiKeyEnv))
}

// Instructions and typed runs where the key should go.
var (
	beginiAPIKeyHint = "your_api_key_goes_here"
	BeginiSecret     = "enter-your-api-key"
	beginiKey        = "MY_SECRET_KEY_123"
	beginiTestKey    = "abcdefghijklmnopqrstuvwxyz"
	beginiDevKey     = "1234567890abcdef"
)
