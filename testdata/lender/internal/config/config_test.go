package config

import "testing"

func TestValidate(t *testing.T) {
	valid := Config{
		BeginiAPIKey:  "<api-key>",
		IntegrationID: "<integration-id>",
		BeginiBaseURL: DefaultBeginiBaseURL,
		BatchSize:     1,
	}
	if err := valid.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}

	tests := map[string]func(*Config){
		"no key":         func(c *Config) { c.BeginiAPIKey = "" },
		"no integration": func(c *Config) { c.IntegrationID = "" },
		"same value":     func(c *Config) { c.IntegrationID = c.BeginiAPIKey },
		"plain http":     func(c *Config) { c.BeginiBaseURL = "http://localhost:9000" },
		"no batch":       func(c *Config) { c.BatchSize = 0 },
	}
	for name, mutate := range tests {
		t.Run(name, func(t *testing.T) {
			c := valid
			mutate(&c)
			if err := c.Validate(); err == nil {
				t.Errorf("Validate() = nil, want an error")
			}
		})
	}
}

func TestRedacted(t *testing.T) {
	c := Config{BeginiAPIKey: "YOUR_API_KEY", DatabasePassword: "pw"}
	r := c.Redacted()
	if r.BeginiAPIKey != "****_KEY" {
		t.Errorf("BeginiAPIKey = %q, want %q", r.BeginiAPIKey, "****_KEY")
	}
	if r.DatabasePassword != "**" {
		t.Errorf("DatabasePassword = %q, want %q", r.DatabasePassword, "**")
	}
}
