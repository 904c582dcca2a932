package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// The measured tools, in the order the table shows them.
const (
	toolBeginilint = "beginilint" // beginilint ./...
	toolGosec      = "gosec"      // gosec -tests -fmt=json ./...
	toolVet        = "vet"        // go vet ./...
	toolVettool    = "vettool"    // go vet -vettool=beginilint ./...
	toolLoadonly   = "loadonly"   // go/packages load, no analysis
)

var allTools = []string{toolBeginilint, toolGosec, toolVet, toolVettool, toolLoadonly}

// Cache modes. See cacheFor.
const (
	modeWarm     = "warm"
	modeVetCold  = "vetcold"
	modeFullCold = "fullcold"
)

var allModes = []string{modeWarm, modeVetCold, modeFullCold}

// unavailable says why a tool cannot run, or "" if it can.
func (e *benchEnv) unavailable(tool string) string {
	if (tool == toolBeginilint || tool == toolVettool) && e.beginilint == "" {
		return "beginilint did not build: " + e.beginilintErr
	}
	return ""
}

// toolCmd is the command line of one tool on one module. logBase is the path
// prefix for its output files.
func (e *benchEnv) toolCmd(tool, dir string, patterns []string, logBase string) *exec.Cmd {
	var name string
	var args []string
	switch tool {
	case toolBeginilint:
		name = e.beginilint
	case toolGosec:
		// -tests: the other tools analyse test files too. -no-fail: exit 0
		// with issues, so a non-zero exit means gosec itself failed.
		name = e.gosec
		args = []string{"-quiet", "-tests", "-no-fail", "-fmt=json",
			"-out=" + logBase + ".json"}
	case toolVet:
		name, args = "go", []string{"vet"}
	case toolVettool:
		name, args = "go", []string{"vet", "-vettool=" + e.beginilint}
	case toolLoadonly:
		name = e.loadonly
	}
	cmd := exec.Command(name, append(args, patterns...)...)
	cmd.Dir = dir
	return cmd
}

// diagLine matches a diagnostic as go/analysis drivers and go vet print it:
// "path/file.go:12:3: message".
var diagLine = regexp.MustCompile(`^\S+\.go:\d+(:\d+)?: `)

// outcome is how a run ended, judged per tool.
type outcome struct {
	Findings int      `json:"findings"`
	Lines    []string `json:"finding_lines,omitempty"`
	Err      string   `json:"error,omitempty"`
}

// judge reads a finished run's output and exit code. Exit codes:
// beginilint 0 clean, 3 findings, 1 error; go vet 0 clean, 1 findings or
// error (told apart by whether diagnostics were printed); gosec runs with
// -no-fail so any non-zero exit is an error; loadonly 0 or error.
func judge(tool, logBase string, u usage) outcome {
	var o outcome
	if tool == toolGosec {
		o = gosecFindings(logBase + ".json")
	} else {
		o.Lines = diagnostics(logBase+".out", logBase+".err")
		o.Findings = len(o.Lines)
	}
	if tool != toolBeginilint && tool != toolVettool {
		o.Lines = nil // only beginilint's findings are listed for fixing
	}
	ok := u.Exit == 0 ||
		(tool == toolBeginilint && u.Exit == 3) ||
		((tool == toolVet || tool == toolVettool) && u.Exit == 1 && o.Findings > 0)
	switch {
	case u.TimedOut:
		o.Err = "timed out"
	case !ok:
		o.Err = fmt.Sprintf("exit %d: %s (log %s.err)", u.Exit, head(logBase+".err", 3),
			logBase)
	}
	return o
}

func diagnostics(files ...string) []string {
	var lines []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
		for sc.Scan() {
			if diagLine.MatchString(sc.Text()) {
				lines = append(lines, sc.Text())
			}
		}
		fh.Close()
	}
	return lines
}

// gosecReport is the part of gosec's JSON report used here.
type gosecReport struct {
	Issues []json.RawMessage `json:"Issues"`
}

func gosecFindings(path string) outcome {
	data, err := os.ReadFile(path)
	if err != nil {
		return outcome{Err: "no gosec report: " + err.Error()}
	}
	var r gosecReport
	if err := json.Unmarshal(data, &r); err != nil {
		return outcome{Err: "bad gosec report: " + err.Error()}
	}
	return outcome{Findings: len(r.Issues)}
}

// head returns the first n lines of a log on one line. The first lines name
// the failing package and the panic or error; a stack trace follows them.
func head(path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return strings.ReplaceAll(firstLines(string(data), n), "\n", " | ")
}

// openLogs sends cmd's output to logBase.out and logBase.err.
func openLogs(cmd *exec.Cmd, logBase string) (closeAll func(), err error) {
	if err := os.MkdirAll(filepath.Dir(logBase), 0o755); err != nil {
		return nil, err
	}
	stdout, err := os.Create(logBase + ".out")
	if err != nil {
		return nil, err
	}
	stderr, err := os.Create(logBase + ".err")
	if err != nil {
		stdout.Close()
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	return func() { stdout.Close(); stderr.Close() }, nil
}
