// Package driver is the standalone beginilint command: flags, loading,
// running the analyzers, output formats and exit codes. Analyzers know
// nothing of it.
package driver

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/analyzers"
	"github.com/beginilint/beginilint/internal/model"
)

// Exit codes, the same in every output format.
const (
	ExitClean    = 0 // no findings
	ExitError    = 1 // something could not be analysed, or bad usage
	ExitFindings = 3 // findings (the multichecker convention)
)

// options are the parsed command line.
type options struct {
	dir        string
	cpuProfile string
	noPrune    bool
	tags       string
	tests      bool
	format     string
	jsonFlag   bool
	fix        bool
	list       bool
	version    bool
	enable     string
	disable    string
	only       map[string]*bool
	cfg        *model.Config
	patterns   []string

	wd string // the working directory: -C, or the current one
	// relTo is what finding paths are relative to: -relative-to, resolved
	// against the directory beginilint was started in, or wd.
	relTo  string
	output string // -o
	// baseline is the file of accepted findings; writeBaseline, when set,
	// records this run's findings there instead.
	baseline      string
	writeBaseline string
	configPath    string // -config
	configFile    string // the file read, if any
	printConfig   bool
}

// Main runs the command with args (without the program name) and returns
// the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return ExitClean
	}
	if err != nil {
		fmt.Fprintf(stderr, "beginilint: %v\n", err)
		return ExitError
	}
	switch {
	case opts.version:
		fmt.Fprintf(stdout, "beginilint %s\n", Version())
		return ExitClean
	case opts.list:
		return listAnalyzers(stdout, opts.cfg)
	case opts.printConfig:
		if err := printConfig(stdout, opts); err != nil {
			fmt.Fprintf(stderr, "beginilint: %v\n", err)
			return ExitError
		}
		return ExitClean
	}
	if opts.cpuProfile != "" {
		stop, err := startCPUProfile(opts.cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "beginilint: %v\n", err)
			return ExitError
		}
		defer stop()
	}
	return run(opts, stdout, stderr)
}

// startCPUProfile profiles the run, for the benchmarks in bench/.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	opts := &options{only: make(map[string]*bool)}
	flags := &model.Config{} // what the flags add to the defaults and the file
	fs := newFlagSet(opts, flags)
	// A mistyped flag gets one line, not the whole list; -h gets the list.
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stderr)
		fs.Usage()
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("%v (beginilint -h lists the flags)", err)
	}
	if opts.jsonFlag {
		opts.format = "json"
	}
	if !validFormat(opts.format) {
		return nil, fmt.Errorf("-format %q: want %s", opts.format, formatNames)
	}
	if opts.wd, err = workDir(opts.dir); err != nil {
		return nil, err
	}
	if opts.relTo == "" {
		opts.relTo = opts.wd
	} else if opts.relTo, err = filepath.Abs(opts.relTo); err != nil {
		return nil, fmt.Errorf("-relative-to: %v", err)
	}
	opts.output = opts.path(opts.output)
	opts.baseline = opts.path(opts.baseline)
	opts.writeBaseline = opts.path(opts.writeBaseline)
	if err := opts.settle(flags); err != nil {
		return nil, err
	}
	opts.patterns = fs.Args()
	if len(opts.patterns) == 0 {
		opts.patterns = []string{"./..."}
	}
	return opts, nil
}

