// Package app wires Begini with constants and clients of other packages.
package app

import (
	"fmt"
	"net/http"

	"example.com/begini"
	"example.com/beginihttp"
	"example.com/httpx"
	"example.com/settings"
)

func urls(path string) []string {
	return []string{
		settings.Plain + settings.BeginiHost + path,                     // want `\(concatenation\)`
		"http://" + settings.SandboxHost,                                // want `\(concatenation\)`
		fmt.Sprintf("%s://%s/v1", settings.Scheme, settings.BeginiHost), // want `\(fmt.Sprintf\)`
		settings.LegacyURL + path,                                       // reported in settings
		settings.Secure + settings.BeginiHost + path,
		settings.SecureURL + path,
		settings.LocalURL + path,
		settings.Plain + "localhost" + path,
	}
}

func clients(key string) []*begini.Client {
	var t httpx.Transport
	return []*begini.Client{
		begini.NewClient(key).WithHTTPClient(httpx.InsecureClient()),                // want `httpx.InsecureClient skips TLS certificate verification \(InsecureSkipVerify\) and is used for Begini calls here`
		begini.NewClient(key).WithHTTPClient(httpx.Insecure),                        // want `httpx.Insecure skips TLS certificate verification`
		begini.NewClient(key).WithHTTPClient(&http.Client{Transport: t.Insecure()}), // want `httpx.Transport.Insecure skips TLS certificate verification`
		begini.NewClient(key).WithHTTPClient(beginihttp.Debug()),                    // reported in beginihttp
		begini.NewClient(key).WithHTTPClient(httpx.SecureClient()),
	}
}

func baseURLs(key string) []*begini.Client {
	return []*begini.Client{
		begini.NewClient(key).WithBaseURL("http://sandbox.begini.co"), // want `\(literal\)`
		begini.NewClient(key).WithBaseURL(settings.SecureURL),
	}
}

// staging uses the insecure client for something that is not Begini.
func staging() (*http.Response, error) {
	return httpx.InsecureClient().Get("https://staging.internal/health")
}
