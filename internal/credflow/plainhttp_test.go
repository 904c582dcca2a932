package credflow

import (
	"testing"

	"github.com/beginilint/beginilint/internal/model"
)

func TestPlainBegini(t *testing.T) {
	p := &plainHTTP{s: &state{cfg: model.Default()}}
	cases := map[string]bool{
		"http://api.begini.co":                        true,
		"HTTP://API.BEGINI.COM/create-session":        true,
		"http://sandbox.begini.co:80/v1":              true,
		"http://user@api.begini.co/v1":                true,
		"http://%s.begini.co/v1":                      true,
		"http://" + unknownPart + ".begini.co":        true, // unknown subdomain
		"http://api.begini.co" + unknownPart:          true, // unknown port or path
		" http://api.begini.co ":                      true,
		"https://api.begini.co":                       false,
		"http://localhost:8080/begini.co":             false,
		"http://127.0.0.1/v1":                         false,
		"http://[::1]:9000":                           false,
		"http://api.begini.co.example.com":            false,
		"http://notbegini.co":                         false,
		"http://begini-mock:8080":                     false,
		"http://" + unknownPart:                       false, // the host is not shown
		"http://" + unknownPart + "begini.co":         false, // evilbegini.co
		"http://api.begini.co@evil.example.com/v1":    false,
		"see http://api.begini.co":                    false,
		"ftp://api.begini.co":                         false,
		"http://evil.example.com/?u=api.begini.co":    false,
		"http://evil.example.com#api.begini.co":       false,
		"http://" + unknownPart + "/api.begini.co/v1": false,
	}
	for u, want := range cases {
		if got := p.plainBegini(u); got != want {
			t.Errorf("plainBegini(%q) = %v, want %v", u, got, want)
		}
	}
}
