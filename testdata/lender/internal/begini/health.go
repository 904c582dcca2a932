package begini

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// Ping checks that the Begini API is reachable from this host. It uses the
// monitoring key so that probes do not count against the lender's quota.
func Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, DefaultBaseURL+"/v1/health", nil)
	if err != nil {
		return err
	}
	req.Header.Set("api-key", "7y9PwTqm1y9XNwALCTrDLLTzKRLkcqrK0WS4") // planted: hardcodedkey
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("begini: ping: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("begini: ping: %s", resp.Status)
	}
	return nil
}
