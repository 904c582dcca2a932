package driver

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beginilint/beginilint/analyzers"
	"github.com/beginilint/beginilint/internal/model"
)

// BenchmarkEngine times every analyzer on generated modules of growing
// size, loading excluded, so that a change that makes the engine grow
// faster than the code shows in go test -bench. ns/line should stay flat
// from the smallest module to the largest.
//
//	go test ./internal/driver -run '^$' -bench Engine -benchtime 3x
func BenchmarkEngine(b *testing.B) {
	for _, lines := range []int{2_000, 20_000, 100_000} {
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			dir := b.TempDir()
			n := writeServiceModule(b, dir, lines)
			l, err := load(loadConfig{Dir: dir, Tests: true}, []string{"./..."})
			if err != nil {
				b.Fatal(err)
			}
			selected := analyzers.New(model.Default()).Analyzers
			for b.Loop() {
				r := newRunner(selected)
				r.run(l.source, l.roots, nil)
				if len(r.errs) > 0 {
					b.Fatal(r.errs[0])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/line")
		})
	}
}

// writeServiceModule writes a module of about lines lines that looks like
// an integration: a config package holding the key, and service packages
// whose handlers read it, pass it through helpers, build requests, log
// other values, and call each other across packages. It returns the lines
// written.
func writeServiceModule(tb testing.TB, dir string, lines int) int {
	tb.Helper()
	write := func(name, src string) int {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			tb.Fatal(err)
		}
		return strings.Count(src, "\n")
	}
	total := write("go.mod", "module example.com/svc\n\ngo 1.26\n")
	total += write("config/config.go", `package config

import "os"

type Begini struct {
	APIKey        string
	IntegrationID string
	BaseURL       string
}

func Load() Begini {
	return Begini{
		APIKey:        os.Getenv("BEGINI_API_KEY"),
		IntegrationID: os.Getenv("BEGINI_INTEGRATION_ID"),
		BaseURL:       "https://api.begini.co",
	}
}
`)
	const perPkg = 2_000
	for p := 0; total < lines; p++ {
		var b strings.Builder
		fmt.Fprintf(&b, "package svc%d\n\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"net/http\"\n"+
			"\t\"strings\"\n\n\t\"example.com/svc/config\"\n", p)
		if p > 0 {
			fmt.Fprintf(&b, "\tprev \"example.com/svc/svc%d\"\n", p-1)
		}
		b.WriteString(")\n\n")
		for f := 0; b.Len() < perPkg*30 && strings.Count(b.String(), "\n") < perPkg; f++ {
			writeServiceFunc(&b, p, f)
		}
		total += write(fmt.Sprintf("svc%d/svc.go", p), b.String())
	}
	return total
}

func writeServiceFunc(b *strings.Builder, p, f int) {
	fmt.Fprintf(b, `func header%[2]d(cfg config.Begini) string {
	return "Bearer " + strings.TrimSpace(cfg.APIKey)
}

func Score%[2]d(cfg config.Begini, applicant string, amount int) (int, error) {
	req, err := http.NewRequest("POST", cfg.BaseURL+"/v1/score/%[2]d", nil)
	if err != nil {
		return 0, fmt.Errorf("request %%d: %%w", amount, err)
	}
	req.Header.Set("Authorization", header%[2]d(cfg))
	req.Header.Set("X-Integration-ID", cfg.IntegrationID)
	log.Printf("scoring %%s for %%d via %%s", applicant, amount, cfg.BaseURL)
	for i := 0; i < amount%%7; i++ {
		applicant = strings.ToUpper(applicant) + fmt.Sprint(i)
	}
	if len(applicant) > 40 {
		return len(applicant), nil
	}
	return amount * 2, nil
}

`, p, f)
	if p > 0 && f == 0 {
		fmt.Fprintf(b,
			"func Chain%d(cfg config.Begini) (int, error) {\n"+
				"\treturn prev.Score0(cfg, \"x\", 3)\n}\n\n", p)
	}
}
