package credflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/beginilint/beginilint/internal/model"
)

// Begini signs each webhook with the hex HMAC-SHA512 of the raw body, keyed
// with the API key, in X-Signature (or X-Begini-Signature). A receiver must
// hash the body as received, with SHA-512, and compare in constant time
// before acting on the payload. This module follows, per function, the
// received signature, the MACs and plain hashes computed, re-encoded
// payloads and handler values, and judges each comparison of the signature.
// Verification split across helpers and packages is followed through
// summaries (HookFact), so the finding lands where the parts come together.

const (
	// SigCompare: the received signature compared in variable time.
	SigCompare FlowKind = iota + 40
	// SigWrongHash: the signature's HMAC built with a hash other than SHA-512.
	SigWrongHash
	// SigPlainHash: the signature checked against a plain hash, not an HMAC.
	SigPlainHash
	// SigReencoded: the MAC computed over re-encoded data, not the raw body.
	SigReencoded
	// SigUnverified: a webhook payload acted on without verification.
	SigUnverified
)

// Where a SigUnverified flow is reported, in its Role.
const (
	// UnverifiedHandler: the handler reads the signature and never checks it.
	UnverifiedHandler = "handler"
	// UnverifiedDecode: the payload is decoded on a path before the check.
	UnverifiedDecode = "decode"
	// UnverifiedRegistration: a handler that never verifies is registered
	// for Begini webhooks without a verifying middleware.
	UnverifiedRegistration = "registration"
)

// ReencodedArgument is the Role of a SigReencoded flow reported where
// re-encoded data is passed to a helper that computes the MAC over it.
const ReencodedArgument = "argument"

// wbits say what a value is to a webhook receiver.
type wbits uint16

const (
	wSig        wbits = 1 << iota // the signature as received
	wMAC                          // an HMAC, or what it computed
	wHash                         // a plain hash, or what it computed
	wReenc                        // bytes re-encoded from a decoded payload
	wCheck                        // the outcome of a signature check
	wVerified                     // a handler that verifies, or is wrapped in a verification
	wUnverified                   // a handler that decodes the payload and never verifies
	wMiddleware                   // a middleware that verifies what it wraps
	wBegini                       // a handler configured as a Begini webhook receiver
)

// dataBits are the bits that string and byte helpers carry to their
// results; handlerBits those that handler wrappers do.
const (
	dataBits    = wSig | wMAC | wHash | wReenc
	handlerBits = wVerified | wUnverified | wMiddleware | wBegini
)

// A wval is what the module knows of a value.
type wval struct {
	bits   wbits
	params uint64      // parameters it derives from: bit i for parameter i
	macs   []token.Pos // the MACs and hashes it comes from, keys of hookState.macs
	name   string      // a handler's name, for messages
}

func (v wval) has(b wbits) bool { return v.bits&b != 0 }

func (v wval) union(w wval) wval {
	out := wval{bits: v.bits | w.bits, params: v.params | w.params, name: v.name}
	if out.name == "" {
		out.name = w.name
	}
	out.macs = slices.Clone(v.macs)
	for _, m := range w.macs {
		if !slices.Contains(out.macs, m) {
			out.macs = append(out.macs, m)
		}
	}
	return out
}

// covers reports whether v already holds everything in w.
func (v wval) covers(w wval) bool {
	if v.bits|w.bits != v.bits || v.params|w.params != v.params || (v.name == "" && w.name != "") {
		return false
	}
	for _, m := range w.macs {
		if !slices.Contains(v.macs, m) {
			return false
		}
	}
	return true
}

// only keeps the bits in b, and the parameters and MACs when b holds data.
func (v wval) only(b wbits) wval {
	out := wval{bits: v.bits & b, name: v.name}
	if b&dataBits != 0 {
		out.params, out.macs = v.params, v.macs
	}
	return out
}

// A macInfo is one MAC or plain hash, and what is wrong with it. Its
// defects are reported only once it meets the received signature, so that
// HMACs and hashes made for anything else stay silent.
type macInfo struct {
	pos, end token.Pos // the hmac.New or hash call, or the call of a helper
	hash     string    // an HMAC's hash other than SHA-512: "sha256.New"
	plain    string    // a plain hash used instead: "sha512.Sum512"
	reenc    []span    // writes of re-encoded data into it
	via      string    // the helper in another package that made it
	// passed is set on a MAC made by a helper that the caller passed
	// re-encoded data to.
	passed   bool
	reported bool // met the signature in this package
}

// hookSum summarises a function for its callers in this package; HookFact
// is its form for other packages.
type hookSum struct {
	ret   wval
	cmps  []hookCmp
	flags HookFlags
}

// A hookCmp is a comparison that involves parameters, kept for callers.
type hookCmp struct {
	x, y     wval
	ct       bool
	how      string
	pos, end token.Pos // where to report it: the comparison, or a helper's call
	fix      ast.Expr
	via      string
	reported bool
}

type hookState struct {
	s       *state
	sums    map[*types.Func]*hookSum
	macs    map[token.Pos]*macInfo
	changed bool
	// flows holds what each function's latest walk found; the walk of a
	// round that changed no summary had everything it needed.
	flows map[*types.Func][]Flow
}

// checkWebhooks runs the module over the package: a fixpoint over its
// functions until summaries stop growing, then its flows and facts.
func (s *state) checkWebhooks() {
	h := &hookState{s: s, sums: make(map[*types.Func]*hookSum),
		macs: make(map[token.Pos]*macInfo), flows: make(map[*types.Func][]Flow)}
	for round := 0; round < maxRounds; round++ {
		h.changed = false
		h.walkAll()
		if !h.changed {
			break
		}
	}
	for _, flows := range h.flows {
		for _, fl := range flows {
			if !s.inTestFile(fl.Pos) {
				// Tests sign and compare sample payloads and receive no
				// webhook.
				s.addFlow(fl)
			}
		}
	}
	h.exportFacts()
}

