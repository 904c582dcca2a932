package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// The crash sweep (-sweep) runs beginilint once over every package of many
// real modules and reports how each run ended, not how long it took:
// crashes, internal errors, analyzer errors, load errors and findings. The
// modules never call Begini, so any finding is a false positive.

// sweepModule is one entry of a sweep list: a module entry plus the build
// settings some modules need to show their code (build tags for tests
// behind tags, GOOS=js GOARCH=wasm for wasm code).
type sweepModule struct {
	module
	Kind string   `json:"kind,omitempty"` // what the module exercises
	Tags string   `json:"tags,omitempty"` // passed as -tags to go list and beginilint
	Env  []string `json:"env,omitempty"`  // extra environment, e.g. GOOS=js
}

// sweepResult is how the beginilint run on one module ended.
type sweepResult struct {
	sweepModule
	Packages    int       `json:"packages"`
	CgoPackages int       `json:"cgo_packages"`
	Lines       lineCount `json:"lines"`
	SetupErr    string    `json:"setup_error,omitempty"`
	Run         usage     `json:"run"`
	Log         string    `json:"log,omitempty"` // path prefix of .out and .err
	verdict
}

// sweepDoc is the JSON document the sweep writes to -out.
type sweepDoc struct {
	Date       string         `json:"date"`
	GoVersion  string         `json:"go_version"`
	Beginilint string         `json:"beginilint"`
	CPUs       int            `json:"cpus"`
	WallSec    float64        `json:"wall_s"` // the whole sweep, setup included, merged runs added
	Totals     sweepTotals    `json:"totals"`
	Modules    []*sweepResult `json:"modules"`
}

func loadSweepModules(file string, only []string) ([]sweepModule, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var all []sweepModule
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var mods []sweepModule
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

// runSweep is the -sweep mode. Modules, logs and binaries live under
// <work>/sweep so that a benchmark running at the same time keeps its own.
func runSweep(cfg *config) error {
	if cfg.modules == "" {
		return fmt.Errorf("-sweep needs -modules (for example bench/realmods/sweep.json)")
	}
	mods, err := loadSweepModules(cfg.modules, cfg.only)
	if err != nil {
		return err
	}
	sc := *cfg
	sc.work = filepath.Join(cfg.work, "sweep")
	doc, err := newSweepDoc(&sc)
	if err != nil {
		return err
	}
	if cfg.merge {
		if err := doc.mergeFrom(cfg.out); err != nil {
			return err
		}
	}
	start, before := time.Now(), doc.WallSec
	for _, m := range mods {
		doc.put(sweepOne(&sc, doc.Beginilint, m))
		doc.WallSec = before + time.Since(start).Seconds()
		doc.Totals = totalize(doc.Modules)
		if err := doc.write(cfg.out); err != nil {
			return err
		}
	}
	printSweep(os.Stdout, doc)
	fmt.Printf("\nJSON written to %s\n", cfg.out)
	if n := doc.Totals.Failed; n > 0 {
		return fmt.Errorf("sweep: %d modules with a crash, an error or a finding", n)
	}
	return nil
}

func newSweepDoc(cfg *config) (*sweepDoc, error) {
	if err := os.MkdirAll(filepath.Join(cfg.work, "bin"), 0o755); err != nil {
		return nil, err
	}
	out, err := runCmd(cfg.root, nil, "go", "version")
	if err != nil {
		return nil, err
	}
	bl, why := findBeginilint(cfg)
	if bl == "" {
		return nil, fmt.Errorf("beginilint: %s", why)
	}
	return &sweepDoc{
		Date:       time.Now().UTC().Format(time.RFC3339),
		GoVersion:  strings.TrimSpace(string(out)),
		Beginilint: bl,
		CPUs:       runtime.NumCPU(),
	}, nil
}

// mergeFrom starts from the modules of an earlier sweep, so that some
// modules can be swept again (-only) without the rest.
func (d *sweepDoc) mergeFrom(path string) error {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	var old sweepDoc
	if err := json.Unmarshal(data, &old); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	d.Modules, d.WallSec = old.Modules, old.WallSec
	return nil
}

// put adds r, replacing an earlier result for the same module name.
func (d *sweepDoc) put(r *sweepResult) {
	for i, old := range d.Modules {
		if old.Name == r.Name {
			d.Modules[i] = r
			return
		}
	}
	d.Modules = append(d.Modules, r)
}

func (d *sweepDoc) write(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// sweepOne fetches one module, lists its packages and runs beginilint once.
func sweepOne(cfg *config, bl string, m sweepModule) *sweepResult {
	r := &sweepResult{sweepModule: m}
	dir, pkgs, err := sweepSetup(cfg, m, r)
	if err != nil {
		r.SetupErr = err.Error()
		logf("%s: setup failed: %v", m.Name, firstLines(err.Error(), 3))
		return r
	}
	r.Log = filepath.Join(cfg.work, "logs", m.Name)
	cmd := m.command(bl, dir)
	closeLogs, err := openLogs(cmd, r.Log)
	if err != nil {
		r.SetupErr = err.Error()
		return r
	}
	r.Run, err = measure(cmd, cfg.timeout, 0)
	closeLogs()
	if err != nil {
		r.SetupErr = "running beginilint: " + err.Error()
		return r
	}
	r.verdict = judgeSweep(r.Log, r.Run, pkgs)
	logf("%s: %d packages, %d lines, %.1fs, exit %d: %s", m.Name, r.Packages,
		r.Lines.Lines, r.Run.WallSec, r.Run.Exit, r.verdict.summary())
	return r
}

// sweepSetup fetches the module and lists its packages as beginilint will
// see them (same tags and environment).
func sweepSetup(cfg *config, m sweepModule, r *sweepResult) (string, listed, error) {
	dir, err := prepareModule(cfg, m.module)
	if err != nil {
		return "", nil, err
	}
	pkgs, err := listPackages(dir, m)
	if err != nil {
		return "", nil, err
	}
	if r.Lines, err = packageLines(pkgs); err != nil {
		return "", nil, err
	}
	for _, p := range pkgs {
		if p.Test {
			continue
		}
		r.Packages++
		if p.Cgo {
			r.CgoPackages++
		}
	}
	return dir, pkgs, nil
}

// packageLines counts the lines of every .go file in the directories of
// the listed packages, tests included and build constraints ignored: what
// the patterns select, unlike countLines, which takes the whole module.
func packageLines(pkgs listed) (lineCount, error) {
	var c lineCount
	for _, p := range pkgs {
		files, err := filepath.Glob(filepath.Join(p.Dir, "*.go"))
		if err != nil || p.Dir == "" || p.Test {
			continue
		}
		for _, f := range files {
			n, err := fileLines(f)
			if err != nil {
				return c, err
			}
			c.Files++
			c.Lines += n
			if strings.HasSuffix(f, "_test.go") {
				c.TestLines += n
			}
		}
	}
	return c, nil
}

// command is beginilint on the module's patterns, tests included, with the
// module's tags and environment. GOCACHE is the user's: the sweep measures
// no time, so a warm cache only saves compiling dependencies again.
func (m sweepModule) command(bl, dir string) *exec.Cmd {
	var args []string
	if m.Tags != "" {
		args = append(args, "-tags="+m.Tags)
	}
	cmd := exec.Command(bl, append(args, m.Patterns...)...)
	cmd.Dir = dir
	cmd.Env = childEnv(m.Env...)
	return cmd
}
