package credflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// The Begini guides allow HTTPS only: a request sent over plain HTTP, or over
// TLS whose certificate nobody checks, hands the api-key header to anyone on
// the path. What is wrong here is the transport, whatever it carries, so these
// checks run on their own after the credential walks instead of following
// taints.

const (
	// PlainURL: a Begini API URL with the http:// scheme.
	PlainURL FlowKind = iota + 50
	// InsecureTLS: a client used for Begini calls that does not verify the
	// server's certificate.
	InsecureTLS
)

// How a plain-HTTP URL came about, in Flow.Sink, for the diagnostic's
// category.
const (
	URLLiteral = "literal" // written out whole in one literal
	URLBuilt   = "built"   // assembled by concatenation, fmt.Sprintf or url.URL
	URLTag     = "tag"     // the default in a struct tag
)

// unknownPart stands for a part of a URL the code does not show, such as a
// path read at run time.
const unknownPart = "\uFFFD"

// maxValues bounds the strings one expression is resolved to.
const maxValues = 8

// A plainHTTP check runs over one package.
type plainHTTP struct {
	s  *state
	in *inspector.Inspector
	// stored holds the expressions assigned to each variable and field, so
	// that a URL assembled from parts can be resolved. Like the engine's
	// walks it is flow-insensitive: a variable may hold any of them.
	stored map[types.Object][]ast.Expr
	// urlHosts holds, for each url.URL variable, the expressions its host
	// comes from: its Host field, or the URL it was parsed from.
	urlHosts map[types.Object][]ast.Expr
	memo     map[*types.Var][]string       // varValues, once computed
	decls    map[*types.Func]*ast.FuncDecl // for callbacks named by their function
}

// checkPlainHTTP reports Begini URLs with the http:// scheme and clients
// for Begini that do not verify certificates.
func (s *state) checkPlainHTTP() {
	p := &plainHTTP{
		s:        s,
		in:       inspector.New(s.pass.Files),
		stored:   make(map[types.Object][]ast.Expr),
		urlHosts: make(map[types.Object][]ast.Expr),
		memo:     make(map[*types.Var][]string),
	}
	p.collectStores()
	p.checkURLs()
	p.checkTLS()
}

// plainBegini reports whether u is an http:// URL on a Begini host.
func (p *plainHTTP) plainBegini(u string) bool {
	rest, ok := cutPrefixFold(strings.TrimSpace(u), "http://")
	return ok && p.beginiHost(hostPart(rest))
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// hostPart returns the host and port of what follows a URL's scheme.
func hostPart(rest string) string {
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndex(rest, "@"); i >= 0 {
		rest = rest[i+1:]
	}
	return rest
}

// beginiHost reports whether a host is Begini's. A host with a part the code
// does not show counts when the known part already is a Begini host (a port
// follows) or the unknown part is a subdomain of one
// ("http://" + region + ".begini.co").
func (p *plainHTTP) beginiHost(host string) bool {
	before, _, unknown := strings.Cut(host, unknownPart)
	if !unknown {
		return host != "" && p.s.cfg.IsBeginiURL(host)
	}
	after := host[strings.LastIndex(host, unknownPart)+len(unknownPart):]
	return before != "" && p.s.cfg.IsBeginiURL(before) ||
		strings.HasPrefix(after, ".") && p.s.cfg.IsBeginiURL("x"+after)
}

// urlHost returns the host of a URL or of a bare host.
func urlHost(v string) string {
	if _, rest, ok := strings.Cut(v, "://"); ok {
		return hostPart(rest)
	}
	return hostPart(v)
}

// hasPort reports whether a URL names its port, which a switch to https
// would leave pointing at the plain-HTTP port.
func hasPort(u string) bool {
	return strings.Contains(urlHost(u), ":")
}

// checkURLs reports plain-HTTP Begini URLs outside _test.go files, where
// tests feed bad URLs to validation on purpose.
func (p *plainHTTP) checkURLs() {
	kinds := []ast.Node{(*ast.BasicLit)(nil), (*ast.BinaryExpr)(nil), (*ast.CallExpr)(nil),
		(*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)}
	for c := range p.in.Root().Preorder(kinds...) {
		if p.s.inTestFile(c.Node().Pos()) {
			continue
		}
		switch n := c.Node().(type) {
		case *ast.BasicLit:
			if c.ParentEdgeKind() == edge.Field_Tag {
				p.tagURLs(n)
			} else {
				p.literalURL(c, n)
			}
		case *ast.BinaryExpr:
			p.concatURL(c, n)
		case *ast.CallExpr:
			p.sprintfURL(n)
		case *ast.CompositeLit:
			p.structURL(n)
		case *ast.AssignStmt:
			p.schemeAssign(n)
		}
	}
}

// literalURL reports a literal that is a plain-HTTP Begini URL: in a
// constant, a variable, a flag default, an env fallback, anywhere.
func (p *plainHTTP) literalURL(c inspector.Cursor, lit *ast.BasicLit) {
	if lit.Kind != token.STRING {
		return
	}
	v, err := strconv.Unquote(lit.Value)
	if err != nil || !p.plainBegini(v) || p.comparedOrSearched(c) {
		return
	}
	fl := Flow{Kind: PlainURL, Pos: lit.Pos(), End: lit.End(), Sink: URLLiteral,
		Role: p.literalRole(c)}
	if _, ok := cutPrefixFold(lit.Value[1:], "http://"); ok && !hasPort(v) {
		fl.Fix = lit
	}
	p.s.addFlow(fl)
}

// comparedOrSearched reports whether a literal is only compared with, or
// looked for in, another string: code that rejects or rewrites a plain-HTTP
// URL is the cure, not the disease.
func (p *plainHTTP) comparedOrSearched(c inspector.Cursor) bool {
	parent := c.Parent().Node()
	switch n := parent.(type) {
	case *ast.BinaryExpr:
		return n.Op == token.EQL || n.Op == token.NEQ
	case *ast.CaseClause:
		return true
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(p.s.info, n).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return false
		}
		path := fn.Pkg().Path()
		return path == "strings" || path == "bytes" || path == "regexp"
	}
	return false
}

