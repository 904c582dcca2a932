package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// sweepTotals adds up a sweep.
type sweepTotals struct {
	Modules     int     `json:"modules"`
	SetupFailed int     `json:"setup_failed"`
	Packages    int     `json:"packages"`
	CgoPackages int     `json:"cgo_packages"`
	Lines       int     `json:"lines"`
	RunSec      float64 `json:"beginilint_s"` // beginilint's own wall time, summed
	Crashes     int     `json:"crashes"`
	Internal    int     `json:"internal_errors"`
	Errors      int     `json:"errors"`
	EnvNotes    int     `json:"env_notes"`
	Findings    int     `json:"findings"`
	Failed      int     `json:"failed_modules"` // setup failed, or anything but env notes
}

func totalize(mods []*sweepResult) sweepTotals {
	var t sweepTotals
	for _, r := range mods {
		t.Modules++
		if r.SetupErr != "" {
			t.SetupFailed++
			t.Failed++
			continue
		}
		t.Packages += r.Packages
		t.CgoPackages += r.CgoPackages
		t.Lines += r.Lines.Lines
		t.RunSec += r.Run.WallSec
		t.Crashes += len(r.Crashes)
		t.Internal += len(r.Internal)
		t.Errors += len(r.Errors)
		t.EnvNotes += len(r.EnvNotes)
		t.Findings += len(r.Findings)
		if r.failed() {
			t.Failed++
		}
	}
	return t
}

// printSweep prints one row per module, the totals, and then every message
// that needs a look, with the log it came from.
func printSweep(w io.Writer, d *sweepDoc) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "module\tkind\tpkgs\tcgo\tGo lines\twall s\tRSS MB\t"+
		"crash\tinternal\terrors\tenv\tfinds\t")
	for _, r := range d.Modules {
		fmt.Fprintln(tw, strings.Join(sweepRow(r), "\t")+"\t")
	}
	t := d.Totals
	fmt.Fprintf(tw, "TOTAL %d modules\t\t%d\t%d\t%d\t%.0f\t\t%d\t%d\t%d\t%d\t%d\t\n",
		t.Modules, t.Packages, t.CgoPackages, t.Lines, t.RunSec, t.Crashes, t.Internal,
		t.Errors, t.EnvNotes, t.Findings)
	tw.Flush()
	fmt.Fprintf(w, "sweep wall time %.0fs (setup included); %d modules failed, "+
		"%d could not be set up\n", d.WallSec, t.Failed, t.SetupFailed)
	for _, r := range d.Modules {
		printSweepDetails(w, r)
	}
}

func sweepRow(r *sweepResult) []string {
	if r.SetupErr != "" {
		return []string{r.Name, r.Kind, "setup failed: " + firstLines(r.SetupErr, 1)}
	}
	return []string{r.Name, r.Kind, fmt.Sprint(r.Packages), fmt.Sprint(r.CgoPackages),
		fmt.Sprint(r.Lines.Lines), fmt.Sprintf("%.1f", r.Run.WallSec),
		fmt.Sprint(r.Run.MaxRSSKB >> 10), fmt.Sprint(len(r.Crashes)),
		fmt.Sprint(len(r.Internal)), fmt.Sprint(len(r.Errors)), fmt.Sprint(len(r.EnvNotes)),
		fmt.Sprint(len(r.Findings))}
}

func printSweepDetails(w io.Writer, r *sweepResult) {
	if r.SetupErr != "" {
		fmt.Fprintf(w, "\n%s: setup failed: %s\n", r.Name, firstLines(r.SetupErr, 5))
		return
	}
	groups := []struct {
		label string
		msgs  []string
	}{
		{"CRASH", r.Crashes}, {"INTERNAL", r.Internal}, {"ERROR", r.Errors},
		{"FINDING", r.Findings}, {"env", r.EnvNotes},
	}
	head := false
	for _, g := range groups {
		for _, m := range g.msgs {
			if !head {
				fmt.Fprintf(w, "\n%s (%s@%s, log %s.err):\n", r.Name, r.Path,
					r.Version, r.Log)
				head = true
			}
			fmt.Fprintf(w, "  %s %s\n", g.label, strings.ReplaceAll(m, "\n", "\n      "))
		}
	}
}
