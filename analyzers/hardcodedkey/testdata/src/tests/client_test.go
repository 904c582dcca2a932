package tests

import (
	"net/http"
	"testing"
)

func TestFakeKeys(t *testing.T) {
	req, _ := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", "test-key-123456789")       // obviously fake in a test: fine
	req.Header.Set("api-key", "abcdefabcdefabcdef")       // low entropy in a test: fine
	req.Header.Set("api-key", "fake_begini_key_0001")     // names itself fake: fine
	req.Header.Set("api-key", "Zk3pQ9xLm2Rt7Vw4Yb8Nc1Hd") // want `hardcoded Begini API key \(api-key header\)`
}