// literalRole names where a URL literal stands, for the message.
func (p *plainHTTP) literalRole(c inspector.Cursor) string {
	switch n := c.Parent().Node().(type) {
	case *ast.ValueSpec:
		if i := c.ParentEdgeIndex(); i < len(n.Names) && p.s.info.Defs[n.Names[i]] != nil {
			return describeObj(p.s.info.Defs[n.Names[i]])
		}
	case *ast.KeyValueExpr:
		if id, ok := n.Key.(*ast.Ident); ok {
			if v, ok := p.s.info.ObjectOf(id).(*types.Var); ok && v.IsField() {
				return "field " + id.Name
			}
		}
	case *ast.CallExpr:
		return p.argRole(n, c.ParentEdgeIndex())
	}
	return "literal"
}

func (p *plainHTTP) argRole(call *ast.CallExpr, i int) string {
	if d, ok := p.flagDefiner(call); ok && i == d.Default {
		if name, err := strconv.Unquote(litText(call.Args[d.Name])); err == nil {
			return "default of flag -" + name
		}
		return "flag default"
	}
	if fn, ok := typeutil.Callee(p.s.info, call).(*types.Func); ok && fn.Pkg() != nil &&
		fn.Pkg().Path() == "cmp" && fn.Name() == "Or" && i > 0 {
		return "cmp.Or fallback"
	}
	return "literal"
}

func litText(e ast.Expr) string {
	if lit, ok := e.(*ast.BasicLit); ok {
		return lit.Value
	}
	return ""
}

// tagURLs reports a plain-HTTP Begini URL as a default in a struct tag,
// such as envDefault:"http://api.begini.co", at the URL inside the tag.
func (p *plainHTTP) tagURLs(tag *ast.BasicLit) {
	lower := strings.ToLower(tag.Value)
	for off := 0; ; {
		i := strings.Index(lower[off:], `:"http://`)
		if i < 0 {
			return
		}
		start := off + i + 2
		end := strings.IndexByte(lower[start:], '"')
		if end < 0 {
			return
		}
		u := tag.Value[start : start+end]
		key := tagKey(tag.Value[:off+i])
		if p.plainBegini(u) && strings.Contains(strings.ToLower(key), "default") {
			fl := Flow{Kind: PlainURL, Pos: tag.Pos() + token.Pos(start),
				End: tag.Pos() + token.Pos(start+end), Sink: URLTag, Role: "tag " + key}
			if tag.Value[0] == '`' && !hasPort(u) {
				fl.Fix = tag
			}
			p.s.addFlow(fl)
		}
		off = start + end
	}
}

// tagKey returns the tag key that ends s: `env:"X" envDefault` gives
// envDefault.
func tagKey(s string) string {
	return s[strings.LastIndexAny(s, " `\"")+1:]
}

