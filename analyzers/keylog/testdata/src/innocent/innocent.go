package innocent

import (
	"crypto/sha256"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"
)

func names() {
	tokenizer := os.Getenv("TOKENIZER_PATH")
	passwordEnvVar := "DB_PASSWORD"
	compass := os.Getenv("COMPASS_HEADING")
	log.Println(tokenizer, passwordEnvVar, compass)
	id := os.Getenv("BEGINI_INTEGRATION_ID")
	log.Printf("integration %s", id)
	uid := "applicant-123"
	log.Printf("uid %s", uid)
	token := os.Getenv("BEGINI_ACCESS_TOKEN")
	_ = token
	azure := os.Getenv("AZURE_OPENAI_API_KEY")
	log.Printf("azure %s", azure)
	stripe := os.Getenv("STRIPE_SECRET_KEY")
	log.Printf("stripe %s", stripe)
}

func masked() {
	key := os.Getenv("BEGINI_API_KEY")
	sum := sha256.Sum256([]byte(key))
	log.Printf("key fingerprint %x", sum[:4])
	log.Printf("key hint %s", key[:4])
	log.Printf("has key: %t", key != "")
	fmt.Printf("key length %d\n", len(key))
	log.Printf("redacted %s", redact(key))
}

func redact(s string) string { return "[redacted]" }

func azureHeader() {
	req, _ := http.NewRequest("POST", "https://myres.openai.azure.com/x", nil)
	k := someKey()
	req.Header.Set("api-key", k)
	log.Printf("azure key %s", k)
}

func someKey() string { return os.Getenv("OPENAI_KEY") }

// The error returned next to the key is not the key.
type settings struct{ BeginiAPIKey string }

func loadSettings() (settings, error) {
	return settings{BeginiAPIKey: os.Getenv("BEGINI_API_KEY")}, nil
}

func loadKey() (string, error) {
	k := os.Getenv("BEGINI_API_KEY")
	if k == "" {
		return "", fmt.Errorf("BEGINI_API_KEY is not set")
	}
	return k, nil
}

func startup() {
	cfg, err := loadSettings()
	if err != nil {
		log.Printf("config: %v", err)
	}
	k, err := loadKey()
	if err != nil {
		log.Fatalf("key: %v", err)
	}
	_, _ = cfg, k
}

// Numbers and flags named after the key cannot hold it.
type keyInfo struct {
	BeginiAPIKeyVersion int
	BeginiAPIKeyLoaded  bool
}

func keyStatus(ki keyInfo, beginiAPIKeyAge time.Duration) {
	log.Printf("key version %d, loaded %t, age %v", ki.BeginiAPIKeyVersion, ki.BeginiAPIKeyLoaded,
		beginiAPIKeyAge)
}

// A key type that prints itself masked.
type maskedKey string

func (k maskedKey) String() string { return "****" }

func logMasked() {
	k := maskedKey(os.Getenv("BEGINI_API_KEY"))
	log.Printf("using key %v", k)
	log.Print(k)
}

// The headers of another request carry no key, and a key header sent to
// another host (Azure OpenAI's api-key) does not make its value Begini's.
func otherRequests() {
	req, _ := http.NewRequest("GET", "https://api.begini.co/v1/health", nil)
	req.Header.Set("api-key", os.Getenv("BEGINI_API_KEY"))
	http.DefaultClient.Do(req)
	other, _ := http.NewRequest("GET", "https://example.com/health", nil)
	log.Printf("health headers %v", other.Header)

	azureKey := os.Getenv("AZURE_OPENAI_KEY")
	az, _ := http.NewRequest("POST", "https://myres.openai.azure.com/openai", nil)
	az.Header.Set("api-key", azureKey)
	log.Printf("azure key %s", azureKey)
}
