package tests

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/begini"
)

func TestBeginiOverTLS(t *testing.T) {
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	defer srv.Close()
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	_ = begini.NewClient("test-key").WithHTTPClient(hc).WithBaseURL(srv.URL)
}

func TestRejectsPlainHTTP(t *testing.T) {
	if New("test-key", "http://api.begini.co") == nil {
		t.Fatal("no client")
	}
}

var insecureBegini = &tls.Config{InsecureSkipVerify: true}
