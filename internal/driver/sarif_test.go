package driver

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/go/analysis"
)

// validateSARIF checks a log against the vendored SARIF 2.1.0 schema,
// formats included.
func validateSARIF(t *testing.T, log []byte) {
	t.Helper()
	if err := sarifSchemaError(t, log); err != nil {
		t.Errorf("SARIF log does not match the 2.1.0 schema: %v", err)
	}
}

func sarifSchemaError(t *testing.T, log []byte) error {
	t.Helper()
	f, err := os.Open("../../testdata/sarif/sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schema, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-2.1.0.json", schema); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// The schema check is not vacuous: it rejects what SARIF forbids.
func TestSARIFSchemaRejects(t *testing.T) {
	for _, bad := range []string{
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
			"results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": ` +
			`{"name": "x", "informationUri": "no uri"}}}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "extra": 1}]}`,
	} {
		if sarifSchemaError(t, []byte(bad)) == nil {
			t.Errorf("schema accepted %s", bad)
		}
	}
}

var testAnalyzers = []*analysis.Analyzer{
	{Name: "first", Doc: "one line only", URL: "https://example.com/#first"},
	{Name: "second", Doc: "title\n\nbody line one\nbody line two", URL: "https://example.com/#second"},
}

// testReport holds findings in a file with a non-ASCII line, a path that
// needs escaping, a file outside the working directory and an error.
func testReport(t *testing.T) (*report, string) {
	t.Helper()
	dir := t.TempDir()
	src := "package p\n\nvar s = \"é\" + key\n"
	name := filepath.Join(dir, "a dir", "p.go")
	writeTestFile(t, dir, "a dir/p.go", src)
	col := strings.Index(src, "key") - strings.Index(src, "var") + 1 // byte column
	posn := token.Position{Filename: name, Line: 3, Column: col, Offset: strings.Index(src, "key")}
	end := posn
	end.Column, end.Offset = col+3, posn.Offset+3
	return &report{
		analyzers: testAnalyzers,
		findings: []Finding{
			{Analyzer: "second", Path: "a dir/p.go", Posn: posn, End: end, Message: "key: used",
				Category: "kind", Fingerprint: Fingerprint{Hash: "abc"},
				Related: []Related{{Path: "a dir/p.go", Posn: posn, Message: "the source"}}},
			{Analyzer: "first", Path: "/elsewhere/q.go",
				Posn: token.Position{Filename: "/elsewhere/q.go", Line: 1,
					Column: 1}, Message: "m",
				Fingerprint: Fingerprint{Hash: "def"}},
		},
		errs: []error{errors.New("example.com/broken: does not type-check")},
	}, dir
}

func TestSARIF(t *testing.T) {
	rep, _ := testReport(t)
	var buf bytes.Buffer
	if err := writeSARIF(&buf, rep); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, buf.Bytes())
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if r := run.Tool.Driver.Rules[1]; r.ShortDescription.Text != "title" ||
		r.FullDescription.Text != "body line one\nbody line two" ||
		r.HelpURI != "https://example.com/#second" {
		t.Errorf("rule = %+v", r)
	}
	res := run.Results[0]
	loc := res.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "a%20dir/p.go" || loc.ArtifactLocation.URIBaseID != srcRoot {
		t.Errorf("artifact = %+v, want an escaped path under %s", loc.ArtifactLocation, srcRoot)
	}
	// "é" is two bytes but one UTF-16 unit: the column moves left by one.
	want := rep.findings[0].Posn.Column - 1
	if loc.Region.StartColumn != want || loc.Region.EndColumn != want+3 {
		t.Errorf("region = %+v, want columns %d..%d", loc.Region, want, want+3)
	}
	if res.RuleIndex != 1 || res.PartialFingerprints[sarifFingerprintKey] != "abc" ||
		len(res.RelatedLocations) != 1 || res.Properties.Category != "kind" {
		t.Errorf("result = %+v", res)
	}
	uri := run.Results[1].Locations[0].PhysicalLocation.ArtifactLocation
	if uri.URI != "file:///elsewhere/q.go" || uri.URIBaseID != "" {
		t.Errorf("outside the working directory: %+v, want a file URI without base", uri)
	}
	if inv := run.Invocations[0]; inv.ExecutionSuccessful || len(inv.Notifications) != 1 {
		t.Errorf("invocation = %+v, want a failure with one notification", inv)
	}
}

func TestSARIFEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := writeSARIF(&buf, &report{analyzers: testAnalyzers}); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, buf.Bytes())
	if !strings.Contains(buf.String(), `"results": []`) {
		t.Errorf("an empty run must list no results, not omit them:\n%s", buf.String())
	}
}

func TestGitHubEscaping(t *testing.T) {
	rep := &report{
		findings: []Finding{{Analyzer: "a", Path: "dir,x/p:q%.go",
			Posn: token.Position{Line: 3, Column: 4}, Message: "100% bad\r\nreally: yes, bad",
			Related: []Related{{Path: "s.go", Posn: token.Position{Line: 1,
				Column: 2}, Message: "src"}}}},
		errs: []error{errors.New("pkg: broken\nsecond line")},
	}
	var buf bytes.Buffer
	if err := writeGitHub(&buf, rep); err != nil {
		t.Fatal(err)
	}
	want := "::error file=dir%2Cx/p%3Aq%25.go,line=3,col=4,title=beginilint a::" +
		"100%25 bad%0D%0Areally: yes, bad%0As.go:1:2: src\n" +
		"::error title=beginilint::pkg: broken%0Asecond line\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
