package driver

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDecodeConfigFile(t *testing.T) {
	src := "# team settings\nhosts:\n  - api.example.test\nkey_env_names: [LENDER_KEY]\n" +
		"log_sinks:\nbaseline: ci/baseline.jsonl\n"
	cf, err := decodeConfigFile("/repo/.beginilint.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cf.cfg.Hosts, []string{"api.example.test"}) ||
		!slices.Equal(cf.cfg.KeyEnvNames, []string{"LENDER_KEY"}) || cf.cfg.LogSinks != nil {
		t.Errorf("settings = %+v", cf.cfg)
	}
	if cf.baseline != filepath.FromSlash("/repo/ci/baseline.jsonl") {
		t.Errorf("baseline = %q, want it resolved against the file's directory", cf.baseline)
	}
	if cf, err := decodeConfigFile("f.yaml", []byte("# nothing yet\n")); err != nil ||
		cf.cfg.Hosts != nil {
		t.Errorf("empty file: %v, %+v", err, cf)
	}
}

func TestConfigFileErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"hosts: [a.test]\nhostz: [b]\n",
			`f.yaml:2:1: unknown key "hostz" (valid keys: vendor_words, `},
		{"hosts: api.test\n", "f.yaml:1:8: hosts: want a list of strings, got str"},
		{"hosts:\n  - 8080\n", `f.yaml:2:5: hosts: want a string, got int "8080"`},
		{"enable:\n  x: y\n", "f.yaml:2:3: enable: want a list of strings, got a mapping"},
		{"baseline: [a]\n", "f.yaml:1:11: baseline: want a file path, got a list"},
		{"hosts: []\nhosts: []\n", "f.yaml:2:1: key hosts repeats the one on line 1"},
		{"- hosts\n", "f.yaml:1: want a mapping of settings (valid keys: "},
		{"hosts: [a\n", "f.yaml:1: did not find expected"},
		{"hosts: [a.test]\n---\nhosts: [b.test]\n", "f.yaml:2: a second YAML document"},
	} {
		_, err := decodeConfigFile("f.yaml", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) ||
			strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error %v, want one line starting %q", tc.src, err, tc.want)
		}
	}
	if _, err := decodeConfigFile("f.yaml", []byte("words: []\n")); err == nil ||
		!strings.HasSuffix(err.Error(), ", baseline)") {
		t.Errorf("error = %v, want the valid keys to end with baseline", err)
	}
}

// Values the model rejects are reported at the key's line.
func TestConfigFileValidate(t *testing.T) {
	cf, err := decodeConfigFile("f.yaml", []byte("key_words: []\nhosts:\n  - https://api.test\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := cf.validate(); err == nil || !strings.HasPrefix(err.Error(), "f.yaml:2: hosts: ") {
		t.Errorf("error = %v, want one at f.yaml:2", err)
	}
}

// The search walks up from the working directory and stops at the module
// root, so that a file above the module never applies by accident.
func TestFindConfigFile(t *testing.T) {
	root := t.TempDir()
	writeTestFile(t, root, ConfigFileName, "hosts: []\n")
	writeTestFile(t, root, "mod/go.mod", "module m\n")
	writeTestFile(t, root, "mod/a/b/x.go", "package b\n")
	if got, err := findConfigFile(filepath.Join(root, "mod", "a", "b")); err != nil || got != "" {
		t.Errorf("found %q, %v above the module root", got, err)
	}
	writeTestFile(t, root, "mod/"+ConfigFileName, "hosts: []\n")
	want := filepath.Join(root, "mod", ConfigFileName)
	if got, _ := findConfigFile(filepath.Join(root, "mod", "a", "b")); got != want {
		t.Errorf("found %q, want %q", got, want)
	}
	writeTestFile(t, root, "ws/go.work", "go 1.26\n")
	writeTestFile(t, root, "ws/svc/go.mod", "module svc\n")
	if got, err := findConfigFile(filepath.Join(root, "ws")); err != nil || got != "" {
		t.Errorf("found %q, %v above the workspace root", got, err)
	}
}

// Flags add to the file, which adds to the defaults; -print-config shows
// the result as a file would hold it.
func TestSettingsAndPrintConfig(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, dir, "go.mod", "module m\n")
	writeTestFile(t, dir, ConfigFileName,
		"key_env_names: [FROM_FILE]\ndisable: [keylog]\nbaseline: b.jsonl\n")
	var stderr bytes.Buffer
	opts, err := parseFlags([]string{"-C", dir, "-key_env", "FROM_FLAG", "-print-config"}, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(opts.cfg.KeyEnvNames, []string{"FROM_FILE", "FROM_FLAG"}) ||
		!slices.Contains(opts.cfg.Hosts, "begini.co") ||
		opts.baseline != filepath.Join(dir, "b.jsonl") {
		t.Errorf("settings = %+v, baseline %q", opts.cfg, opts.baseline)
	}
	var out bytes.Buffer
	if err := printConfig(&out, opts); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "'-'") {
		t.Errorf("-print-config shows a field that is not a setting:\n%s", out.String())
	}
	for _, want := range []string{
		"config file " + ConfigFileName, "key_env_names:\n  - FROM_FILE\n  - FROM_FLAG\n",
		"id_env_names: []\n", "disable:\n  - keylog\n", "baseline: b.jsonl\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("-print-config output lacks %q:\n%s", want, out.String())
		}
	}
	// What -print-config prints reads back as the same settings.
	cf, err := decodeConfigFile(filepath.Join(dir, "printed.yaml"), out.Bytes())
	if err != nil {
		t.Fatalf("printed settings do not read back: %v", err)
	}
	if !slices.Equal(cf.cfg.KeyEnvNames, opts.cfg.KeyEnvNames) || cf.baseline != opts.baseline {
		t.Errorf("read back %+v, want %+v", cf.cfg, opts.cfg)
	}
}

func TestBrokenConfigIsAnError(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, dir, "go.mod", "module m\n")
	writeTestFile(t, dir, ConfigFileName, "hosts: [\n")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"-C", dir, "-print-config"}, &stdout, &stderr); code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	if msg := stderr.String(); strings.Count(msg, "\n") != 1 || !strings.Contains(msg, ConfigFileName) {
		t.Errorf("stderr = %q, want one line naming the file", stderr.String())
	}
	code := Main([]string{"-C", dir, "-config", "missing.yaml", "-print-config"}, &stdout, &stderr)
	if code != ExitError {
		t.Errorf("missing -config file: exit %d, want %d", code, ExitError)
	}
}

// Whatever the file holds, decoding returns settings or a one-line error
// naming the file, never a panic.
func FuzzConfigFile(f *testing.F) {
	for _, s := range []string{
		"hosts: [a.test]\n", "enable:\n  - keylog\nbaseline: b\n", "- x\n", "a: &x [1]\nb: *x\n",
		"hosts: !!binary aGk=\n", "{hosts: [a], hosts: [b]}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		cf, err := decodeConfigFile("f.yaml", []byte(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q is not one line naming the file", err)
			}
			return
		}
		_ = cf.validate()
	})
}
