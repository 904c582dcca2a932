// Command realmods runs beginilint and comparable tools over pinned, real
// public Go modules and reports wall time, peak memory and findings.
//
// Modules come only from the Go module proxy, through the go command. Each
// tool runs on the same packages (./... of the module, tests included),
// alternating tools and repeating -n times; the median is reported.
// Run it from the repository root:
//
//	go run ./bench/realmods [flags]
//
// See bench/README.md for what is measured and how.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// config holds the parsed command-line flags.
type config struct {
	root       string // repository root (directory of the main go.mod)
	work       string // bench/work: module copies, caches, binaries, logs
	out        string // JSON output path
	modules    string // JSON module list; "" means the embedded default list
	report     string // print the table of this results.json and exit
	merge      bool   // keep the other modules already in -out
	sweep      bool   // run the crash sweep (sweep.go) instead of the benchmark
	only       []string
	tools      []string
	modes      []string
	reps       int
	beginilint string
	gosecVer   string
	timeout    time.Duration
	sample     time.Duration
}

func main() {
	cfg, err := parseFlags()
	if err != nil {
		fmt.Fprintln(os.Stderr, "realmods:", err)
		os.Exit(2)
	}
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "realmods:", err)
		os.Exit(1)
	}
}

func parseFlags() (*config, error) {
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	cfg := &config{root: root}
	var only, tools, modes string
	flag.StringVar(&cfg.work, "work", filepath.Join(root, "bench", "work"),
		"work directory (module copies, GOCACHEs, tool binaries, logs)")
	flag.StringVar(&cfg.out, "out", "",
		"where to write the JSON results (default bench/out/results.json, "+
			"or bench/out/sweep.json with -sweep)")
	flag.StringVar(&cfg.modules, "modules", "",
		"JSON file with the module list (default: the embedded modules.json)")
	flag.StringVar(&cfg.report, "report", "",
		"only print the table of an existing results JSON file")
	flag.BoolVar(&cfg.sweep, "sweep", false,
		"crash sweep: run beginilint once per module of -modules and report crashes, "+
			"errors and findings; exit 1 if there are any")
	flag.BoolVar(&cfg.merge, "merge", false,
		"keep the modules already in -out, replacing those run again")
	flag.StringVar(&only, "only", "", "comma-separated module names to run (default all)")
	flag.StringVar(&tools, "tools", strings.Join(allTools, ","),
		"comma-separated tools to measure")
	flag.StringVar(&modes, "modes", "warm,vetcold",
		"comma-separated cache modes: warm, vetcold, fullcold")
	flag.IntVar(&cfg.reps, "n", 3, "repetitions per tool and mode (median is reported)")
	flag.StringVar(&cfg.beginilint, "beginilint", "",
		"beginilint binary (default: build ./cmd/beginilint into <work>/bin)")
	flag.StringVar(&cfg.gosecVer, "gosec", "v2.30.0", "gosec version to install")
	flag.DurationVar(&cfg.timeout, "timeout", 20*time.Minute, "time limit for one run")
	flag.DurationVar(&cfg.sample, "sample", 20*time.Millisecond,
		"interval for sampling the RSS of the whole process tree (0 disables)")
	flag.Parse()
	cfg.only = splitList(only)
	cfg.tools = splitList(tools)
	cfg.modes = splitList(modes)
	if cfg.out == "" {
		name := "results.json"
		if cfg.sweep {
			name = "sweep.json"
		}
		cfg.out = filepath.Join(root, "bench", "out", name)
	}
	return cfg, cfg.validate()
}

func (c *config) validate() error {
	if c.reps < 1 {
		return fmt.Errorf("-n must be at least 1")
	}
	for _, t := range c.tools {
		if !contains(allTools, t) {
			return fmt.Errorf("unknown tool %q (want %s)", t, strings.Join(allTools, ","))
		}
	}
	for _, m := range c.modes {
		if !contains(allModes, m) {
			return fmt.Errorf("unknown mode %q (want %s)", m, strings.Join(allModes, ","))
		}
	}
	return nil
}

// run is the whole benchmark: tools, modules, measurements, report.
func run(cfg *config) error {
	if cfg.report != "" {
		return reprint(cfg.report)
	}
	if cfg.sweep {
		return runSweep(cfg)
	}
	mods, err := loadModules(cfg.modules, cfg.only)
	if err != nil {
		return err
	}
	env, err := newEnv(cfg)
	if err != nil {
		return err
	}
	res := newResults(cfg, env)
	if cfg.merge {
		if err := res.mergeFrom(cfg.out); err != nil {
			return err
		}
	}
	for _, m := range mods {
		res.put(benchModule(cfg, env, m))
		// Write after every module so a long sweep that dies keeps what it had.
		if err := res.write(cfg.out); err != nil {
			return err
		}
	}
	printTable(os.Stdout, res)
	printFindings(os.Stdout, res)
	fmt.Printf("\nJSON written to %s\n", cfg.out)
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// logf reports progress on stderr so stdout keeps only the table.
func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "[%s] %s\n", time.Now().Format("15:04:05"),
		fmt.Sprintf(format, args...))
}