// configured reports whether the team configured fn as a receiver of
// Begini webhooks (webhook_handlers).
func (h *hookState) configured(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	recv := ""
	if r := fn.Type().(*types.Signature).Recv(); r != nil {
		recv = typeName(r.Type())
	}
	for _, s := range h.s.cfg.WebhookHandlers {
		if r, err := model.ParseFuncRef(s); err == nil && r.Matches(fn.Pkg().Path(), recv,
			fn.Name()) {
			return true
		}
	}
	return false
}

func (h *hookState) walkAll() {
	for _, fd := range h.s.funcDecls {
		h.walkFunc(fd)
	}
}

func (h *hookState) sumOf(fn *types.Func) *hookSum {
	sum := h.sums[fn]
	if sum == nil {
		sum = &hookSum{}
		h.sums[fn] = sum
	}
	return sum
}

func (h *hookState) mac(pos, end token.Pos) *macInfo {
	m := h.macs[pos]
	if m == nil {
		m = &macInfo{pos: pos, end: end}
		h.macs[pos] = m
	}
	return m
}

// A span is a range to report: a call up to its parenthesis.
type span struct{ pos, end token.Pos }

func (m *macInfo) addReenc(at span) {
	if !slices.Contains(m.reenc, at) {
		m.reenc = append(m.reenc, at)
	}
}

// metSignature marks the MACs in vals as having met the received
// signature, which makes their defects findings of this package.
func (f *hookFrame) metSignature(vals ...wval) {
	for _, v := range vals {
		for _, p := range v.macs {
			if m := f.h.macs[p]; m != nil && !f.h.s.inTestFile(p) {
				m.reported = true
				f.reportMAC(m)
			}
		}
	}
}

func (f *hookFrame) reportMAC(m *macInfo) {
	switch {
	case m.plain != "":
		f.report(Flow{Kind: SigPlainHash, Pos: m.pos, End: m.end, Role: m.plain, Via: m.via})
	case m.hash != "":
		f.report(Flow{Kind: SigWrongHash, Pos: m.pos, End: m.end, Role: m.hash, Via: m.via})
	}
	for _, w := range m.reenc {
		fl := Flow{Kind: SigReencoded, Pos: w.pos, End: w.end, Via: m.via}
		if m.passed {
			fl.Role = ReencodedArgument
		}
		f.report(fl)
	}
}

// exportFacts publishes the summaries that tell an importer something.
func (h *hookState) exportFacts() {
	for fn, sum := range h.sums {
		if fn.Pkg() != h.s.pass.Pkg || sum.empty() {
			continue
		}
		f := &HookFact{Returns: h.value(sum.ret), Flags: sum.flags}
		for _, c := range sum.cmps {
			f.Compares = append(f.Compares, HookCompare{X: h.value(c.x), Y: h.value(c.y),
				ConstantTime: c.ct, How: c.how, Reported: c.reported})
		}
		h.s.pass.ExportObjectFact(fn, f)
	}
}

func (m *hookSum) empty() bool {
	return m.ret.bits == 0 && m.ret.params == 0 && len(m.cmps) == 0 && m.flags == 0
}

// value is a wval in the form a fact carries: the defects of its MACs not
// yet reported here travel with it, to be reported where it meets the
// signature.
func (h *hookState) value(v wval) HookValue {
	hv := HookValue{Bits: uint16(v.bits), Name: v.name}
	for i := 0; i < 64; i++ {
		if v.params&(1<<i) != 0 {
			hv.Params = append(hv.Params, i)
		}
	}
	for _, p := range v.macs {
		m := h.macs[p]
		if m == nil || m.reported {
			continue
		}
		hv.Hash = cmpOr(hv.Hash, m.hash)
		hv.Plain = cmpOr(hv.Plain, m.plain)
		hv.Reenc = hv.Reenc || len(m.reenc) > 0
	}
	return hv
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// imported is the summary of a function of another package, its MAC
// defects attached to the call, where they are reported if they meet the
// signature.
func (h *hookState) imported(fn *types.Func, call *ast.CallExpr) *hookSum {
	var f HookFact
	if fn.Pkg() == nil || !h.s.pass.ImportObjectFact(fn.Origin(), &f) {
		return nil
	}
	via := funcName(fn)
	sum := &hookSum{ret: h.fromFact(f.Returns, call, via), flags: f.Flags}
	for _, c := range f.Compares {
		sum.cmps = append(sum.cmps, hookCmp{
			x: h.fromFact(c.X, call, via), y: h.fromFact(c.Y, call, via), ct: c.ConstantTime,
			how: c.How, pos: call.Pos(), end: call.Lparen, via: via, reported: c.Reported,
		})
	}
	return sum
}

func (h *hookState) fromFact(hv HookValue, call *ast.CallExpr, via string) wval {
	v := wval{bits: wbits(hv.Bits), name: hv.Name}
	for _, p := range hv.Params {
		if p < 64 {
			v.params |= 1 << p
		}
	}
	if hv.Hash != "" || hv.Plain != "" || hv.Reenc {
		m := h.mac(call.Pos(), call.Lparen)
		m.hash, m.plain, m.via = hv.Hash, hv.Plain, via
		if hv.Reenc {
			m.addReenc(span{call.Pos(), call.Lparen})
		}
		v.macs = []token.Pos{call.Pos()}
	}
	return v
}

// funcName names a function for messages: pkg.Func, or pkg.Type.Method.
func funcName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		if t := typeName(recv.Type()); t != "" {
			name = t + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}
