package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// toolResult is every run of one tool on one module in one cache mode.
type toolResult struct {
	Unavailable string    `json:"unavailable,omitempty"`
	Runs        []runInfo `json:"runs,omitempty"`
	Median      usage     `json:"median"` // field-wise medians; Exit is the last run's
	Findings    int       `json:"findings"`
	Errors      []string  `json:"errors,omitempty"`
}

type runInfo struct {
	usage
	Findings int    `json:"findings"`
	Err      string `json:"error,omitempty"`
	// Load1 is the 1-minute load average when the run started: on a shared
	// 2-core machine it tells which timings other work may have skewed.
	Load1 float64 `json:"load1"`
}

// modResult is everything measured on one module.
type modResult struct {
	module
	Reps     int                               `json:"reps"`
	Modes    []string                          `json:"modes"`
	Packages int                               `json:"packages"`
	Lines    lineCount                         `json:"lines"`
	SetupErr string                            `json:"setup_error,omitempty"`
	Results  map[string]map[string]*toolResult `json:"results"` // mode, tool
	Ratios   map[string]ratios                 `json:"ratios"`  // mode
	// BeginilintFindings lists every distinct finding line that beginilint
	// printed, standalone or as a vet tool. Real modules should give none.
	BeginilintFindings []string `json:"beginilint_findings"`
}

func benchModule(cfg *config, e *benchEnv, m module) *modResult {
	r := &modResult{module: m, Reps: cfg.reps, Modes: cfg.modes,
		Results: map[string]map[string]*toolResult{}}
	dir, err := setupModule(cfg, e, m, r)
	if err != nil {
		r.SetupErr = err.Error()
		logf("%s: setup failed: %v", m.Name, err)
		return r
	}
	r.BeginilintFindings = []string{} // [] rather than null in the JSON
	found := map[string]bool{}
	for _, mode := range cfg.modes {
		r.Results[mode] = benchMode(cfg, e, m, dir, mode, found)
	}
	for line := range found {
		r.BeginilintFindings = append(r.BeginilintFindings, line)
	}
	sort.Strings(r.BeginilintFindings)
	r.Ratios = computeRatios(r)
	return r
}

// setupModule fetches the module, sizes it and compiles its dependencies'
// export data into the template GOCACHE, none of which is measured.
func setupModule(cfg *config, e *benchEnv, m module, r *modResult) (string, error) {
	dir, err := prepareModule(cfg, m)
	if err != nil {
		return "", err
	}
	if r.Lines, err = countLines(dir); err != nil {
		return "", err
	}
	if r.Packages, err = countPackages(dir, m.Patterns); err != nil {
		return "", err
	}
	logf("%s: %d packages, %d lines of Go (%d in tests); priming template cache",
		m.Name, r.Packages, r.Lines.Lines, r.Lines.TestLines)
	// These are the go list flags go/packages uses for syntax and types; they
	// compile the export data of every dependency and test variant, which is
	// also what go vet needs, but run no analyzer, so the template holds no
	// vet result.
	args := append([]string{"list", "-e", "-export", "-compiled", "-deps", "-test",
		"-json=ImportPath"}, m.Patterns...)
	if _, err := runCmd(dir, []string{"GOCACHE=" + e.template}, "go", args...); err != nil {
		return "", fmt.Errorf("priming cache: %w", err)
	}
	return dir, nil
}

// benchMode runs every tool -n times in one cache mode. The order of tools
// rotates every repetition so slow drift of the machine hits them all alike.
func benchMode(cfg *config, e *benchEnv, m module, dir, mode string,
	found map[string]bool) map[string]*toolResult {
	res := map[string]*toolResult{}
	var tools []string
	for _, t := range cfg.tools {
		res[t] = &toolResult{Unavailable: e.unavailable(t)}
		if res[t].Unavailable == "" {
			tools = append(tools, t)
		}
	}
	if mode == modeWarm {
		warmUp(cfg, e, m, dir, tools)
	}
	for rep := 0; rep < cfg.reps; rep++ {
		for i := range tools {
			t := tools[(i+rep)%len(tools)]
			ri := runOnce(cfg, e, m, dir, mode, t, rep, found)
			res[t].Runs = append(res[t].Runs, ri)
			if ri.Err != "" {
				res[t].Errors = append(res[t].Errors, ri.Err)
			}
		}
	}
	for _, tr := range res {
		tr.summarize()
	}
	return res
}

