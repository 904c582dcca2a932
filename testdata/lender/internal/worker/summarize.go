package worker

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"
)

// Azure OpenAI deployment that condenses a loan officer's free-text notes
// into a two-line summary for the underwriting queue.
const (
	azureEndpoint   = "https://myres.openai.azure.com"
	azureDeployment = "gpt-4o-mini"
	azureAPIVersion = "2024-06-01"
	azureKeyEnvVar  = "AZURE_OPENAI_API_KEY"
	maxPromptTokens = 1500
)

// Summarizer calls Azure OpenAI. It is unrelated to Begini.
type Summarizer struct {
	apiKey    string
	http      *http.Client
	tokenizer tokenizer
}

// NewSummarizerFromEnv returns a summarizer keyed from AZURE_OPENAI_API_KEY,
// or nil when that variable is not set.
func NewSummarizerFromEnv() *Summarizer {
	apiKey := os.Getenv(azureKeyEnvVar)
	if apiKey == "" {
		return nil
	}
	return &Summarizer{
		apiKey:    apiKey,
		http:      &http.Client{Timeout: 20 * time.Second},
		tokenizer: tokenizer{charsPerToken: 4},
	}
}

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatRequest struct {
	Messages  []chatMessage `json:"messages"`
	MaxTokens int           `json:"max_tokens"`
}

type chatResponse struct {
	Choices []struct {
		Message chatMessage `json:"message"`
	} `json:"choices"`
}

// Summarize returns a short summary of notes.
func (s *Summarizer) Summarize(ctx context.Context, notes string) (string, error) {
	if strings.TrimSpace(notes) == "" {
		return "", nil
	}
	payload, err := json.Marshal(chatRequest{
		Messages: []chatMessage{
			{Role: "system", Content: "Summarize these loan officer notes in two lines. Omit names and contact details."},
			{Role: "user", Content: s.tokenizer.truncate(notes, maxPromptTokens)},
		},
		MaxTokens: 120,
	})
	if err != nil {
		return "", err
	}
	url := fmt.Sprintf("%s/openai/deployments/%s/chat/completions?api-version=%s", azureEndpoint, azureDeployment, azureAPIVersion)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
	if err != nil {
		return "", err
	}
	req.Header.Set("api-key", s.apiKey)
	req.Header.Set("Content-Type", "application/json")

	resp, err := s.http.Do(req)
	if err != nil {
		return "", fmt.Errorf("azure openai: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("azure openai: %s", resp.Status)
	}
	var out chatResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", fmt.Errorf("azure openai: decode: %w", err)
	}
	if len(out.Choices) == 0 {
		return "", errors.New("azure openai: no choices")
	}
	return strings.TrimSpace(out.Choices[0].Message.Content), nil
}

// tokenizer gives a rough token count for prompt budgeting.
type tokenizer struct {
	charsPerToken int
}

func (t tokenizer) count(s string) int {
	return (len(s) + t.charsPerToken - 1) / t.charsPerToken
}

// truncate cuts s to about maxTokens tokens, on a word boundary.
func (t tokenizer) truncate(s string, maxTokens int) string {
	if t.count(s) <= maxTokens {
		return s
	}
	cut := s[:maxTokens*t.charsPerToken]
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut
}
