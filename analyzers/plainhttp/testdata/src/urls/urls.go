// Package urls holds Begini URLs in every form plainhttp recognises.
package urls

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
)

const sandboxURL = "http://sandbox.begini.co" // want `plain-HTTP Begini API URL \(constant sandboxURL\): requests and their api-key header would travel unencrypted; use https://`

const prodURL = "https://api.begini.co"

var legacyURL = "HTTP://api.begini.com/create-session" // want `\(variable legacyURL\)`

const beginiHost = "api.begini.co"

const builtURL = "http://" + beginiHost // want `\(concatenation\)`

const secureBuiltURL = "https://" + beginiHost

var endpoints = map[string]string{
	"sandbox":    "http://sandbox.begini.co/v1", // want `\(literal\)`
	"production": prodURL,
}

type Options struct {
	BaseURL string
}

var defaults = Options{BaseURL: "http://api.begini.co"} // want `\(field BaseURL\)`

func flags() {
	_ = flag.String("begini-url", "http://api.begini.co", "Begini base URL") // want `\(default of flag -begini-url\)`
	var base string
	flag.StringVar(&base, "begini-base", "http://sandbox.begini.co/v1", "") // want `default of flag -begini-base`
	_ = flag.String("begini-secure-url", "https://api.begini.co", "Begini base URL")
}

func envFallback() string {
	u := os.Getenv("BEGINI_BASE_URL")
	if u == "" {
		u = "http://api.begini.co" // want `\(literal\)`
	}
	return u
}

func cmpFallback() string {
	return cmp.Or(os.Getenv("BEGINI_BASE_URL"), "http://api.begini.co") // want `\(cmp.Or fallback\)`
}

func secureFallback() string {
	return cmp.Or(os.Getenv("BEGINI_BASE_URL"), "https://api.begini.co")
}

func formatted(region, path string) []string {
	return []string{
		fmt.Sprintf("http://%s/v1/sessions-management/tokens", beginiHost), // want `\(fmt.Sprintf\)`
		fmt.Sprintf("http://%s.begini.co/v1", region),                      // want `\(literal\)`
		fmt.Sprintf("%s://%s%s", "http", beginiHost, path),                 // want `\(fmt.Sprintf\)`
		fmt.Sprintf("https://%s/v1", beginiHost),
		fmt.Sprintf("http://%s/v1", region),
		fmt.Sprintf("http://%s:%d/v1", "localhost", 8080),
	}
}

func concatenated(region, path string) []string {
	host := "sandbox.begini.co"
	return []string{
		"http://" + host + path,           // want `\(concatenation\)`
		"http://" + region + ".begini.co", // want `\(concatenation\)`
		"http://" + "localhost:8080" + path,
		"https://" + host + path,
		"http://" + os.Getenv("BEGINI_HOST"),
		sandboxURL + path, // reported where sandboxURL is declared
	}
}

func structs() []*url.URL {
	u := &url.URL{Scheme: "http", Host: beginiHost, Path: "/v1"} // want `\(url.URL Scheme\)`
	return []*url.URL{
		u,
		{Scheme: "https", Host: beginiHost},
		{Scheme: "http", Host: "127.0.0.1:8080"},
	}
}

func schemes() string {
	u, err := url.Parse("https://api.begini.co/v1")
	if err != nil {
		return ""
	}
	u.Scheme = "http" // want `\(url.URL Scheme\)`
	v, _ := url.Parse("https://example.com")
	v.Scheme = "http"
	return u.String() + v.String()
}

func request() (*http.Request, error) {
	return http.NewRequest(http.MethodPost, "http://api.begini.co/v1/sessions-management/tokens", nil) // want `\(literal\)`
}

type Config struct {
	BaseURL  string `env:"BEGINI_BASE_URL" envDefault:"http://api.begini.co"` // want `\(tag envDefault\)`
	Fallback string `env:"BEGINI_FALLBACK_URL" envDefault:"https://api.begini.co"`
	Docs     string `json:"docs" example:"http://api.begini.co"`
}

// validate rejects what the analyzer reports: the literals are the cure.
func validate(u string) error {
	if u == "http://api.begini.co" || strings.HasPrefix(u, "http://sandbox.begini.co") {
		return errors.New("begini: use https")
	}
	switch u {
	case "http://api.begini.com":
		return errors.New("begini: use https")
	}
	return nil
}

func upgrade(u string) string {
	return strings.Replace(u, "http://api.begini.co", "https://api.begini.co", 1)
}

func otherHosts() []string {
	return []string{
		"http://localhost:8080",
		"http://127.0.0.1/begini",
		"http://[::1]:9000/v1",
		"http://example.com/begini.co",
		"http://notbegini.co",
		"http://api.begini.co.example.com",
		"http://begini-mock:8080",
		"https://api.begini.co/v1/sessions-management/tokens",
		"ftp://api.begini.co",
		"see http://api.begini.co for details",
	}
}
