// Command replay re-sends captured Begini webhook payloads to a lender
// instance running on this machine, signed the way Begini signs them, so that
// a result can be reprocessed after a bug fix.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"example.com/lender/internal/webhook"
)

// beginiAPIKey signs replays when BEGINI_API_KEY is not set.
const beginiAPIKey = "QSZpos2ZnK6gd84JJAkZBk5VGv1t" // planted: hardcodedkey

func main() {
	target := flag.String("target", "http://localhost:8080/webhooks/begini", "webhook endpoint of the local lender")
	flag.Parse()
	if flag.NArg() == 0 {
		log.Fatal("usage: replay [-target URL] payload.json...")
	}

	key := os.Getenv("BEGINI_API_KEY")
	if key == "" {
		key = beginiAPIKey
	}
	for _, path := range flag.Args() {
		if err := replay(*target, key, path); err != nil {
			log.Fatalf("replay %s: %v", path, err)
		}
		fmt.Println("replayed", path)
	}
}

func replay(target, key, path string) error {
	body, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature", webhook.Sign([]byte(key), body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("lender answered %s", resp.Status)
	}
	return nil
}
