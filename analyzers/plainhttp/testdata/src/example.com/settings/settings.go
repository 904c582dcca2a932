// Package settings holds the service's constants, used by package app.
package settings

const (
	BeginiHost  = "api.begini.co"
	SandboxHost = "sandbox.begini.co"
	Plain       = "http://"
	Scheme      = "http"
	Secure      = "https://"
	LocalURL    = "http://localhost:8080"
	LegacyURL   = "http://api.begini.com" // want `\(constant LegacyURL\)`
	SecureURL   = "https://api.begini.co"
)
