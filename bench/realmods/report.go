package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"
)

// results is the JSON document written to -out.
type results struct {
	Meta    meta         `json:"meta"`
	Modules []*modResult `json:"modules"`
}

type meta struct {
	Date          string   `json:"date"`
	GoVersion     string   `json:"go_version"`
	Gosec         string   `json:"gosec_version"`
	Beginilint    string   `json:"beginilint,omitempty"`
	BeginilintErr string   `json:"beginilint_error,omitempty"`
	Reps          int      `json:"reps"`
	Modes         []string `json:"modes"`
	Tools         []string `json:"tools"`
	CPUs          int      `json:"cpus"`
	SampleMS      int64    `json:"tree_rss_sample_ms"`
	Notes         []string `json:"notes"`
}

var notes = []string{
	"wall_s and RSS values are medians over the runs; each tool runs on ./... " +
		"of the module, tests included",
	"max_rss_kb: wait4 ru_maxrss of the top process, which includes waited-for " +
		"descendants as a maximum, not a sum: the largest single process",
	"tree_rss_kb: largest sum of VmRSS over the process tree, polled from /proc; " +
		"an estimate that can miss short-lived children",
	"warm: shared GOCACHE after one unmeasured run of every tool; vetcold: fresh " +
		"copy of a GOCACHE with all export data but no vet results; fullcold: empty " +
		"GOCACHE",
	"gosec, beginilint and loadonly keep no results in GOCACHE, so for them " +
		"warm and vetcold differ only by noise",
}

func newResults(cfg *config, e *benchEnv) *results {
	return &results{Meta: meta{
		Date:          time.Now().UTC().Format(time.RFC3339),
		GoVersion:     e.goVersion,
		Gosec:         cfg.gosecVer,
		Beginilint:    e.beginilint,
		BeginilintErr: e.beginilintErr,
		Reps:          cfg.reps,
		Modes:         cfg.modes,
		Tools:         cfg.tools,
		CPUs:          runtime.NumCPU(),
		SampleMS:      cfg.sample.Milliseconds(),
		Notes:         notes,
	}}
}

func (r *results) write(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// mergeFrom starts from the modules of an earlier results file, so that a
// module can be re-run (say with other -n) without running the rest.
func (r *results) mergeFrom(path string) error {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	var old results
	if err := json.Unmarshal(data, &old); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, m := range old.Modules {
		if len(m.Modes) == 0 { // written before modules recorded their own
			m.Modes, m.Reps = old.Meta.Modes, old.Meta.Reps
		}
		m.Ratios = computeRatios(m) // as this version computes them
	}
	r.Modules = old.Modules
	return nil
}

// put adds m, replacing an earlier result for the same module name.
func (r *results) put(m *modResult) {
	for i, old := range r.Modules {
		if old.Name == m.Name {
			r.Modules[i] = m
			return
		}
	}
	r.Modules = append(r.Modules, m)
}

// reprint prints the table and findings of a results file written earlier.
func reprint(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var res results
	if err := json.Unmarshal(data, &res); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, m := range res.Modules {
		m.Ratios = computeRatios(m) // files from older harness versions
	}
	printTable(os.Stdout, &res)
	printFindings(os.Stdout, &res)
	return nil
}

// ratios compares median wall times within one cache mode; a ratio is 0 when
// either side is missing. Runs that failed still count (see erred).
type ratios struct {
	BeginilintOverGosec    float64 `json:"beginilint_over_gosec"`
	VettoolOverVet         float64 `json:"vettool_over_vet"`
	BeginilintOverLoadonly float64 `json:"beginilint_over_loadonly"`
	BeginilintMSPerKLine   float64 `json:"beginilint_ms_per_1k_lines"`
	VettoolMSPerKLine      float64 `json:"vettool_ms_per_1k_lines"`
}

func computeRatios(r *modResult) map[string]ratios {
	out := map[string]ratios{}
	for mode, tools := range r.Results {
		wall := func(t string) float64 {
			tr := tools[t]
			if tr == nil || len(tr.Runs) == 0 {
				return 0
			}
			return tr.Median.WallSec
		}
		out[mode] = ratios{
			BeginilintOverGosec:    div(wall(toolBeginilint), wall(toolGosec)),
			VettoolOverVet:         div(wall(toolVettool), wall(toolVet)),
			BeginilintOverLoadonly: div(wall(toolBeginilint), wall(toolLoadonly)),
			BeginilintMSPerKLine:   perKLine(wall(toolBeginilint), r.Lines.Lines),
			VettoolMSPerKLine:      perKLine(wall(toolVettool), r.Lines.Lines),
		}
	}
	return out
}

func div(a, b float64) float64 {
	if a == 0 || b == 0 {
		return 0
	}
	return a / b
}

func perKLine(sec float64, lines int) float64 {
	if lines == 0 {
		return 0
	}
	return sec * 1000 / (float64(lines) / 1000)
}

// printTable prints one row per module and cache mode. A tool cell is
// "wall s / largest process MB / process tree MB".
func printTable(w io.Writer, res *results) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{"module", "mode x runs", "pkgs", "Go lines"}
	for _, t := range res.Meta.Tools {
		head = append(head, t)
	}
	head = append(head, "bl/gosec", "mem", "vt/vet", "bl/load", "bl ms/kL", "vt ms/kL",
		"bl finds", "load")
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, m := range res.Modules {
		for _, row := range tableRows(res.Meta, m) {
			fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
		}
	}
	tw.Flush()
	fmt.Fprintln(w, "cell: median wall s / largest process RSS MB / sampled tree RSS MB;"+
		" bl = beginilint, vt = go vet -vettool=beginilint; ratios of median wall time,"+
		" mem: of median sampled tree RSS (beginilint/gosec);"+
		" !: a tool in the ratio failed (see errors);"+
		" load: median 1-min load average at run start (2 cores)")
}

