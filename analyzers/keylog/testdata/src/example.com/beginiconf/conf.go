// Package beginiconf loads Begini settings; its fields are keys by name.
package beginiconf

import "os"

type Settings struct {
	APIKey        string
	IntegrationID string
}

func Load() Settings {
	return Settings{APIKey: os.Getenv("SCORING_KEY"), IntegrationID: os.Getenv("SCORING_ID")}
}

func Key() string { return os.Getenv("BEGINI_API_KEY") }

var DefaultKey = os.Getenv("BEGINI_API_KEY")
