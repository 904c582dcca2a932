package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

//go:embed modules.json
var defaultModules []byte

// module is one entry of the module list (modules.json or -modules).
type module struct {
	Name     string   `json:"name"`               // short name, also the work dir name
	Path     string   `json:"path"`               // module path
	Version  string   `json:"version"`            // exact version, never a query
	Patterns []string `json:"patterns,omitempty"` // default ./...
	Why      string   `json:"why,omitempty"`
}

func loadModules(file string, only []string) ([]module, error) {
	data := defaultModules
	if file != "" {
		var err error
		if data, err = os.ReadFile(file); err != nil {
			return nil, err
		}
	}
	var all []module
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, fmt.Errorf("module list: %w", err)
	}
	var mods []module
	for _, m := range all {
		if err := m.check(); err != nil {
			return nil, err
		}
		if len(m.Patterns) == 0 {
			m.Patterns = []string{"./..."}
		}
		if len(only) == 0 || contains(only, m.Name) {
			mods = append(mods, m)
		}
	}
	if len(mods) == 0 {
		return nil, fmt.Errorf("no module selected")
	}
	return mods, nil
}

func (m module) check() error {
	if m.Name == "" || m.Path == "" || m.Version == "" {
		return fmt.Errorf("module entry %+v needs name, path and version", m)
	}
	// The name becomes a directory: keep it to one plain path element.
	if strings.ContainsAny(m.Name, `/\`) || m.Name == "." || m.Name == ".." {
		return fmt.Errorf("module name %q must be a plain directory name", m.Name)
	}
	if strings.ContainsAny(m.Version, "@ ") || !strings.HasPrefix(m.Version, "v") {
		return fmt.Errorf("module %s: version %q must be an exact version", m.Name, m.Version)
	}
	return nil
}

// downloadInfo is the part of `go mod download -json` output used here.
type downloadInfo struct {
	Dir   string
	GoMod string
	Error string
}

// prepareModule puts a writable copy of the module source in <work>/mods/NAME
// and downloads its dependencies into the module cache, all through the go
// command and so only from the Go module proxy.
func prepareModule(cfg *config, m module) (string, error) {
	dir := filepath.Join(cfg.work, "mods", m.Name)
	stamp := filepath.Join(dir, ".realmods-source")
	want := m.Path + "@" + m.Version
	if got, err := os.ReadFile(stamp); err != nil || string(got) != want {
		if err := fetchSource(m, dir); err != nil {
			return "", err
		}
		if err := os.WriteFile(stamp, []byte(want), 0o644); err != nil {
			return "", err
		}
	}
	if _, err := runCmd(dir, nil, "go", "mod", "download"); err != nil {
		return "", fmt.Errorf("downloading dependencies: %w", err)
	}
	return dir, nil
}

func fetchSource(m module, dir string) error {
	logf("%s: go mod download %s@%s", m.Name, m.Path, m.Version)
	// Run outside any module so the query cannot touch a go.mod.
	tmp, err := os.MkdirTemp("", "realmods-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	out, err := runCmd(tmp, nil, "go", "mod", "download", "-json", m.Path+"@"+m.Version)
	var info downloadInfo
	if jerr := json.Unmarshal(out, &info); jerr == nil && info.Error != "" {
		return fmt.Errorf("go mod download: %s", info.Error)
	}
	if err != nil {
		return err
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := copyTree(info.Dir, dir); err != nil {
		return err
	}
	return settleGoMod(dir, info.GoMod)
}

// settleGoMod makes the copy in dir build on its own, outside the
// repository it was published from.
func settleGoMod(dir, proxyGoMod string) error {
	// A module zip of a pre-modules repository has no go.mod; the proxy's
	// synthesized one makes the copy a module of its own. It requires
	// nothing, so go mod tidy picks the versions of the imports, as a
	// user's go.mod would.
	gomod := filepath.Join(dir, "go.mod")
	if _, err := os.Stat(gomod); os.IsNotExist(err) {
		if err := copyFile(proxyGoMod, gomod, 0o644); err != nil {
			return err
		}
		_, err := runCmd(dir, nil, "go", "mod", "tidy", "-e")
		return err
	}
	if err := dropLocalReplaces(dir); err != nil {
		return err
	}
	// Record the checksums of every module in the build list, which a plain
	// go mod download leaves out for test-only dependencies of old go.mod
	// files and for the modules that dropped directories stood for.
	_, err := runCmd(dir, nil, "go", "mod", "download", "all")
	return err
}

// dropLocalReplaces removes replace directives that point at directories,
// such as the AWS SDK services' "=> ../../": outside their repository those
// directories do not exist, and the module's users never see them either.
func dropLocalReplaces(dir string) error {
	out, err := runCmd(dir, nil, "go", "mod", "edit", "-json")
	if err != nil {
		return err
	}
	var mod struct {
		Replace []struct {
			Old, New struct{ Path, Version string }
		}
	}
	if err := json.Unmarshal(out, &mod); err != nil {
		return fmt.Errorf("go mod edit -json: %w", err)
	}
	args := []string{"mod", "edit"}
	for _, r := range mod.Replace {
		if r.New.Version == "" { // a directory, not a module version
			old := r.Old.Path
			if r.Old.Version != "" {
				old += "@" + r.Old.Version
			}
			args = append(args, "-dropreplace="+old)
		}
	}
	if len(args) == 2 {
		return nil
	}
	_, err = runCmd(dir, nil, "go", args...)
	return err
}

// copyTree copies a module cache directory, whose files are read-only, into
// dst with owner write permission so the go command may update go.sum there.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil // module zips hold regular files only
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return copyFile(path, target, info.Mode().Perm()|0o200)
	})
}

func copyFile(src, dst string, perm fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// lineCount is the size of the Go source a module gives the tools.
type lineCount struct {
	Files     int `json:"files"`
	Lines     int `json:"lines"` // all .go files, tests included
	TestLines int `json:"test_lines"`
}

// countLines counts physical lines of every .go file that ./... can see:
// vendor, testdata, dot and underscore directories and nested modules are
// skipped, as the go command skips them. Build constraints are ignored, so a
// file for another GOOS is counted although no tool here analyses it.
func countLines(root string) (lineCount, error) {
	var c lineCount
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return skipDir(root, path, d.Name())
		}
		if !strings.HasSuffix(d.Name(), ".go") || !d.Type().IsRegular() {
			return nil
		}
		n, err := fileLines(path)
		if err != nil {
			return err
		}
		c.Files++
		c.Lines += n
		if strings.HasSuffix(d.Name(), "_test.go") {
			c.TestLines += n
		}
		return nil
	})
	return c, err
}

func skipDir(root, path, name string) error {
	if path == root {
		return nil
	}
	if name == "vendor" || name == "testdata" ||
		strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
		return filepath.SkipDir
	}
	if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
		return filepath.SkipDir
	}
	return nil
}

func fileLines(path string) (int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	n := strings.Count(string(data), "\n")
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n, nil
}

// countPackages counts the non-test packages that the patterns match.
func countPackages(dir string, patterns []string) (int, error) {
	args := append([]string{"list", "-e"}, patterns...)
	out, err := runCmd(dir, nil, "go", args...)
	if err != nil {
		return 0, err
	}
	return len(strings.Fields(string(out))), nil
}