// warmUp runs each tool once, unmeasured, so that the warm GOCACHE holds the
// export data and go vet's results for this module.
func warmUp(cfg *config, e *benchEnv, m module, dir string, tools []string) {
	for _, t := range tools {
		logf("%s: warm-up %s", m.Name, t)
		base := filepath.Join(cfg.work, "logs", m.Name, "warmup-"+t)
		cmd := e.toolCmd(t, dir, m.Patterns, base)
		cmd.Env = childEnv("GOCACHE=" + e.warm)
		closeLogs, err := openLogs(cmd, base)
		if err != nil {
			continue
		}
		measure(cmd, cfg.timeout, 0)
		closeLogs()
	}
}

func runOnce(cfg *config, e *benchEnv, m module, dir, mode, tool string, rep int,
	found map[string]bool) runInfo {
	base := filepath.Join(cfg.work, "logs", m.Name, fmt.Sprintf("%s-%s-%d", mode, tool, rep))
	gocache, err := cacheFor(cfg, e, mode)
	if err != nil {
		return runInfo{Err: "preparing GOCACHE: " + err.Error()}
	}
	cmd := e.toolCmd(tool, dir, m.Patterns, base)
	cmd.Env = childEnv("GOCACHE=" + gocache)
	closeLogs, err := openLogs(cmd, base)
	if err != nil {
		return runInfo{Err: err.Error()}
	}
	load := loadAvg()
	u, err := measure(cmd, cfg.timeout, cfg.sample)
	closeLogs()
	if err != nil {
		return runInfo{usage: u, Err: err.Error(), Load1: load}
	}
	o := judge(tool, base, u)
	for _, l := range o.Lines {
		found[l] = true
	}
	logf("%s: %s %s #%d: %.2fs, max %d MB, tree %d MB, exit %d, %d findings, load %.1f %s",
		m.Name, mode, tool, rep+1, u.WallSec, u.MaxRSSKB>>10, u.TreeRSSKB>>10,
		u.Exit, o.Findings, load, o.Err)
	return runInfo{usage: u, Findings: o.Findings, Err: o.Err, Load1: load}
}

// loadAvg is the 1-minute load average, or 0 if /proc/loadavg is unreadable.
func loadAvg() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	var l float64
	fmt.Sscan(string(data), &l)
	return l
}

// cacheFor returns the GOCACHE for one run:
//   - warm: one cache shared by all warm runs, already holding this module's
//     export data and vet results (see warmUp);
//   - vetcold: a fresh copy of the template, which holds export data of every
//     dependency but no vet result, so go vet must analyse every package
//     again, including the dependencies it computes facts for;
//   - fullcold: an empty cache, so even the standard library is compiled.
func cacheFor(cfg *config, e *benchEnv, mode string) (string, error) {
	if mode == modeWarm {
		return e.warm, nil
	}
	dir := filepath.Join(cfg.work, "cache", "run")
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if mode == modeFullCold {
		return dir, os.MkdirAll(dir, 0o755)
	}
	return dir, linkTree(e.template, dir)
}

// linkTree copies a GOCACHE by hard-linking its entries, which is fast and
// safe because the go command writes new entries to new files. Top-level
// files (trim.txt, README) are rewritten in place, so they are copied.
func linkTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case filepath.Dir(rel) == ".":
			return copyFile(path, target, 0o644)
		default:
			return os.Link(path, target)
		}
	})
}

func (tr *toolResult) summarize() {
	if len(tr.Runs) == 0 {
		return
	}
	var wall []float64
	var maxRSS, treeRSS []int64
	for _, r := range tr.Runs {
		wall = append(wall, r.WallSec)
		maxRSS = append(maxRSS, r.MaxRSSKB)
		treeRSS = append(treeRSS, r.TreeRSSKB)
	}
	tr.Median = usage{WallSec: median(wall), MaxRSSKB: median(maxRSS),
		TreeRSSKB: median(treeRSS), Exit: tr.Runs[len(tr.Runs)-1].Exit}
	tr.Findings = tr.Runs[len(tr.Runs)-1].Findings
}

func median[T int64 | float64](xs []T) T {
	s := append([]T(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
