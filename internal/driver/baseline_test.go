package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func finding(analyzer, file, decl, hash string) Finding {
	return Finding{Analyzer: analyzer, Message: analyzer + " message",
		Fingerprint: Fingerprint{Analyzer: analyzer, File: file, Decl: decl, Hash: hash}}
}

func TestBaselineRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baseline.jsonl")
	old := []Finding{
		finding("b", "z.go", "func f", "h1"),
		finding("a", "a.go", "func g", "h2"),
		finding("a", "a.go", "const k", "h3"),
	}
	if err := writeBaseline(path, old); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 3 || !slices.IsSorted(lines) {
		t.Errorf("baseline is not one sorted entry a line:\n%s", data)
	}
	entries, err := readBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	now := []Finding{old[0], finding("a", "a.go", "func g", "new"), old[2]}
	kept, unused := applyBaseline(now, entries)
	if len(kept) != 1 || kept[0].Fingerprint.Hash != "new" {
		t.Errorf("kept %v, want only the new finding", kept)
	}
	if len(unused) != 1 || unused[0].Fingerprint != "h2" {
		t.Errorf("unused %v, want the entry of the fixed finding", unused)
	}
}

func TestBaselineErrorsNameTheLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baseline.jsonl")
	content := `{"file":"a.go","analyzer":"a","fingerprint":"h","message":"m"}` + "\n\n" +
		`{"file":"a.go","analyzer":"a","fingerprint":"h","colour":"red"}` + "\n"
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := readBaseline(path)
	if err == nil || !strings.Contains(err.Error(), path+":3:") ||
		!strings.Contains(err.Error(), "colour") {
		t.Errorf("error = %v, want one naming line 3 and the unknown field", err)
	}
	if _, err := readBaseline(filepath.Join(t.TempDir(), "missing")); err == nil ||
		!strings.Contains(err.Error(), "-write-baseline") {
		t.Errorf("missing baseline: error = %v, want a hint to write one", err)
	}
}

// Entries for files or analyzers that did not take part in the run are not
// stale: a run on one package must not warn about all the others.
func TestStaleEntries(t *testing.T) {
	unused := []baselineEntry{
		{File: "a.go", Analyzer: "keylog"},
		{File: "other.go", Analyzer: "keylog"},
		{File: "a.go", Analyzer: "disabled"},
	}
	stale := staleEntries(unused, map[string]bool{"a.go": true}, []*analysis.Analyzer{{Name: "keylog"}})
	if len(stale) != 1 || stale[0] != unused[0] {
		t.Errorf("stale = %v, want only %v", stale, unused[0])
	}
	var buf bytes.Buffer
	warnStale(&buf, "b.jsonl", stale)
	if w := buf.String(); !strings.Contains(w, "warning: baseline b.jsonl") ||
		!strings.Contains(w, "a.go (keylog)") {
		t.Errorf("warning = %q", buf.String())
	}
}

// Text read from a baseline is shown quoted when it holds control
// characters, and a line too long to read names the file.
func TestBaselineHostileText(t *testing.T) {
	if got := printable("F\x1b[2J\nINJECTED"); got != `"F\x1b[2J\nINJECTED"` {
		t.Errorf("printable = %s", got)
	}
	if got := printable("(*Client).Do"); got != "(*Client).Do" {
		t.Errorf("printable changed plain text: %s", got)
	}
	path := filepath.Join(t.TempDir(), "b.jsonl")
	if err := os.WriteFile(path, []byte(strings.Repeat("x", 2<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readBaseline(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("error = %v, want one naming %s", err, path)
	}
}

// Errors of the go command come as several lines; they are shown as one.
func TestOneLine(t *testing.T) {
	in := "-: # example.com/x\n" +
		"no required module provides package example.com/y; to add it:\n\tgo get example.com/y"
	want := "go build: no required module provides package example.com/y; to add it: go get example.com/y"
	if got := oneLine(in); got != want {
		t.Errorf("oneLine = %q, want %q", got, want)
	}
}
