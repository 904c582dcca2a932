// Command lender is the lender back end: it takes loan applications, invites
// applicants to their Begini assessment and receives the results.
package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"

	"example.com/lender/internal/config"
	"example.com/lender/internal/store"
	"example.com/lender/internal/webhook"
	"example.com/lender/internal/worker"
)

func main() {
	cfg := config.FromEnv()
	if cfg.Env == "local" {
		cfg = config.Local()
	}
	cfg.BindFlags()
	demo := flag.Bool("demo", false, "run with the built-in demo configuration")
	printConfig := flag.Bool("print-config", false, "print the effective configuration and exit")
	flag.Parse()

	if *demo {
		cfg = config.Demo()
	}
	if *printConfig {
		fmt.Printf("%+v\n", cfg) // planted: keylog
		return
	}
	if err := cfg.Validate(); err != nil {
		log.Fatalf("lender: %v", err)
	}
	if err := run(cfg); err != nil {
		log.Fatalf("lender: %v", err)
	}
}

func run(cfg config.Config) error {
	slog.SetDefault(slog.New(slog.NewJSONHandler(os.Stderr, nil)))
	log.Printf("lender: config %+v", cfg.Redacted())
	if cfg.Env != "production" {
		log.Printf("lender: begini key %s for integration %s", cfg.BeginiAPIKey, cfg.IntegrationID) // planted: keylog
	}

	zl, err := zap.NewProduction()
	if err != nil {
		return err
	}
	defer zl.Sync() //nolint:errcheck
	rl := logrus.New()
	rl.SetFormatter(&logrus.JSONFormatter{})

	st, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		return err
	}

	w := worker.New(worker.Options{
		APIKey:        cfg.BeginiAPIKey,
		IntegrationID: cfg.IntegrationID,
		BaseURL:       cfg.BeginiBaseURL,
		Interval:      cfg.WorkerInterval,
		BatchSize:     cfg.BatchSize,
		Summarizer:    worker.NewSummarizerFromEnv(),
	}, st, zl, rl)

	mux := http.NewServeMux()
	mux.Handle("POST /webhooks/begini", webhook.NewHandler(cfg.BeginiAPIKey, st, slog.Default()))
	// Kiosk sessions report to their own path; they are signed like the rest.
	mux.Handle("POST /webhooks/begini/kiosk", webhook.NewHandler(cfg.IntegrationID, st, slog.Default())) // planted: idmix
	// Branch kiosks post their results separately.
	mux.Handle("POST /webhooks/begini/branch", webhook.NewKioskHandler(cfg.BeginiAPIKey, st))
	// Version 2 receivers: verification is a middleware around the store.
	stored := webhook.StoreEvents(st, slog.Default())
	mux.Handle("POST /webhooks/begini/v2", webhook.Verify(cfg.BeginiAPIKey, stored))
	mux.Handle("POST /webhooks/begini/batch", stored) // planted: webhooksig
	mux.HandleFunc("POST /applicants", newApplicantHandler(st))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	srv := &http.Server{Addr: ":" + cfg.Port, Handler: mux, ReadHeaderTimeout: 10 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go w.Run(ctx)
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(shutdownCtx)
	}()

	slog.Info("lender listening",
		"addr", srv.Addr,
		"integration_id", cfg.IntegrationID,
		"begini_key_set", cfg.BeginiAPIKey != "",
	)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

type applicationRequest struct {
	Notes string `json:"notes"`
}

type applicationResponse struct {
	ID  int64  `json:"id"`
	UID string `json:"uid"`
}

// newApplicantHandler records an application. The uid sent to Begini is
// random, so it carries no personal data.
func newApplicantHandler(st *store.Memory) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req applicationRequest
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&req); err != nil {
			http.Error(w, "invalid application", http.StatusBadRequest)
			return
		}
		uid := rand.Text()
		id := st.AddApplicant(uid, req.Notes)
		slog.Info("application received", "applicant", id, "uid", uid)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(applicationResponse{ID: id, UID: uid})
	}
}