func tableRows(mt meta, m *modResult) [][]string {
	if m.SetupErr != "" {
		return [][]string{{m.Name, "setup failed: " + firstLines(m.SetupErr, 1)}}
	}
	var rows [][]string
	for _, mode := range modesOf(mt, m) {
		reps := m.Reps
		if reps == 0 {
			reps = mt.Reps
		}
		row := []string{m.Name, fmt.Sprintf("%s x%d", mode, reps), fmt.Sprint(m.Packages),
			fmt.Sprint(m.Lines.Lines)}
		for _, t := range mt.Tools {
			row = append(row, cell(m.Results[mode][t]))
		}
		q, tr := m.Ratios[mode], m.Results[mode]
		bl, vt := erred(tr, toolBeginilint), erred(tr, toolVettool)
		row = append(row,
			ratio(q.BeginilintOverGosec, bl || erred(tr, toolGosec)),
			ratio(memRatio(tr[toolBeginilint], tr[toolGosec]), bl || erred(tr, toolGosec)),
			ratio(q.VettoolOverVet, vt || erred(tr, toolVet)),
			ratio(q.BeginilintOverLoadonly, bl || erred(tr, toolLoadonly)),
			num(q.BeginilintMSPerKLine, bl), num(q.VettoolMSPerKLine, vt),
			findings(tr[toolBeginilint]),
			fmt.Sprintf("%.1f", medianLoad(m.Results[mode])))
		rows = append(rows, row)
	}
	return rows
}

// memRatio divides beginilint's median sampled tree RSS by gosec's: what
// each needs of the machine, its go list children included.
func memRatio(bl, gosec *toolResult) float64 {
	if bl == nil || gosec == nil || len(bl.Runs) == 0 || len(gosec.Runs) == 0 ||
		gosec.Median.TreeRSSKB == 0 {
		return 0
	}
	return float64(bl.Median.TreeRSSKB) / float64(gosec.Median.TreeRSSKB)
}

// modesOf is the cache modes a module was run in: with -merge, modules of
// one results file may come from runs with different -modes.
func modesOf(mt meta, m *modResult) []string {
	if len(m.Modes) > 0 {
		return m.Modes
	}
	return mt.Modes
}

// medianLoad is the median 1-minute load average at the start of the runs.
func medianLoad(tools map[string]*toolResult) float64 {
	var loads []float64
	for _, tr := range tools {
		for _, r := range tr.Runs {
			loads = append(loads, r.Load1)
		}
	}
	if len(loads) == 0 {
		return 0
	}
	return median(loads)
}

func cell(tr *toolResult) string {
	switch {
	case tr == nil || tr.Unavailable != "":
		return "n/a"
	case len(tr.Runs) == 0:
		return "-"
	}
	s := fmt.Sprintf("%.2fs/%d/%dM", tr.Median.WallSec, tr.Median.MaxRSSKB>>10,
		tr.Median.TreeRSSKB>>10)
	if len(tr.Errors) > 0 {
		s += " ERR"
	}
	return s
}

// erred reports whether any run of the tool failed. Ratios are still given
// for such tools, marked "!", since a crash in one package rarely changes
// the time much; the errors are listed under the table.
func erred(tools map[string]*toolResult, tool string) bool {
	tr := tools[tool]
	return tr != nil && len(tr.Errors) > 0
}

func ratio(x float64, failed bool) string {
	return mark(x, "%.2f", failed)
}

func num(x float64, failed bool) string {
	return mark(x, "%.1f", failed)
}

func mark(x float64, format string, failed bool) string {
	if x == 0 {
		return "n/a"
	}
	s := fmt.Sprintf(format, x)
	if failed {
		s += "!"
	}
	return s
}

func findings(tr *toolResult) string {
	if tr == nil || tr.Unavailable != "" || len(tr.Runs) == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%d (exit %d)", tr.Findings, tr.Median.Exit)
}

// printFindings lists beginilint's findings and every tool error, the things
// someone has to act on.
func printFindings(w io.Writer, res *results) {
	if res.Meta.BeginilintErr != "" {
		fmt.Fprintf(w, "\nbeginilint n/a: %s\n", firstLines(res.Meta.BeginilintErr, 3))
	}
	for _, m := range res.Modules {
		for _, l := range m.BeginilintFindings {
			fmt.Fprintf(w, "finding %s: %s\n", m.Name, l)
		}
		for _, mode := range modesOf(res.Meta, m) {
			for _, t := range res.Meta.Tools {
				if tr := m.Results[mode][t]; tr != nil && len(tr.Errors) > 0 {
					fmt.Fprintf(w, "error %s %s %s: %s\n", m.Name, mode, t, tr.Errors[0])
				}
			}
		}
	}
}
