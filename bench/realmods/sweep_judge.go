package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// verdict sorts what one beginilint run printed. Only EnvNotes are
// acceptable on a real module; everything else is a bug to reduce and fix.
type verdict struct {
	// Crashes: the process panicked, died on a signal, exited with a code
	// beginilint never uses, or ran out of time.
	Crashes []string `json:"crashes,omitempty"`
	// Internal: a panic inside an analyzer that the driver caught and
	// reported as "internal error in analyzer NAME".
	Internal []string `json:"internal_errors,omitempty"`
	// Errors: "analyzer NAME: ..." errors, load errors that the environment
	// does not explain, and any other message beginilint printed.
	Errors []string `json:"errors,omitempty"`
	// EnvNotes: packages that failed to load for reasons that are not
	// beginilint's, such as a missing C header; each says why.
	EnvNotes []string `json:"env_notes,omitempty"`
	// Findings: every diagnostic line. These modules never call Begini.
	Findings []string `json:"findings,omitempty"`
}

func (v verdict) failed() bool {
	return len(v.Crashes)+len(v.Internal)+len(v.Errors)+len(v.Findings) > 0
}

func (v verdict) summary() string {
	return fmt.Sprintf("%d crashes, %d internal errors, %d errors, %d env notes, %d findings",
		len(v.Crashes), len(v.Internal), len(v.Errors), len(v.EnvNotes), len(v.Findings))
}

// listedPkg is what go list says about one package of the module.
type listedPkg struct {
	Test bool // a test variant: "p [p.test]", "p_test [p.test]" or "p.test"
	Dir  string
	Cgo  bool
	Err  string   // go list's own error for the package, if any
	Deps []string // every package it imports, directly or not
}

// listed maps package IDs, as go list -test and beginilint print them, to
// what go list says about them.
type listed map[string]listedPkg

// lookup finds a package by ID, or else by the package a test variant is of.
func (l listed) lookup(id string) listedPkg {
	if p, ok := l[id]; ok {
		return p
	}
	path, _, _ := strings.Cut(id, " ")
	return l[basePkg(path)]
}

// goListPkg is the part of `go list -json` output used here.
type goListPkg struct {
	ImportPath string
	Dir        string
	CgoFiles   []string
	Deps       []string
	Error      *struct{ Err string }
	DepsErrors []struct{ Err string }
}

// listPackages lists the module's packages and their test variants with
// its tags and environment. Test variants carry the errors of imports that
// only tests make.
func listPackages(dir string, m sweepModule) (listed, error) {
	args := []string{"list", "-e", "-test",
		"-json=ImportPath,Dir,CgoFiles,Deps,Error,DepsErrors"}
	if m.Tags != "" {
		args = append(args, "-tags="+m.Tags)
	}
	out, err := runCmd(dir, m.Env, "go", append(args, m.Patterns...)...)
	if err != nil {
		return nil, err
	}
	pkgs := listed{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p goListPkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			return pkgs, nil
		} else if err != nil {
			return nil, fmt.Errorf("go list output: %w", err)
		}
		lp := listedPkg{Dir: p.Dir, Cgo: len(p.CgoFiles) > 0, Deps: p.Deps,
			Test: strings.Contains(p.ImportPath, " [") ||
				strings.HasSuffix(p.ImportPath, ".test")}
		if p.Error != nil {
			lp.Err = p.Error.Err
		} else if len(p.DepsErrors) > 0 {
			lp.Err = p.DepsErrors[0].Err
		}
		pkgs[p.ImportPath] = lp
	}
}

// judgeSweep reads the logs of a finished beginilint run.
func judgeSweep(logBase string, u usage, pkgs listed) verdict {
	v := verdict{Findings: diagnostics(logBase + ".out")}
	stderr, _ := os.ReadFile(logBase + ".err")
	j := &sweepJudge{pkgs: pkgs, envFailed: map[string]bool{}}
	for _, rec := range stderrRecords(string(stderr)) {
		j.add(&v, rec)
	}
	j.settle(&v)
	switch {
	case u.TimedOut:
		v.Crashes = append(v.Crashes, fmt.Sprintf("timed out after %.0fs", u.WallSec))
	case u.Exit != 0 && u.Exit != 1 && u.Exit != 3:
		v.Crashes = append(v.Crashes, fmt.Sprintf("exit %d", u.Exit))
	case u.Exit == 1 && len(stderr) == 0:
		v.Errors = append(v.Errors, "exit 1 with nothing on stderr")
	case u.Exit == 3 && len(v.Findings) == 0:
		v.Errors = append(v.Errors, "exit 3 but no finding line on stdout")
	}
	return v
}

