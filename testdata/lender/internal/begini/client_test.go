package begini

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestCreateSession(t *testing.T) {
	key := rand.Text()
	const integrationID = "65a1f0c2b9e4d3a7f8c1b2e0"

	var got sessionRequest
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if r.URL.String() != DefaultBaseURL+sessionsPath {
			t.Errorf("URL = %s", r.URL)
		}
		if r.Header.Get("api-key") != key {
			t.Errorf("api-key header not set from the client key")
		}
		if err := json.NewDecoder(r.Body).Decode(&got); err != nil {
			t.Fatal(err)
		}
		return &http.Response{
			StatusCode: http.StatusOK,
			Header:     http.Header{"Content-Type": {"application/json"}},
			Body:       io.NopCloser(strings.NewReader(`{"access_token":"eyJhbGciOiJIUzI1NiJ9.e30.x","url":"https://app.begini.co/s/abc"}`)),
		}, nil
	})}

	c := NewClient(key, integrationID).WithHTTPClient(hc)
	s, err := c.CreateSession(context.Background(), "applicant12345")
	if err != nil {
		t.Fatal(err)
	}
	if got.UID != "applicant12345" || got.IntegrationID != integrationID {
		t.Errorf("request body = %+v", got)
	}
	if s.URL != "https://app.begini.co/s/abc" {
		t.Errorf("URL = %q", s.URL)
	}
}

func TestValidUID(t *testing.T) {
	for uid, want := range map[string]bool{
		"abc12":                 true,
		"abc1":                  false,
		"jane.doe@email.com":    false,
		strings.Repeat("a", 61): false,
	} {
		if ValidUID(uid) != want {
			t.Errorf("ValidUID(%q) = %v, want %v", uid, !want, want)
		}
	}
}
