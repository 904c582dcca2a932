package worker

import (
	"crypto/tls"
	"net/http"
	"time"
)

// newGatewayClient talks to the on-premises inference gateway that fronts
// Azure OpenAI inside the data centre, whose certificate is self-signed. It
// is never used for Begini.
func newGatewayClient() *http.Client {
	return &http.Client{
		Timeout:   20 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
	}
}

// NewGatewaySummarizer returns a summarizer that talks to the gateway.
func NewGatewaySummarizer(apiKey string) *Summarizer {
	return &Summarizer{apiKey: apiKey, http: newGatewayClient(), tokenizer: tokenizer{charsPerToken: 4}}
}
