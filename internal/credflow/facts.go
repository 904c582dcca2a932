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
	Returns      []*Origin   // concrete sources of the results
	ParamReturns []int       // parameters that flow to the results
	ParamSinks   []ParamSink // parameters that reach sinks
	EnvParam     int         // 1+index of the parameter naming an env var read; 0 if none
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
