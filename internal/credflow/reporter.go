package credflow

import "golang.org/x/tools/go/analysis"

// Reporter returns the analyzer called name that reports what diagnose makes
// of the engine's flows for a package, and the suppression directives that
// name it. Every analyzer of a set requires the same engine, so a package is
// analysed once however many of them run. Diagnostics without a URL get url.
func Reporter(name, doc, url string, engine *analysis.Analyzer,
	diagnose func(pass *analysis.Pass, flows []Flow) []analysis.Diagnostic) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     name,
		Doc:      doc,
		URL:      url,
		Requires: []*analysis.Analyzer{engine},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[engine].(*Result)
			for _, d := range diagnose(pass, res.Flows) {
				if d.URL == "" {
					d.URL = url
				}
				pass.Report(d)
			}
			ReportDirectives(pass, res, url)
			return nil, nil
		},
	}
}