// newFlagSet binds the command line to opts and to flags, the settings
// the flags add.
func newFlagSet(opts *options, flags *model.Config) *flag.FlagSet {
	fs := flag.NewFlagSet("beginilint", flag.ContinueOnError)
	fs.StringVar(&opts.dir, "C", "", "change to `dir` before running")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build `tags`")
	fs.BoolVar(&opts.tests, "test", true, "also analyse test files")
	fs.StringVar(&opts.format, "format", "text", "output `format`: "+formatNames)
	fs.BoolVar(&opts.jsonFlag, "json", false, "same as -format json")
	fs.StringVar(&opts.output, "o", "", "write the findings to `file` instead of standard output")
	fs.StringVar(&opts.relTo, "relative-to", "",
		"print paths relative to `dir` (default: the -C directory), such as the repository root")
	fs.StringVar(&opts.baseline, "baseline", "", "report only findings not recorded in `file`")
	fs.StringVar(&opts.writeBaseline, "write-baseline", "", "record the findings in `file` and exit 0")
	fs.StringVar(&opts.configPath, "config", "",
		"read settings from `file` instead of the closest "+ConfigFileName)
	fs.BoolVar(&opts.printConfig, "print-config", false, "print the effective settings and exit")
	fs.BoolVar(&opts.fix, "fix", false, "apply suggested fixes")
	fs.BoolVar(&opts.list, "list", false, "list the analyzers and exit")
	fs.BoolVar(&opts.version, "version", false, "print the version and exit")
	fs.StringVar(&opts.enable, "enable", "", "run only these comma-separated `analyzers`")
	fs.StringVar(&opts.disable, "disable", "", "do not run these comma-separated `analyzers`")
	fs.StringVar(&opts.cpuProfile, "debug.cpuprofile", "", "write a CPU profile to `file`")
	fs.BoolVar(&opts.noPrune, "debug.noprune", false,
		"analyse every package, even those that mention nothing of Begini's")
	for _, name := range analyzers.Names() {
		opts.only[name] = fs.Bool(name, false, "run only the "+name+" analyzer (may repeat)")
	}
	flags.RegisterFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: beginilint [flags] [packages]\n\n"+
			"Reports misuse of Begini API credentials. Exit codes: 0 clean, 3 findings,\n"+
			"1 errors (errors win; findings are still printed).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// TakesValue reports whether the flag called name needs a value, for
// wrappers that must tell a flag's value from a file name.
func TakesValue(name string) bool {
	opts := &options{only: make(map[string]*bool)}
	f := newFlagSet(opts, &model.Config{}).Lookup(name)
	if f == nil {
		return false
	}
	b, isBool := f.Value.(interface{ IsBoolFlag() bool })
	return !isBool || !b.IsBoolFlag()
}

// selected returns the analyzers to run. -enable and the -NAME flags are
// in the configuration's enable list by now, -disable in its disable list.
func (o *options) selected(set analyzers.Set) ([]*analysis.Analyzer, error) {
	return set.Select(o.cfg.Enable, o.cfg.Disable)
}

func splitList(s string) []string {
	var out []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func listAnalyzers(w io.Writer, cfg *model.Config) int {
	for _, a := range analyzers.New(cfg).Analyzers {
		title, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(w, "%-13s %s\n", a.Name, title)
	}
	return ExitClean
}

func run(opts *options, stdout, stderr io.Writer) int {
	opts.cfg.TypedClientConfigs = true // analyse loads the client builds itself
	set := analyzers.New(opts.cfg)
	selected, err := opts.selected(set)
	if err != nil {
		fmt.Fprintf(stderr, "beginilint: %v\n", err)
		return ExitError
	}
	wd := opts.wd
	lc := loadConfig{Dir: wd, Tags: opts.tags, Tests: opts.tests}
	var a *anchors
	if !opts.noPrune {
		an := newAnchors(opts.cfg)
		a = &an
	}
	l, diags, errs, err := analyse(lc, opts.patterns, selected, a)
	if err != nil {
		fmt.Fprintf(stderr, "beginilint: %v\n", err)
		return ExitError
	}
	fs := findings(diags, func(d diagnostic) *token.FileSet { return d.Pkg.Fset }, opts.relTo)
	rep := &report{findings: fs, errs: errs, analyzers: selected, files: analysedFiles(l)}
	return finish(opts, rep, stdout, stderr)
}

func workDir(dir string) (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	if dir == "" {
		return wd, nil
	}
	if !isAbs(dir) {
		dir = wd + string(os.PathSeparator) + dir
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return "", fmt.Errorf("-C %s: not a directory", dir)
	}
	return dir, nil
}

func isAbs(p string) bool { return strings.HasPrefix(p, string(os.PathSeparator)) }

// path resolves a file named on the command line against the working
// directory, as -C promises "change to dir before running".
func (o *options) path(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(o.wd, p)
}

// finish prints findings and errors and picks the exit code: errors win,
// and findings are printed either way.
func finish(opts *options, rep *report, stdout, stderr io.Writer) int {
	rep.errs = redactErrors(rep.errs)
	useBaseline(opts, rep, stderr)
	if opts.fix {
		n, err := applyFixes(rep.findings)
		if err != nil {
			rep.errs = append(rep.errs, err)
		}
		fmt.Fprintf(stderr, "beginilint: applied %d fixes\n", n)
	}
	if err := writeOutput(opts, rep, stdout); err != nil {
		rep.errs = append(rep.errs, fmt.Errorf("writing output: %v", err))
	}
	for _, e := range rep.errs {
		fmt.Fprintf(stderr, "beginilint: %v\n", e)
	}
	switch {
	case len(rep.errs) > 0:
		return ExitError
	case len(rep.findings) > 0:
		return ExitFindings
	}
	return ExitClean
}

// Version is the module version the binary was built from.
func Version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
