package basic

import (
	"cmp"
	"flag"
	"fmt"
	"net/http"
	"os"
)

const beginiAPIKey = "bgn8f3Kq2LmZx91PqRtW" // want `hardcoded Begini API key \(constant beginiAPIKey\)`

var BeginiSecret = "Zk3pQ9xLm2Rt7Vw4Yb8Nc1Hd" // want `hardcoded Begini API key \(variable BeginiSecret\)`

type Config struct {
	BeginiAPIKey  string
	IntegrationID string
	Port          string
}

var devConfig = Config{
	BeginiAPIKey:  "Hq72LmPx9ZtR4vYb1NcK8sWd", // want `hardcoded Begini API key \(field BeginiAPIKey\)`
	IntegrationID: "64f1c2a9b8e7d6c5b4a39281",
	Port:          "8080",
}

var keys = map[string]string{
	"BEGINI_API_KEY": "Pq81ZxLm3RtV7wYb2NcK9sHd", // want `hardcoded Begini API key \(entry BEGINI_API_KEY\)`
	"REGION":         "eu-west-1-abcdefgh",
}

var flagKey = flag.String("begini-api-key", "Fw93LmQx2ZtR8vYb4NcK1sPd", "Begini API key") // want `hardcoded Begini API key \(default of flag -begini-api-key\)`

var okFlag = flag.String("begini-api-key-file", "/etc/begini/key", "path")

func fallback() string {
	key := os.Getenv("BEGINI_API_KEY")
	if key == "" {
		key = "Mx45LqPz8ZtR1vYb7NcK3sWd" // want `hardcoded Begini API key \(fallback for env BEGINI_API_KEY\)`
	}
	return key
}

func cmpFallback() string {
	return cmp.Or(os.Getenv("BEGINI_API_KEY"), "Rt67LmPx1ZqW4vYb9NcK2sHd") // want `hardcoded Begini API key \(fallback for env BEGINI_API_KEY\)`
}

func getenv(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func helperFallback() {
	key := getenv("BEGINI_API_KEY", "Kd28LmPx5ZqW9vYb3NcR7sTt") // want `hardcoded Begini API key \(fallback for env BEGINI_API_KEY\)`
	port := getenv("PORT", "8080abcdefghijk")
	_, _ = key, port
}

func header(req *http.Request) {
	req, _ = http.NewRequest("GET", "https://api.begini.co/v1/health", nil)
	req.Header.Set("api-key", "Lm59PqRx3ZtW8vYb1NcK6sHd") // want `hardcoded Begini API key \(api-key header\)`
}

func bearer(req *http.Request) {
	req, _ = http.NewRequest("POST", "https://api.begini.com/create-session", nil)
	req.Header.Set("Authorization", "Bearer "+"Tx83LmPq6ZrW2vYb9NcK4sHd") // want `hardcoded Begini API key \(Bearer token\)`
}

func bearerWhole(req *http.Request) {
	req, _ = http.NewRequest("POST", "https://api.begini.com/create-session", nil)
	req.Header.Set("Authorization", "Bearer Qw62LmPx8ZtR3vYb7NcK1sHd") // want `hardcoded Begini API key \(Bearer token\)`
	req.Header.Set("Authorization", "Bearer your-api-key-here")
}

func sprintfHeader(req *http.Request) {
	req, _ = http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", "Vb71LmPx4ZqW8tYr2NcK5sHd")) // want `hardcoded Begini API key \(Bearer token\)`
}

func byteKey() []byte {
	return []byte("Yc36LmPx9ZqW1tVr8NbK2sHd") // no role: not reported
}

func byteSlice() {
	beginiKey := []byte{'N', 'q', '4', '8', 'L', 'm', 'P', 'x', '2', 'Z', 'r', 'W', '7', 't', 'V'} // want `hardcoded Begini API key \(variable beginiKey\)`
	_ = beginiKey
}

type client struct{ key string }

func newClient(key string) *client { return &client{key: key} }

func (c *client) do() {
	req, _ := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", c.key)
}

func useClient() {
	c := newClient("Qe52LmPx8ZrW3tVy6NbK1sHd") // want `hardcoded Begini API key \(API key parameter of basic.newClient\)`
	c.do()
}

// Split across two constants in two files: the long part is the literal.
const beginiKey = keyPrefix + keyBody

// Split into parts too short to look like keys: the concatenation is.
const beginiAltKey = "Hq72LmPx9Z" + "tR4vYb1N" // want `hardcoded Begini API key \(constant beginiAltKey\)`

type EnvConfig struct {
	APIKey string `env:"BEGINI_API_KEY" envDefault:"Gh47LmPx2ZrW9tVy5NbK8sQd"` // want `hardcoded Begini API key \(struct tag envDefault\)`
	Region string `env:"REGION" envDefault:"eu-west-1-a1b2c3d4"`
}
