package fixes

import "net/http"

func header(req *http.Request) {
	req, _ = http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", "Lm59PqRx3ZtW8vYb1NcK6sHd") // want `hardcoded Begini API key \(api-key header\)`
}

var beginiAPIKey = "Hq72LmPx9ZtR4vYb1NcK8sWd" // want `hardcoded Begini API key \(variable beginiAPIKey\)`

const beginiSecret = "Zk3pQ9xLm2Rt7Vw4Yb8Nc1Hd" // want `hardcoded Begini API key \(constant beginiSecret\)`
