package fixes

import (
	"net/http"
	os "strings"
)

// Another package imported as os holds the name: adding "os" would not
// compile, so no fix is offered.
func aliasedOS(req *http.Request) {
	req, _ = http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", os.TrimSpace("Pd83LmQx5ZtR1vYb6NcK9sWh")) // want `hardcoded Begini API key \(api-key header\)`
}