// reportBuilt reports a plain-HTTP Begini URL assembled from parts, unless
// one part already is such a URL: that part is reported where it is written.
// The finding is at the part that holds "http://", the one to change.
func (p *plainHTTP) reportBuilt(whole ast.Expr, parts []ast.Expr) {
	var scheme ast.Expr
	for _, part := range parts {
		vs := p.values(part)
		for _, v := range vs {
			if p.plainBegini(v) {
				return
			}
		}
		if scheme == nil && hasPlainScheme(vs) {
			scheme = part
		}
	}
	vs := p.values(whole)
	plain := false
	for _, v := range vs {
		plain = plain || p.plainBegini(v)
	}
	if !plain {
		return
	}
	fl := Flow{Kind: PlainURL, Pos: whole.Pos(), End: whole.End(), Sink: URLBuilt,
		Role: describeBuilt(whole)}
	if lit, ok := scheme.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		fl.Pos, fl.End = lit.Pos(), lit.End()
		if _, ok := cutPrefixFold(lit.Value[1:], "http://"); ok && !anyPort(vs) {
			fl.Fix = lit
		}
	}
	p.s.addFlow(fl)
}

func hasPlainScheme(vs []string) bool {
	for _, v := range vs {
		if _, ok := cutPrefixFold(v, "http://"); ok {
			return true
		}
	}
	return false
}

func anyPort(vs []string) bool {
	for _, v := range vs {
		if hasPort(v) {
			return true
		}
	}
	return false
}

func describeBuilt(e ast.Expr) string {
	if _, ok := e.(*ast.CallExpr); ok {
		return "fmt.Sprintf"
	}
	return "concatenation"
}

// concatURL checks the outermost string concatenation of a chain.
func (p *plainHTTP) concatURL(c inspector.Cursor, e *ast.BinaryExpr) {
	if t := p.s.info.TypeOf(e); e.Op != token.ADD || t == nil || !isString(t) {
		return
	}
	if outer, ok := c.Parent().Node().(*ast.BinaryExpr); ok && outer.Op == token.ADD {
		return
	}
	if _, ok := c.Parent().Node().(*ast.ParenExpr); ok {
		return // checked as part of the expression around it
	}
	p.reportBuilt(e, concatParts(e, nil))
}

func concatParts(e ast.Expr, out []ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return concatParts(b.Y, concatParts(b.X, out))
	}
	return append(out, e)
}

func (p *plainHTTP) sprintfURL(call *ast.CallExpr) {
	fn, ok := typeutil.Callee(p.s.info, call).(*types.Func)
	if ok && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" &&
		len(call.Args) > 0 {
		p.reportBuilt(call, call.Args)
	}
}

// structURL reports url.URL{Scheme: "http", Host: <a Begini host>} at the
// scheme.
func (p *plainHTTP) structURL(lit *ast.CompositeLit) {
	if !isURLType(p.s.info.TypeOf(lit)) {
		return
	}
	scheme, host := fieldValue(lit, "Scheme"), fieldValue(lit, "Host")
	if scheme != nil && host != nil {
		p.reportScheme(scheme, []ast.Expr{host})
	}
}

// schemeAssign reports u.Scheme = "http" on a url.URL whose host is
// Begini's: parsed from a Begini URL or given a Begini Host.
func (p *plainHTTP) schemeAssign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Scheme" || !isURLType(p.s.info.TypeOf(sel.X)) {
			continue
		}
		if root := p.varOf(sel.X); root != nil {
			p.reportScheme(as.Rhs[i], p.urlHosts[root])
		}
	}
}

func (p *plainHTTP) reportScheme(scheme ast.Expr, hosts []ast.Expr) {
	http := false
	for _, v := range p.values(scheme) {
		http = http || strings.EqualFold(v, "http")
	}
	if !http {
		return
	}
	var found []string
	for _, h := range hosts {
		for _, v := range p.values(h) {
			if p.beginiHost(urlHost(v)) {
				found = append(found, v)
			}
		}
	}
	if len(found) == 0 {
		return
	}
	fl := Flow{Kind: PlainURL, Pos: scheme.Pos(), End: scheme.End(), Sink: URLBuilt,
		Role: "url.URL Scheme"}
	lit, ok := scheme.(*ast.BasicLit)
	if ok && strings.EqualFold(lit.Value, `"http"`) && !anyPort(found) {
		fl.Fix = lit
	}
	p.s.addFlow(fl)
}
