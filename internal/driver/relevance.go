package driver

import (
	"golang.org/x/tools/go/packages"

	"github.com/beginilint/beginilint/internal/model"
)

// Most packages of a module never touch a Begini credential, and walking
// them is most of the engine's cost on a large module. A finding needs a
// key or integration ID, and every source of one is spelled out somewhere
// in the source: a Begini word in a name, a configured env var name, a
// Begini host, an integration_id field, a beginilint directive. So a
// package can hold a finding only if its own files mention one of those
// anchors or it imports, directly or not, a package that does.
//
// Those packages are analysed, and so is every package they import, whose
// summaries say where an argument goes (a logging wrapper that never names
// Begini still carries the key to the log). The rest are loaded and
// type-checked, so their errors are still reported, but not walked. Under
// go vet and golangci-lint there is no import graph to look at; the engine
// skips only test builds there (see credflow.RelevantFact).

// anchors are the lower-case spellings whose presence makes a package
// relevant, plus packages named by configured webhook handlers.
type anchors struct {
	words    [][]byte
	hookPkgs map[string]bool
}

func newAnchors(cfg *model.Config) anchors {
	a := anchors{words: cfg.Anchors(), hookPkgs: make(map[string]bool)}
	for _, h := range cfg.WebhookHandlers {
		if ref, err := model.ParseFuncRef(h); err == nil {
			a.hookPkgs[ref.Pkg] = true
		}
	}
	return a
}

// mentionedBy reports whether a package's Go files or embedded files
// contain an anchor. A file that cannot be read counts as a mention: the
// package is then analysed as if there were no filter.
func (a anchors) mentionedBy(p *packages.Package) bool {
	if a.hookPkgs[p.PkgPath] {
		return true
	}
	files := append(append([]string{}, p.GoFiles...), p.EmbedFiles...)
	for _, name := range files {
		src, err := readRegular(name, maxInputFile)
		if err != nil || a.in(src) {
			return true
		}
	}
	return false
}

func (a anchors) in(src []byte) bool { return model.MentionsAnchor(src, a.words) }

// relevant returns the packages of order (dependencies first) that can
// hold a finding or whose summaries such a package needs.
func relevant(order []*packages.Package, a anchors) map[*packages.Package]bool {
	inSet := make(map[*packages.Package]bool, len(order))
	for _, p := range order {
		inSet[p] = true
	}
	// reach: mentions an anchor, or imports a package that does.
	reach := make(map[*packages.Package]bool)
	for _, p := range order {
		if a.mentionedBy(p) {
			reach[p] = true
			continue
		}
		for _, imp := range p.Imports {
			if reach[imp] {
				reach[p] = true
				break
			}
		}
	}
	out := make(map[*packages.Package]bool)
	var need func(p *packages.Package)
	need = func(p *packages.Package) {
		if out[p] || !inSet[p] {
			return
		}
		out[p] = true
		for _, imp := range p.Imports {
			need(imp)
		}
	}
	for p := range reach {
		need(p)
	}
	return out
}