// stderrRecords splits beginilint's stderr into messages. A message starts
// with "beginilint: " (the driver), "panic: " or "fatal error: " (the Go
// runtime); the lines after it, such as a stack trace, belong to it.
func stderrRecords(text string) []string {
	var recs []string
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if line == "" && len(recs) == 0 {
			continue
		}
		if len(recs) == 0 || startsRecord(line) {
			recs = append(recs, line)
			continue
		}
		recs[len(recs)-1] += "\n" + line
	}
	return recs
}

func startsRecord(line string) bool {
	for _, p := range []string{"beginilint: ", "panic: ", "fatal error: "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// pkgError matches a driver message about one package; the ID may name a
// test variant in brackets: "beginilint: ID [ID.test]: message".
var pkgError = regexp.MustCompile(`^beginilint: (\S+(?: \[[^\]]*\])?): `)

var analyzerError = regexp.MustCompile(`^beginilint: \S+(?: \[[^\]]*\])?: analyzer \S+: `)

// sweepJudge sorts the messages of one run.
type sweepJudge struct {
	pkgs      listed
	envFailed map[string]bool // packages whose load error the environment explains
	pending   []string        // load errors not explained yet
}

// add files one stderr message under its kind. Load errors that nothing
// explains wait for settle, which needs every package that failed.
func (j *sweepJudge) add(v *verdict, rec string) {
	first, _, _ := strings.Cut(rec, "\n")
	switch {
	case !strings.HasPrefix(rec, "beginilint: "):
		v.Crashes = append(v.Crashes, firstLines(rec, 12))
	case strings.Contains(first, "internal error"):
		v.Internal = append(v.Internal, firstLines(rec, 12))
	case analyzerError.MatchString(first):
		v.Errors = append(v.Errors, firstLines(rec, 3))
	default:
		why := explainLoadError(rec, j.pkgs)
		if why == "" {
			j.pending = append(j.pending, rec)
			return
		}
		v.EnvNotes = append(v.EnvNotes, why+": "+first)
		if id := recordPkg(rec); id != "" {
			path, _, _ := strings.Cut(id, " ")
			j.envFailed[id], j.envFailed[basePkg(path)] = true, true
		}
	}
}

// settle files the pending load errors: a type error in a package that
// imports one the environment broke (a cgo package without its C header)
// follows from that; any other is an error.
func (j *sweepJudge) settle(v *verdict) {
	for _, rec := range j.pending {
		first, _, _ := strings.Cut(rec, "\n")
		if dep := j.brokenDep(recordPkg(rec)); dep != "" {
			v.EnvNotes = append(v.EnvNotes, "imports "+dep+", which failed to load: "+first)
			continue
		}
		v.Errors = append(v.Errors, firstLines(rec, 3))
	}
}

func (j *sweepJudge) brokenDep(id string) string {
	for _, d := range j.pkgs.lookup(id).Deps {
		if j.envFailed[d] {
			return d
		}
	}
	return ""
}

// recordPkg is the ID of the package a driver message is about, or "".
func recordPkg(rec string) string {
	m := pkgError.FindStringSubmatch(rec)
	if m == nil {
		return ""
	}
	return m[1]
}

// envCauses are load errors that come from the machine or the module, not
// from beginilint: the same package fails under go build too.
var envCauses = []struct {
	re  *regexp.Regexp
	why string
}{
	{regexp.MustCompile(`\.h: No such file or directory`), "missing C header"},
	{regexp.MustCompile(`pkg-config|Package \S+ was not found`), "missing pkg-config package"},
	{regexp.MustCompile(`exec: "(gcc|cc|clang|g\+\+)"|C compiler`), "no C compiler"},
	{regexp.MustCompile(`cannot find -l\S+`), "missing C library"},
	{regexp.MustCompile(`requires go >= |requires go[0-9.]+ or later|go\.mod requires go`),
		"needs a newer Go"},
	{regexp.MustCompile(`no required module provides package|missing go\.sum entry`),
		"module's go.mod does not resolve an import"},
	// "go build:" marks the go command's own build output, which
	// go/packages passes on when go list cannot compile a package.
	{regexp.MustCompile(`^beginilint: \S+(?: \[[^\]]*\])?: go build: `),
		"the go command cannot compile it either"},
}

// explainLoadError says why a package failed to load when that is not
// beginilint's doing, or returns "".
func explainLoadError(rec string, pkgs listed) string {
	if !strings.HasPrefix(rec, "beginilint: ") {
		return ""
	}
	for _, c := range envCauses {
		if c.re.MatchString(rec) {
			return c.why
		}
	}
	if p := pkgs.lookup(recordPkg(rec)); p.Err != "" {
		return "go list fails too (" + firstLines(p.Err, 1) + ")"
	}
	return ""
}

// basePkg maps a test variant ID (p_test, p.test) to its package path.
func basePkg(id string) string {
	id = strings.TrimSuffix(id, ".test")
	return strings.TrimSuffix(id, "_test")
}
