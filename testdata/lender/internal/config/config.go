// Package config loads the lender service configuration from the environment,
// with command-line overrides.
package config

import (
	"errors"
	"flag"
	"os"
	"strconv"
	"strings"
	"time"
)

// Environment variables read by FromEnv.
const (
	envVar            = "APP_ENV"
	apiKeyEnvVar      = "BEGINI_API_KEY"
	integrationEnvVar = "BEGINI_INTEGRATION_ID"
	baseURLEnvVar     = "BEGINI_BASE_URL"
	portEnvVar        = "PORT"
	databaseURLEnvVar = "DATABASE_URL"
	passwordEnvVar    = "DATABASE_PASSWORD"
	batchEnvVar       = "SCORING_BATCH_SIZE"
	intervalEnvVar    = "SCORING_INTERVAL"
)

// DefaultBeginiBaseURL is the production Begini API host.
const DefaultBeginiBaseURL = "https://api.begini.co"

// Config is the effective configuration of the lender service.
type Config struct {
	Env              string
	Port             string
	DatabaseURL      string
	DatabasePassword string
	BeginiAPIKey     string
	IntegrationID    string
	BeginiBaseURL    string
	BatchSize        int
	WorkerInterval   time.Duration
}

// FromEnv reads the configuration from the environment without validating it.
func FromEnv() Config {
	return Config{
		Env:              getenv(envVar, "production"),
		Port:             getenv(portEnvVar, "8080"),
		DatabaseURL:      getenv(databaseURLEnvVar, "memory:"),
		DatabasePassword: os.Getenv(passwordEnvVar),
		BeginiAPIKey:     os.Getenv(apiKeyEnvVar),
		IntegrationID:    os.Getenv(integrationEnvVar),
		BeginiBaseURL:    getenv(baseURLEnvVar, DefaultBeginiBaseURL),
		BatchSize:        getenvInt(batchEnvVar, 20),
		WorkerInterval:   getenvDuration(intervalEnvVar, 30*time.Second),
	}
}

// Load reads the configuration from the environment and validates it.
func Load() (Config, error) {
	cfg := FromEnv()
	if err := cfg.Validate(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// BindFlags registers command-line overrides on the default flag set. The
// defaults are the values already in c, so a flag only needs to be passed to
// override the environment.
func (c *Config) BindFlags() {
	flag.StringVar(&c.Port, "port", c.Port, "HTTP listen port")
	flag.StringVar(&c.BeginiAPIKey, "begini-api-key", c.BeginiAPIKey, "Begini API key (default $BEGINI_API_KEY)")
	flag.StringVar(&c.IntegrationID, "begini-integration-id", c.IntegrationID, "Begini integration ID")
	flag.StringVar(&c.BeginiBaseURL, "begini-base-url", c.BeginiBaseURL, "Begini API base URL")
	flag.IntVar(&c.BatchSize, "batch-size", c.BatchSize, "applicants invited per scoring run")
}

// Validate reports the first problem with the configuration. Its messages
// name the settings involved, never their values.
func (c Config) Validate() error {
	switch {
	case c.BeginiAPIKey == "":
		return errors.New("config: BEGINI_API_KEY is not set")
	case c.IntegrationID == "":
		return errors.New("config: BEGINI_INTEGRATION_ID is not set")
	case c.BeginiAPIKey == c.IntegrationID:
		return errors.New("config: BEGINI_API_KEY and BEGINI_INTEGRATION_ID hold the same value")
	case !strings.HasPrefix(c.BeginiBaseURL, "https://"):
		return errors.New("config: BEGINI_BASE_URL must use https")
	case c.BatchSize < 1:
		return errors.New("config: SCORING_BATCH_SIZE must be at least 1")
	}
	return nil
}

// Redacted returns a copy that is safe to print: secrets are reduced to their
// last four characters.
func (c Config) Redacted() Config {
	c.BeginiAPIKey = maskKey(c.BeginiAPIKey)
	c.DatabasePassword = maskKey(c.DatabasePassword)
	return c
}

// maskKey keeps the last four characters of key, enough to tell two keys
// apart in a log without revealing either.
func maskKey(key string) string {
	if len(key) <= 4 {
		return strings.Repeat("*", len(key))
	}
	return "****" + key[len(key)-4:]
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func getenvInt(name string, fallback int) int {
	n, err := strconv.Atoi(os.Getenv(name))
	if err != nil {
		return fallback
	}
	return n
}

func getenvDuration(name string, fallback time.Duration) time.Duration {
	d, err := time.ParseDuration(os.Getenv(name))
	if err != nil {
		return fallback
	}
	return d
}
