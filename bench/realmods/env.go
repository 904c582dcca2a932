package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// benchEnv is what every module run shares: tool binaries and cache dirs.
type benchEnv struct {
	goVersion     string
	bin           string // <work>/bin
	beginilint    string // "" when unavailable
	beginilintErr string // why beginilint is unavailable
	gosec         string
	loadonly      string
	template      string // GOCACHE holding compiled export data, never vet results
	warm          string // GOCACHE reused by every warm run
}

func newEnv(cfg *config) (*benchEnv, error) {
	e := &benchEnv{
		bin:      filepath.Join(cfg.work, "bin"),
		template: filepath.Join(cfg.work, "cache", "template"),
		warm:     filepath.Join(cfg.work, "cache", "warm"),
	}
	for _, d := range []string{e.bin, e.template, e.warm} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	out, err := runCmd(cfg.root, nil, "go", "version")
	if err != nil {
		return nil, err
	}
	e.goVersion = strings.TrimSpace(string(out))
	if err := e.buildTools(cfg); err != nil {
		return nil, err
	}
	return e, nil
}

// buildTools installs gosec, builds the load-only baseline and beginilint.
// Only beginilint may be missing: it is being written alongside this harness,
// so its columns say n/a instead of stopping the benchmark.
func (e *benchEnv) buildTools(cfg *config) error {
	logf("installing gosec %s", cfg.gosecVer)
	_, err := runCmd(cfg.root, []string{"GOBIN=" + e.bin}, "go", "install",
		"github.com/securego/gosec/v2/cmd/gosec@"+cfg.gosecVer)
	if err != nil {
		return fmt.Errorf("installing gosec: %w", err)
	}
	e.gosec = filepath.Join(e.bin, "gosec")
	logf("building bench/loadonly")
	e.loadonly, err = buildMain(cfg, "./bench/loadonly", "loadonly")
	if err != nil {
		return fmt.Errorf("building loadonly: %w", err)
	}
	e.beginilint, e.beginilintErr = findBeginilint(cfg)
	if e.beginilint == "" {
		logf("beginilint unavailable, its columns will say n/a: %s", e.beginilintErr)
	}
	return nil
}

func findBeginilint(cfg *config) (path, why string) {
	if cfg.beginilint != "" {
		abs, err := filepath.Abs(cfg.beginilint)
		if err != nil {
			return "", err.Error()
		}
		if _, err := os.Stat(abs); err != nil {
			return "", err.Error()
		}
		return abs, ""
	}
	logf("building ./cmd/beginilint")
	path, err := buildMain(cfg, "./cmd/beginilint", "beginilint")
	if err != nil {
		return "", firstLines(err.Error(), 5)
	}
	return path, ""
}

// buildMain builds a main package of this repository into <work>/bin.
// If the repository's go.sum lacks entries the package needs (it is being
// edited by others while this harness runs), it retries with a private copy of
// go.mod under <work>/modfile, tidied there, so the real go.mod is never
// touched.
func buildMain(cfg *config, pkg, name string) (string, error) {
	out := filepath.Join(cfg.work, "bin", name)
	_, err := runCmd(cfg.root, nil, "go", "build", "-o", out, pkg)
	if err == nil {
		return out, nil
	}
	if !strings.Contains(err.Error(), "missing go.sum entry") {
		return "", err
	}
	modfile, merr := privateModfile(cfg)
	if merr != nil {
		return "", fmt.Errorf("%v; private modfile: %v", err, merr)
	}
	_, err = runCmd(cfg.root, nil, "go", "build", "-modfile="+modfile, "-o", out, pkg)
	if err != nil {
		return "", err
	}
	logf("built %s with the private modfile %s", pkg, modfile)
	return out, nil
}

func privateModfile(cfg *config) (string, error) {
	dir := filepath.Join(cfg.work, "modfile")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	modfile := filepath.Join(dir, "bench.mod")
	if err := copyFile(filepath.Join(cfg.root, "go.mod"), modfile, 0o644); err != nil {
		return "", err
	}
	sum := filepath.Join(cfg.root, "go.sum")
	if err := copyFile(sum, filepath.Join(dir, "bench.sum"), 0o644); err != nil &&
		!os.IsNotExist(err) {
		return "", err
	}
	_, err := runCmd(cfg.root, nil, "go", "mod", "tidy", "-e", "-modfile="+modfile)
	return modfile, err
}

// childEnv is the environment of every go command the harness starts.
// GOTOOLCHAIN=local keeps a module's toolchain line from fetching another Go;
// GOWORK=off keeps a stray go.work from changing what ./... means.
func childEnv(extra ...string) []string {
	env := []string{"GOTOOLCHAIN=local", "GOWORK=off"}
	for _, kv := range os.Environ() {
		if !overridden(kv, extra) && !strings.HasPrefix(kv, "GOTOOLCHAIN=") &&
			!strings.HasPrefix(kv, "GOWORK=") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

func overridden(kv string, extra []string) bool {
	key, _, _ := strings.Cut(kv, "=")
	for _, e := range extra {
		if k, _, _ := strings.Cut(e, "="); k == key {
			return true
		}
	}
	return false
}

// runCmd runs a setup command (not a measured one) and returns its stdout.
// On failure the error carries the tail of stderr.
func runCmd(dir string, extraEnv []string, name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = childEnv(extraEnv...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), fmt.Errorf("%s %s: %v\n%s", name,
			strings.Join(args, " "), err, lastLines(stderr.String(), 20))
	}
	return stdout.Bytes(), nil
}

func repoRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("run realmods from inside the beginilint module")
	}
	return filepath.Dir(gomod), nil
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
