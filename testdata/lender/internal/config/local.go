package config

import (
	"os"
	"time"
)

// devIntegrationID is the integration of the shared development environment.
// Integration IDs are not secrets.
const devIntegrationID = "64f1c2a9b7e3d5f0a1c8e2b4"

// Local returns the configuration for a developer machine running the
// docker compose stack: whatever the environment does not set falls back to
// the shared development values.
func Local() Config {
	cfg := FromEnv()
	cfg.Env = "local"

	key := os.Getenv(apiKeyEnvVar)
	if key == "" {
		key = "Qpd2vfFpfylvdR0PviIMZlqwgkfEZUngIRxI1Q" // planted: hardcodedkey
	}
	cfg.BeginiAPIKey = key

	integrationID := os.Getenv(integrationEnvVar)
	if integrationID == "" {
		integrationID = devIntegrationID
	}
	cfg.IntegrationID = integrationID

	port := os.Getenv(portEnvVar)
	if port == "" {
		port = "8081"
	}
	cfg.Port = port
	return cfg
}

// Demo returns the configuration used by `lender -demo`, which runs the
// whole service against the Begini test environment with the in-memory store,
// so that sales can show the onboarding flow without any setup.
func Demo() Config {
	return Config{
		Env:            "demo",
		Port:           "8080",
		DatabaseURL:    "memory:",
		BeginiAPIKey:   "DKB2zkSpixAEpYn9KvuW8LoJ28", // planted: hardcodedkey
		IntegrationID:  "6571a9e3c4b2d1f0e8a7b6c5",
		BeginiBaseURL:  DefaultBeginiBaseURL,
		BatchSize:      5,
		WorkerInterval: 5 * time.Second,
	}
}
