package embedkey

import (
	_ "embed"
	"net/http"
)

//go:embed begini.key
var beginiKeyFile string // want `hardcoded Begini API key \(embedded key file\)`

//go:embed dev.env
var devEnv string // want `hardcoded Begini API key \(embedded key file\)`

//go:embed README.txt
var readme string

//go:embed token.txt
var token string // want `hardcoded Begini API key \((api-key header|variable token)\)`

func header(req *http.Request) {
	req, _ = http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", token)
	_ = readme
}
