// Command beginilint-staged runs beginilint on the packages that hold
// staged Go files, so that a commit hook stays fast on a large repository.
//
// Usage:
//
//	beginilint-staged [-index] [-beginilint-flag=value ...] [file.go ...]
//
// Without file names it asks git which Go files are staged. Each file's
// package is analysed with its module (the nearest go.mod above it), so
// nested modules work. Flags other than -index go to beginilint and must be
// written -name=value, because every other argument is a file name: that is
// how pre-commit appends the staged files.
//
// What is analysed must be what is committed. pre-commit stashes unstaged
// changes before it runs hooks, so the working tree is right there. A plain
// git hook has no such help: -index checks the index out into a temporary
// directory and analyses that copy, so a key that is staged but edited away
// in the working tree still fails the commit.
//
// Exit codes are beginilint's: 0 clean, 3 findings, 1 errors.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/beginilint/beginilint/internal/driver"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process around it, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	if slices.ContainsFunc(args, isHelp) {
		fmt.Fprint(stdout, usage)
		return driver.ExitClean
	}
	index, flags, files, bad := splitArgs(args)
	if len(bad) > 0 {
		return fail(stderr,
			fmt.Errorf("write %s=value: every argument that is not a flag is a file name",
				bad[0]))
	}
	root, err := os.Getwd()
	if err != nil {
		return fail(stderr, err)
	}
	for i, f := range files {
		if !filepath.IsAbs(f) {
			files[i] = filepath.Join(root, f) // named from where we were started
		}
	}
	if len(files) == 0 || index {
		// git names staged files, and checks out the index, from the top of
		// the work tree, wherever the hook was started.
		if root, err = workTreeTop(root); err != nil {
			return fail(stderr, err)
		}
	}
	if len(files) == 0 {
		if files, err = stagedGoFiles(root); err != nil {
			return fail(stderr, err)
		}
	}
	if files, err = relativeTo(root, files); err != nil {
		return fail(stderr, err)
	}
	if index {
		tmp, err := checkoutIndex(root)
		if err != nil {
			return fail(stderr, err)
		}
		defer os.RemoveAll(tmp)
		root = tmp
	}
	mods, err := packagesByModule(root, files)
	if err != nil {
		return fail(stderr, err)
	}
	return lintModules(root, mods, flags, stdout, stderr)
}

const usage = `usage: beginilint-staged [-index] [-beginilint-flag=value ...] [file.go ...]

Runs beginilint on the packages of the given Go files, or of the Go files
staged in git, each with its own module. -index analyses a copy of the
index instead of the working tree. beginilint's flags must be written
-name=value. Exit codes: 0 clean, 3 findings, 1 errors.
`

func isHelp(a string) bool {
	return a == "-h" || a == "-help" || a == "--help"
}

// workTreeTop returns the top directory of the git work tree holding dir.
func workTreeTop(dir string) (string, error) {
	cmd := exec.Command("git", "rev-parse", "--show-toplevel")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("finding the git work tree: %v%s", err, exitStderr(err))
	}
	return strings.TrimSpace(string(out)), nil
}

func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "beginilint-staged: %v\n", err)
	return driver.ExitError
}

// splitArgs separates our -index flag, beginilint's flags (every argument
// starting with '-') and the file names (everything else).
func splitArgs(args []string) (index bool, flags, files, bad []string) {
	for _, a := range args {
		switch {
		case a == "-index" || a == "--index":
			index = true
		case strings.HasPrefix(a, "-"):
			flags = append(flags, a)
			if !strings.Contains(a, "=") && driver.TakesValue(strings.TrimLeft(a, "-")) {
				bad = append(bad, a)
			}
		default:
			files = append(files, a)
		}
	}
	return index, flags, files, bad
}

// relativeTo makes file names relative to root, so that they still name
// the same files inside a copy of the index.
func relativeTo(root string, files []string) ([]string, error) {
	out := make([]string, 0, len(files))
	for _, f := range files {
		if filepath.IsAbs(f) {
			rel, err := filepath.Rel(root, f)
			if err != nil || strings.HasPrefix(rel, "..") {
				return nil, fmt.Errorf("%s is outside %s", f, root)
			}
			f = rel
		}
		out = append(out, f)
	}
	return out, nil
}

// stagedGoFiles lists the Go files added, copied, modified or renamed in
// the index, relative to the top of the work tree (hooks run there).
func stagedGoFiles(root string) ([]string, error) {
	cmd := exec.Command("git", "diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("listing staged files: %v%s", err, exitStderr(err))
	}
	var files []string
	for _, f := range strings.Split(string(out), "\x00") {
		if strings.HasSuffix(f, ".go") {
			files = append(files, f)
		}
	}
	return files, nil
}

// checkoutIndex writes the index's files into a new temporary directory.
// Untracked and unstaged changes stay behind, which is the point.
func checkoutIndex(root string) (string, error) {
	tmp, err := os.MkdirTemp("", "beginilint-staged-")
	if err != nil {
		return "", err
	}
	cmd := exec.Command("git", "checkout-index", "--all", "--prefix="+tmp+string(filepath.Separator))
	cmd.Dir = root
	if _, err := cmd.Output(); err != nil {
		os.RemoveAll(tmp)
		return "", fmt.Errorf("copying the index: %v%s", err, exitStderr(err))
	}
	return tmp, nil
}

