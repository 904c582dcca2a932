package config

import "os"

// Credentials returns the Begini API key and integration ID of a
// deployment environment, for tools that switch between them.
func Credentials(env string) (key, integrationID string) {
	switch env {
	case "production":
		return os.Getenv("BEGINI_PROD_API_KEY"), os.Getenv("BEGINI_PROD_INTEGRATION_ID")
	case "sandbox":
		return os.Getenv("BEGINI_SANDBOX_API_KEY"), os.Getenv("BEGINI_PROD_INTEGRATION_ID") // planted: envmix
	case "staging":
		return os.Getenv("BEGINI_STAGING_API_KEY"), os.Getenv("BEGINI_STAGING_INTEGRATION_ID")
	}
	return "", ""
}
