package analyzers_test

import (
	"os"
	"strings"
	"testing"

	"github.com/beginilint/beginilint/analyzers"
	"github.com/beginilint/beginilint/internal/model"
)

// The README's analyzer table is written from the analyzers' docs; this
// test fails when one changes without the other.
func TestReadmeAnalyzers(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	begin := strings.Index(readme, "<!-- analyzers:begin")
	end := strings.Index(readme, "<!-- analyzers:end -->")
	if begin < 0 || end < begin {
		t.Fatal("README.md has no analyzers table markers")
	}
	table := readme[begin:end]
	var want []string
	for _, a := range analyzers.New(model.Default()).Analyzers {
		title, _, _ := strings.Cut(a.Doc, "\n")
		row := "| [" + a.Name + "](#" + a.Name + ") | " + title + " |"
		want = append(want, row)
		if !strings.Contains(table, row) {
			t.Errorf("README table lacks the row %q", row)
		}
		if !strings.Contains(readme, "\n### "+a.Name+"\n") {
			t.Errorf("README has no section for %s", a.Name)
		}
	}
	if rows := strings.Count(table, "\n| ["); rows != len(want) {
		t.Errorf("README table has %d analyzer rows, want %d", rows, len(want))
	}
}
