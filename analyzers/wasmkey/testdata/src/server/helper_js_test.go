package server

import (
	"os"
	"testing"
)

// A build-tagged test helper that never reaches a client build.
func TestHelper(t *testing.T) { _ = os.Getenv("PATH") }
