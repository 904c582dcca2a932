package driver

import (
	"fmt"
	"go/format"
	"go/token"
	"os"
	"sort"

	"golang.org/x/tools/go/analysis"
)

func resolveFix(fs *token.FileSet, msg string, edits []analysis.TextEdit) Fix {
	fx := Fix{Message: msg}
	for _, e := range edits {
		// Edits go to the file that holds the bytes, whatever a //line directive says.
		start, end := fs.PositionFor(e.Pos, false), fs.PositionFor(e.End, false)
		if !e.End.IsValid() {
			end = start
		}
		fx.Edits = append(fx.Edits, Edit{File: start.Filename, Start: start.Offset, End: end.Offset,
			New: string(e.NewText)})
	}
	return fx
}

// applyFixes applies the first suggested fix of each finding, file by file.
// Edits that overlap one already taken are skipped rather than guessed at;
// a second run picks them up. Files are gofmt'ed after editing.
func applyFixes(fs []Finding) (int, error) {
	byFile := make(map[string][]Edit)
	for _, f := range fs {
		if len(f.Fixes) == 0 {
			continue
		}
		for _, e := range f.Fixes[0].Edits {
			byFile[e.File] = appendUnique(byFile[e.File], e)
		}
	}
	applied := 0
	for _, file := range sortedKeys(byFile) {
		n, err := applyFile(file, byFile[file])
		if err != nil {
			return applied, err
		}
		applied += n
	}
	return applied, nil
}

// appendUnique drops exact duplicates, such as the same import added by two
// fixes in one file.
func appendUnique(list []Edit, e Edit) []Edit {
	for _, x := range list {
		if x == e {
			return list
		}
	}
	return append(list, e)
}

func applyFile(file string, edits []Edit) (int, error) {
	src, err := readRegular(file, maxInputFile)
	if err != nil {
		return 0, fmt.Errorf("applying fixes: %v", err)
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var out []byte
	last, n := 0, 0
	for _, e := range edits {
		if e.Start < last || e.End > len(src) || e.Start > e.End {
			continue // overlaps an edit already applied
		}
		out = append(out, src[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
		n++
	}
	out = append(out, src[last:]...)
	if formatted, err := format.Source(out); err == nil {
		out = formatted
	}
	info, err := os.Stat(file)
	if err != nil {
		return 0, err
	}
	if err := os.WriteFile(file, out, info.Mode().Perm()); err != nil {
		return 0, fmt.Errorf("applying fixes: %v", err)
	}
	return n, nil
}
