package fixes

import (
	"net/http"
	"os"
)

var home = os.Getenv("HOME")

// A parameter named os hides the package: os.Getenv would not compile here,
// so no fix is offered, only the finding.
func shadowed(os string, req *http.Request) {
	req, _ = http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", "Wd42LmPx7ZtR9vYb3NcK5sHq") // want `hardcoded Begini API key \(api-key header\)`
	_ = os
}
