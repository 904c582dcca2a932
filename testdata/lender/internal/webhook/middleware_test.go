package webhook

import (
	"crypto/rand"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestVerifyStoreEvents(t *testing.T) {
	key := rand.Text()
	body := `{"event":"assessment.completed","uid":"abc123def"}`
	for _, tt := range []struct {
		name string
		sig  string
		want int
	}{
		{"valid", Sign([]byte(key), []byte(body)), http.StatusNoContent},
		{"forged", Sign([]byte(rand.Text()), []byte(body)), http.StatusUnauthorized},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := &memStore{}
			h := Verify(key, StoreEvents(st, slog.New(slog.DiscardHandler)))
			req := httptest.NewRequest(http.MethodPost, "/webhooks/begini/v2", strings.NewReader(body))
			req.Header.Set("X-Signature", tt.sig)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Fatalf("status = %d, want %d", rec.Code, tt.want)
			}
			if tt.want == http.StatusNoContent && len(st.events) != 1 {
				t.Errorf("stored %+v", st.events)
			}
		})
	}
}
