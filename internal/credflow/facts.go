package credflow

// Facts carry what a package learned to the packages that import it. They
// hold names and positions, never values, and are gob-encoded by drivers
// that run packages in separate processes (go vet).

// SinkKind is what a parameter of a function reaches.
type SinkKind uint8

const (
	SinkLog    SinkKind = iota + 1 // a logger or print to stdout/stderr
	SinkKey                        // the api-key/Bearer header or the webhook HMAC key
	SinkIDBody                     // the integration_id body field
)

// ParamSink records that a parameter of a function reaches a sink, so that
// a call passing a key to a logging wrapper is reported at the call.
type ParamSink struct {
	Param int
	Kind  SinkKind
	Sink  string // the inner sink, for the message: "log.Printf"
}

// FuncFact summarises a function for its callers in other packages.
type FuncFact struct {
	Returns      []*Origin   // concrete sources of the results, all together
	ParamReturns []int       // parameters that flow to the results
	ParamSinks   []ParamSink // parameters that reach sinks
	EnvParam     int         // 1+index of the parameter naming an env var read; 0 if none
	// Results says the same per result, so that the error returned next to
	// a key (cfg, err := config.Load()) is not taken for the key.
	Results []ResultFact
}

// ResultFact is what one result of a function carries.
type ResultFact struct {
	Origins  []*Origin
	Params   []int
	EnvParam int // 1+index, as in FuncFact
}

func (*FuncFact) AFact() {}

func (f *FuncFact) String() string { return "credflow summary" }

// ObjFact marks a package-level variable, constant or struct field that
// holds a Begini credential, with the sources it was seen to hold.
type ObjFact struct {
	Role    uint8
	Origins []*Origin
}

func (*ObjFact) AFact() {}

func (f *ObjFact) String() string { return "credflow holds credential" }

// HookFact summarises what a function does with Begini webhook signatures,
// so that verification split across packages is judged where it comes
// together. It names functions and hashes, never values.
type HookFact struct {
	Returns  HookValue
	Compares []HookCompare // comparisons that involve parameters
	Flags    HookFlags
}

func (*HookFact) AFact() {}

func (f *HookFact) String() string { return "credflow webhook summary" }

// HookFlags say what a function does with the signature on its own.
type HookFlags uint8

const (
	HookReads      HookFlags = 1 << iota // reads the signature header
	HookVerifies                         // compares the received signature
	HookDecodes                          // decodes a payload before any verification
	HookUnverified                       // a handler that decodes and never verifies
	HookMiddleware                       // wraps a handler argument in a verification
)

// HookValue describes a result or a compared operand: what it is (the
// received signature, a MAC, a plain hash, a handler), which parameters it
// derives from, and what is wrong with the MAC it holds, if anything.
type HookValue struct {
	Bits   uint16
	Params []int
	Hash   string // the MAC's hash when it is not SHA-512: "sha256.New"
	Plain  string // the plain hash used instead of an HMAC: "sha512.Sum512"
	Reenc  bool   // the MAC covers re-encoded data instead of the raw body
	Name   string // the handler's name, for handlers
}

// HookCompare is a comparison of two values, at least one made from a
// parameter, so that callers passing the received signature judge it.
type HookCompare struct {
	X, Y         HookValue
	ConstantTime bool
	How          string // "==", "bytes.Equal"
	// Reported is set when the package already reported the comparison,
	// because its function is Begini's by name.
	Reported bool
}
