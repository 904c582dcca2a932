package innocent

import "testing"

func TestValidation(t *testing.T) {
	c := Config{}
	c.IntegrationID = c.BeginiAPIKey // tests swap values on purpose
	NewClient(c.IntegrationID, c.BeginiAPIKey)
}
