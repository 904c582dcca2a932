package wasmkey_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/beginilint/beginilint/analyzers"
	"github.com/beginilint/beginilint/analyzers/wasmkey"
	"github.com/beginilint/beginilint/internal/model"
)

// The standalone driver loads client builds with types: the test does the
// same by loading the packages for js/wasm.
func TestTyped(t *testing.T) {
	t.Setenv("GOOS", "js")
	t.Setenv("GOARCH", "wasm")
	cfg := model.Default()
	cfg.TypedClientConfigs = true
	set := analyzers.New(cfg)
	a, err := set.Select([]string{"wasmkey"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a[0], "front")
}

// go vet and golangci-lint run on the host platform, where client files are
// ignored: the fallback reads them by syntax. analysistest reads no
// expectations from ignored files, so the diagnostics are checked here.
func TestFallback(t *testing.T) {
	results := analysistest.Run(ignoreUnexpected{t}, analysistest.TestData(), wasmkey.Analyzer,
		"fallback", "server")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(p.Filename),
				p.Line, d.Message))
		}
	}
	want := []string{
		"app_js.go:8: Begini API key from env BEGINI_API_KEY used in client-side code " +
			"(passed to os.Getenv)",
		"app_js.go:12: credentialed Begini call from client-side code (api-key header)",
		"app_js.go:13: Begini API key from identifier beginiAPIKey used in client-side code " +
			"(passed to send)",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("diagnostic %d:\n got %s\nwant %s...", i, got[i], want[i])
		}
	}
}

// ignoreUnexpected passes analysistest's errors on, except its complaints
// about diagnostics in files it reads no expectations from.
type ignoreUnexpected struct{ t *testing.T }

func (u ignoreUnexpected) Errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !strings.Contains(msg, "unexpected diagnostic") {
		u.t.Error(msg)
	}
}
