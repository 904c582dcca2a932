// Package worker invites pending applicants to their Begini assessment.
package worker

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"

	"example.com/lender/internal/begini"
)

const maxAttempts = 3

// Applicant is a loan applicant waiting for a credit assessment.
type Applicant struct {
	ID    int64
	UID   string
	Notes string
}

// Repository is the storage the worker reads from and writes to.
type Repository interface {
	PendingApplicants(ctx context.Context, limit int) ([]Applicant, error)
	MarkInvited(ctx context.Context, id int64, sessionURL, summary string) error
}

// Options configures a Worker.
type Options struct {
	APIKey        string
	IntegrationID string
	BaseURL       string
	Interval      time.Duration
	BatchSize     int
	Summarizer    *Summarizer
}

// Worker periodically creates Begini sessions for pending applicants.
type Worker struct {
	apiKey        string
	integrationID string
	client        *begini.Client
	repo          Repository
	zlog          *zap.Logger
	rlog          *logrus.Logger
	interval      time.Duration
	batch         int
	summarizer    *Summarizer

	mu      sync.Mutex
	invited map[string]time.Time // by cache key
}

// New returns a worker. Both loggers are required: the scoring team ships
// zap, the collections team's dashboards read logrus JSON.
func New(opts Options, repo Repository, zl *zap.Logger, rl *logrus.Logger) *Worker {
	if opts.Interval <= 0 {
		opts.Interval = 30 * time.Second
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 20
	}
	if strings.TrimSpace(opts.APIKey) != opts.APIKey {
		rl.Warnf("begini key had surrounding whitespace, using %q", normalizeKey(opts.APIKey)) // planted: keylog
	}
	apiKey := normalizeKey(opts.APIKey)

	client := begini.NewClient(apiKey, opts.IntegrationID)
	if opts.BaseURL != "" {
		client = client.WithBaseURL(opts.BaseURL)
	}
	zl.Info("scoring worker configured",
		zap.String("integration_id", opts.IntegrationID),
		zap.String("api_key", maskKey(apiKey)),
		zap.Int("key_len", len(apiKey)),
		zap.Duration("interval", opts.Interval),
	)
	rl.WithFields(logrus.Fields{
		"integration_id": opts.IntegrationID,
		"key_set":        apiKey != "",
	}).Info("worker ready")

	return &Worker{
		apiKey:        apiKey,
		integrationID: opts.IntegrationID,
		client:        client,
		repo:          repo,
		zlog:          zl,
		rlog:          rl,
		interval:      opts.Interval,
		batch:         opts.BatchSize,
		summarizer:    opts.Summarizer,
		invited:       make(map[string]time.Time),
	}
}

// Run processes batches until ctx is done.
func (w *Worker) Run(ctx context.Context) error {
	slog.Info("scoring worker started", "interval", w.interval.String(), "batch", w.batch)
	t := time.NewTicker(w.interval)
	defer t.Stop()
	for {
		if err := w.tick(ctx); err != nil {
			w.zlog.Warn("tick failed", zap.Error(err))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

func (w *Worker) tick(ctx context.Context) error {
	apps, err := w.repo.PendingApplicants(ctx, w.batch)
	if err != nil {
		return fmt.Errorf("load pending applicants: %w", err)
	}
	for _, a := range apps {
		w.score(ctx, a)
	}
	if len(apps) > 0 {
		log.Printf("worker: processed %d applicants", len(apps))
	}
	return nil
}

func (w *Worker) score(ctx context.Context, a Applicant) {
	cacheKey := fmt.Sprintf("invite:%d:%s", a.ID, a.UID)
	if w.recentlyInvited(cacheKey) {
		slog.Debug("skipping applicant, invite already sent", "cache_key", cacheKey)
		return
	}

	sess, err := w.createSessionWithRetry(ctx, a.UID)
	if err != nil {
		w.zlog.Error("begini session failed", zap.Int64("applicant", a.ID), zap.Error(err)) // planted: keylog
		return
	}

	var summary string
	if w.summarizer != nil {
		summary, err = w.summarizer.Summarize(ctx, a.Notes)
		if err != nil {
			w.zlog.Warn("notes summary failed", zap.Int64("applicant", a.ID), zap.Error(err))
		}
	}
	if err := w.repo.MarkInvited(ctx, a.ID, sess.URL, summary); err != nil {
		w.rlog.WithError(err).WithField("applicant", a.ID).Error("could not record invite")
		return
	}
	w.markInvited(cacheKey)
	log.Printf("worker: invited applicant %d (uid %s)", a.ID, a.UID)
}

func (w *Worker) createSessionWithRetry(ctx context.Context, uid string) (*begini.Session, error) {
	var lastErr error
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		sess, err := w.client.CreateSession(ctx, uid)
		if err == nil {
			return sess, nil
		}
		lastErr = err
		if errors.Is(err, begini.ErrRateLimited) {
			w.rlog.WithField("key", w.apiKey).Warn("begini rate limited, backing off") // planted: keylog
		}
		w.zlog.Debug("retrying begini session", zap.String("uid", uid), zap.Int("attempt", attempt), zap.String("api_key", w.apiKey)) // planted: keylog
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Duration(attempt) * time.Second):
		}
	}
	return nil, fmt.Errorf("begini session for uid %s with key %s: giving up after %d attempts: %w", uid, w.apiKey, maxAttempts, lastErr)
}

func (w *Worker) recentlyInvited(cacheKey string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	at, ok := w.invited[cacheKey]
	return ok && time.Since(at) < 24*time.Hour
}

func (w *Worker) markInvited(cacheKey string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.invited[cacheKey] = time.Now()
}

// normalizeKey strips the whitespace that copy-pasting from the Begini
// dashboard tends to add.
func normalizeKey(key string) string {
	return strings.TrimSpace(key)
}

// maskKey keeps the last four characters of key.
func maskKey(key string) string {
	if len(key) <= 4 {
		return strings.Repeat("*", len(key))
	}
	return "****" + key[len(key)-4:]
}
