// Package beginienv loads per-environment Begini credentials.
package beginienv

import "os"

func ProdKey() string { return os.Getenv("BEGINI_PROD_API_KEY") }

func TestIntegration() string { return os.Getenv("BEGINI_TEST_INTEGRATION_ID") }

func ProdIntegration() string { return os.Getenv("BEGINI_PROD_INTEGRATION_ID") }

func NewClient(apiKey, integrationID string) {}
