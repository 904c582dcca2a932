package webhook

import (
	"context"
	"crypto/rand"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type memStore struct{ events []Event }

func (m *memStore) SaveEvent(_ context.Context, ev Event) error {
	m.events = append(m.events, ev)
	return nil
}

func TestHandler(t *testing.T) {
	key := rand.Text()
	body := `{"event":"assessment.completed","uid":"abc123def","integration_id":"65a1f0c2b9e4d3a7f8c1b2e0","score":0.72}`

	tests := []struct {
		name string
		sig  string
		want int
	}{
		{"valid", Sign([]byte(key), []byte(body)), http.StatusNoContent},
		{"wrong key", Sign([]byte(rand.Text()), []byte(body)), http.StatusUnauthorized},
		{"missing", "", http.StatusUnauthorized},
		{"not hex", "zz", http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &memStore{}
			h := NewHandler(key, st, slog.New(slog.DiscardHandler))
			req := httptest.NewRequest(http.MethodPost, "/webhooks/begini", strings.NewReader(body))
			req.Header.Set("X-Signature", tt.sig)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Fatalf("status = %d, want %d", rec.Code, tt.want)
			}
			if tt.want == http.StatusNoContent && (len(st.events) != 1 || st.events[0].UID != "abc123def") {
				t.Errorf("stored %+v", st.events)
			}
		})
	}
}
