// Package store holds applicants and assessment results. Only the in-memory
// store is part of this example; production uses Postgres.
package store

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"

	"example.com/lender/internal/webhook"
	"example.com/lender/internal/worker"
)

type applicant struct {
	worker.Applicant
	SessionURL string
	Summary    string
	Score      *float64
}

// Memory is a store that lives in process memory.
type Memory struct {
	mu         sync.Mutex
	nextID     int64
	applicants map[int64]*applicant
	byUID      map[string]int64
}

// Open returns the store described by dsn. Only "memory:" is supported here;
// the error names the scheme, never the DSN, which may hold a password.
func Open(dsn string) (*Memory, error) {
	if dsn == "" || strings.HasPrefix(dsn, "memory:") {
		return NewMemory(), nil
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, fmt.Errorf("store: cannot parse DATABASE_URL")
	}
	return nil, fmt.Errorf("store: unsupported scheme %q in this build", u.Scheme)
}

// NewMemory returns an empty store.
func NewMemory() *Memory {
	return &Memory{applicants: make(map[int64]*applicant), byUID: make(map[string]int64)}
}

// AddApplicant records a new applicant and returns its id.
func (m *Memory) AddApplicant(uid, notes string) int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.nextID++
	m.applicants[m.nextID] = &applicant{Applicant: worker.Applicant{ID: m.nextID, UID: uid, Notes: notes}}
	m.byUID[uid] = m.nextID
	return m.nextID
}

// PendingApplicants implements worker.Repository.
func (m *Memory) PendingApplicants(_ context.Context, limit int) ([]worker.Applicant, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []worker.Applicant
	for _, a := range m.applicants {
		if a.SessionURL == "" {
			out = append(out, a.Applicant)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// MarkInvited implements worker.Repository.
func (m *Memory) MarkInvited(_ context.Context, id int64, sessionURL, summary string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.applicants[id]
	if !ok {
		return fmt.Errorf("store: no applicant %d", id)
	}
	a.SessionURL, a.Summary = sessionURL, summary
	return nil
}

// SaveEvent implements webhook.Store.
func (m *Memory) SaveEvent(_ context.Context, ev webhook.Event) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	id, ok := m.byUID[ev.UID]
	if !ok {
		return fmt.Errorf("store: event for unknown uid")
	}
	if ev.Score != nil {
		m.applicants[id].Score = ev.Score
	}
	return nil
}
