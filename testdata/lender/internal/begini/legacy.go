package begini

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// The first-generation API is still used by the branch-office kiosks. It
// authenticates with a bearer token and calls the uid "unique_id".
const (
	legacyBaseURL     = "https://api.begini.com"
	legacySessionPath = "/create-session"
)

// legacyBeginiKey is the key of the kiosk integration.
const legacyBeginiKey = "o8puf4Cs35fQ24zRwDtXK9VDh2iJT9mK" // planted: hardcodedkey

type legacySessionRequest struct {
	IntegrationID string `json:"integration_id"`
	UniqueID      string `json:"unique_id"`
}

// CreateLegacySession creates a session on the first-generation API with the
// client's own credentials.
func (c *Client) CreateLegacySession(ctx context.Context, uniqueID string) (*Session, error) {
	return legacySession(ctx, c.http, c.apiKey, c.integrationID, uniqueID)
}

// CreateLegacySessionFor creates a legacy session with credentials passed in
// by the caller, for the kiosk back office.
func CreateLegacySessionFor(ctx context.Context, apiKey, integrationID, uniqueID string) (*Session, error) {
	hc := &http.Client{Timeout: 15 * time.Second}
	return legacySession(ctx, hc, apiKey, integrationID, uniqueID)
}

// CreateKioskSession creates a session for a branch-office kiosk.
func CreateKioskSession(ctx context.Context, kioskIntegrationID, uniqueID string) (*Session, error) {
	hc := &http.Client{Timeout: 15 * time.Second}
	return legacySession(ctx, hc, legacyBeginiKey, kioskIntegrationID, uniqueID)
}

func legacySession(ctx context.Context, hc *http.Client, key, integrationID, uniqueID string) (*Session, error) {
	if !ValidUID(uniqueID) {
		return nil, fmt.Errorf("begini: invalid unique_id %q", uniqueID)
	}
	body, err := json.Marshal(legacySessionRequest{IntegrationID: integrationID, UniqueID: uniqueID})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, legacyBaseURL+legacySessionPath, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")

	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("begini: create legacy session: %w", err)
	}
	defer resp.Body.Close()
	return decodeSession(resp)
}
