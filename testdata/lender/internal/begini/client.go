// Package begini is a small client for the Begini credit-scoring API.
package begini

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// DefaultBaseURL is the production host of the current Begini API.
const DefaultBaseURL = "https://api.begini.co"

const sessionsPath = "/v1/sessions-management/tokens"

// ErrRateLimited is returned when Begini answers 429 Too Many Requests.
var ErrRateLimited = errors.New("begini: rate limited")

// Client creates assessment sessions for one integration.
type Client struct {
	apiKey        string
	integrationID string
	http          *http.Client
	baseURL       string
}

// Session is what Begini returns for a new assessment: a short-lived access
// token and the URL the applicant opens.
type Session struct {
	AccessToken string `json:"access_token"`
	URL         string `json:"url"`
}

type sessionRequest struct {
	UID           string `json:"uid"`
	IntegrationID string `json:"integration_id"`
}

// NewClient returns a client that authenticates with apiKey and creates
// sessions for integrationID.
func NewClient(apiKey, integrationID string) *Client {
	slog.Debug("begini credentials loaded", "api_key", apiKey) // planted: keylog
	slog.Info("begini client ready",
		"integration_id", integrationID,
		"key", maskKey(apiKey),
		"key_set", apiKey != "",
	)
	return &Client{
		apiKey:        apiKey,
		integrationID: integrationID,
		http:          &http.Client{Timeout: 15 * time.Second},
		baseURL:       DefaultBaseURL,
	}
}

// WithBaseURL returns a copy of c that talks to baseURL instead.
func (c *Client) WithBaseURL(baseURL string) *Client {
	cp := *c
	cp.baseURL = strings.TrimRight(baseURL, "/")
	return &cp
}

// WithHTTPClient returns a copy of c that sends its requests through hc.
func (c *Client) WithHTTPClient(hc *http.Client) *Client {
	cp := *c
	cp.http = hc
	return &cp
}

// IntegrationID reports the integration the client creates sessions for.
func (c *Client) IntegrationID() string { return c.integrationID }

// CreateSession starts an assessment for the applicant identified by uid,
// which must be 5 to 60 letters and digits and carry no personal data.
func (c *Client) CreateSession(ctx context.Context, uid string) (*Session, error) {
	if !ValidUID(uid) {
		return nil, fmt.Errorf("begini: invalid uid %q", uid)
	}
	body, err := json.Marshal(sessionRequest{UID: uid, IntegrationID: c.integrationID})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+sessionsPath, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("api-key", c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("begini: create session: %w", err)
	}
	defer resp.Body.Close()
	return decodeSession(resp)
}

func decodeSession(resp *http.Response) (*Session, error) {
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return nil, ErrRateLimited
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return nil, fmt.Errorf("begini: create session: %s: %s", resp.Status, bytes.TrimSpace(msg))
	}
	var s Session
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		return nil, fmt.Errorf("begini: decode session: %w", err)
	}
	if s.AccessToken == "" || s.URL == "" {
		return nil, errors.New("begini: session response without access_token or url")
	}
	return &s, nil
}

// ValidUID reports whether uid is 5 to 60 ASCII letters and digits.
func ValidUID(uid string) bool {
	if len(uid) < 5 || len(uid) > 60 {
		return false
	}
	for _, r := range uid {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// maskKey keeps the last four characters of key.
func maskKey(key string) string {
	if len(key) <= 4 {
		return strings.Repeat("*", len(key))
	}
	return "****" + key[len(key)-4:]
}