func exitStderr(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) && len(ee.Stderr) > 0 {
		return ": " + strings.TrimSpace(string(ee.Stderr))
	}
	return ""
}

// A module is a module root and the package patterns to lint in it.
type module struct {
	dir      string
	patterns []string
}

// packagesByModule maps Go files (relative to root) to package patterns,
// grouped by the module that holds them. Files the go command ignores
// (testdata, directories starting with '.' or '_') and deleted
// directories are skipped.
func packagesByModule(root string, files []string) ([]module, error) {
	byDir := make(map[string][]string)
	for _, f := range files {
		dir := filepath.Dir(filepath.Clean(f))
		if !strings.HasSuffix(f, ".go") || ignoredByGo(dir) || !isDir(filepath.Join(root, dir)) {
			continue
		}
		mod, err := moduleRoot(root, dir)
		if err != nil {
			return nil, err
		}
		pattern := "./" + filepath.ToSlash(mustRel(mod, dir))
		if !slices.Contains(byDir[mod], pattern) {
			byDir[mod] = append(byDir[mod], pattern)
		}
	}
	var mods []module
	for dir, patterns := range byDir {
		slices.Sort(patterns)
		mods = append(mods, module{dir: filepath.Join(root, dir), patterns: patterns})
	}
	slices.SortFunc(mods, func(a, b module) int { return strings.Compare(a.dir, b.dir) })
	return mods, nil
}

// ignoredByGo reports whether the go command skips a directory in ./...
// patterns, so that a staged fixture never fails a commit.
func ignoredByGo(dir string) bool {
	for _, elem := range strings.Split(filepath.ToSlash(dir), "/") {
		if elem == "testdata" || (elem != "." && elem != ".." &&
			(strings.HasPrefix(elem, ".") || strings.HasPrefix(elem, "_"))) {
			return true
		}
	}
	return false
}

// moduleRoot returns the directory, relative to root, of the nearest
// go.mod at or above dir and not above root.
func moduleRoot(root, dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if isFile(filepath.Join(root, d, "go.mod")) {
			return d, nil
		}
		if d == "." || d == string(filepath.Separator) {
			return "", fmt.Errorf("%s: no go.mod at or above it in the repository", dir)
		}
	}
}

func mustRel(base, target string) string {
	rel, err := filepath.Rel(base, target)
	if err != nil {
		return target // both are relative to the same root; cannot happen
	}
	return rel
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// lintModules runs beginilint once per module and combines the exit codes:
// an error wins over findings, findings over a clean run. Paths are printed
// relative to the repository root, whichever module they are in. With
// several modules, the outputs are combined into one: lines follow each
// other, JSON objects are merged, and -o is written once, at the end.
func lintModules(root string, mods []module, flags []string, stdout, stderr io.Writer) int {
	outFile, flags := cutOutputFlag(flags)
	format := formatOf(flags)
	if len(mods) > 1 && format == "sarif" {
		return fail(stderr, fmt.Errorf("-format=sarif writes one run per module: "+
			"the staged files are in %d modules; run beginilint -format=sarif in each",
			len(mods)))
	}
	code := driver.ExitClean
	var outs [][]byte
	for _, m := range mods {
		args := append(slices.Clone(flags), "-C", m.dir, "-relative-to", root)
		var buf bytes.Buffer
		c := driver.Main(append(args, m.patterns...), &buf, stderr)
		code = worse(code, c)
		outs = append(outs, buf.Bytes())
	}
	merged, err := combine(format, outs)
	if err != nil {
		return fail(stderr, err)
	}
	if outFile != "" {
		if err := os.WriteFile(outFile, merged, 0o644); err != nil {
			return fail(stderr, err)
		}
		return code
	}
	if _, err := stdout.Write(merged); err != nil {
		return fail(stderr, err)
	}
	return code
}

// cutOutputFlag takes -o=file out of beginilint's flags: the combined
// output is written here, not once per module.
func cutOutputFlag(flags []string) (string, []string) {
	out := ""
	var rest []string
	for _, f := range flags {
		name, value, _ := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if name == "o" {
			out = value
			continue
		}
		rest = append(rest, f)
	}
	return out, rest
}

// formatOf returns the output format the flags ask for.
func formatOf(flags []string) string {
	format := "text"
	for _, f := range flags {
		name, value, _ := strings.Cut(strings.TrimLeft(f, "-"), "=")
		switch {
		case name == "format":
			format = value
		case name == "json" && (value == "" || value == "true"):
			format = "json"
		}
	}
	return format
}

// combine joins the outputs of several runs. The JSON format is one object
// keyed by package ID, and package IDs differ between modules.
func combine(format string, outs [][]byte) ([]byte, error) {
	if format != "json" || len(outs) == 1 {
		return bytes.Join(outs, nil), nil
	}
	all := make(map[string]json.RawMessage)
	for _, o := range outs {
		if len(bytes.TrimSpace(o)) == 0 {
			continue
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(o, &m); err != nil {
			return nil, fmt.Errorf("combining the JSON of several modules: %v", err)
		}
		maps.Copy(all, m)
	}
	out, err := json.MarshalIndent(all, "", "\t")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

func worse(a, b int) int {
	rank := func(c int) int {
		switch c {
		case driver.ExitClean:
			return 0
		case driver.ExitFindings:
			return 1
		}
		return 2 // errors and anything unknown
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}
