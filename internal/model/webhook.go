package model

import "slices"

// Begini signs each webhook with the hex HMAC-SHA512 of the raw request
// body, keyed with the API key, in the X-Signature (or X-Begini-Signature)
// header. These tables say which APIs verify such a signature, which get it
// wrong, and which names mark a handler as a Begini webhook receiver.

// SignatureHash is the only hash an HMAC of the signature may use.
var SignatureHash = FuncRef{Pkg: "crypto/sha512", Name: "New"}

// ConstantTimeCompares compare two values in time independent of where
// they differ: the only safe way to check a received signature.
var ConstantTimeCompares = []FuncRef{
	{Pkg: "crypto/hmac", Name: "Equal"},
	{Pkg: "crypto/subtle", Name: "ConstantTimeCompare"},
}

// VariableTimeCompares return as soon as their arguments differ, which lets
// an attacker find a valid signature byte by byte.
var VariableTimeCompares = []FuncRef{
	{Pkg: "bytes", Name: "Equal"},
	{Pkg: "bytes", Name: "EqualFold"},
	{Pkg: "bytes", Name: "Compare"},
	{Pkg: "bytes", Name: "HasPrefix"},
	{Pkg: "bytes", Name: "Contains"},
	{Pkg: "strings", Name: "EqualFold"},
	{Pkg: "strings", Name: "Compare"},
	{Pkg: "strings", Name: "HasPrefix"},
	{Pkg: "strings", Name: "Contains"},
	{Pkg: "reflect", Name: "DeepEqual"},
	{Pkg: "slices", Name: "Equal"},
	{Pkg: "slices", Name: "Compare"},
	{Pkg: "cmp", Name: "Compare"},
	{Pkg: "github.com/google/go-cmp/cmp", Name: "Equal"},
}

// PlainHashPkgs hold hashes that are not MACs: their New* and Sum*
// functions, given the key and the body, make a value anyone who can guess
// the construction can forge, and that never matches Begini's HMAC.
var PlainHashPkgs = []string{
	"crypto/sha256", "crypto/sha512", "crypto/sha1", "crypto/md5", "crypto/sha3",
	"golang.org/x/crypto/sha3", "golang.org/x/crypto/blake2b",
}

// Reencoders turn a decoded payload back into bytes, which are not the
// bytes Begini signed (field order, spacing and escaping differ).
var Reencoders = []FuncRef{
	{Pkg: "encoding/json", Name: "Marshal"},
	{Pkg: "encoding/json", Name: "MarshalIndent"},
	{Pkg: "encoding/xml", Name: "Marshal"},
	{Pkg: "encoding/xml", Name: "MarshalIndent"},
}

// EncoderConstructors and Encoders re-encode a payload into a writer:
// json.NewEncoder(mac).Encode(ev) is a MAC over re-encoded data.
var (
	EncoderConstructors = []FuncRef{
		{Pkg: "encoding/json", Name: "NewEncoder"},
		{Pkg: "encoding/xml", Name: "NewEncoder"},
	}
	Encoders = []FuncRef{
		{Pkg: "encoding/json", Recv: "Encoder", Name: "Encode"},
		{Pkg: "encoding/xml", Recv: "Encoder", Name: "Encode"},
	}
)

// HashWriters write their later arguments into the writer given first,
// which may be a MAC; Write methods of the MAC itself are matched by name.
var HashWriters = []FuncRef{
	{Pkg: "io", Name: "WriteString"},
	{Pkg: "io", Name: "Copy"},
	{Pkg: "io", Name: "CopyN"},
	{Pkg: "fmt", Name: "Fprint"},
	{Pkg: "fmt", Name: "Fprintf"},
	{Pkg: "fmt", Name: "Fprintln"},
}

// HeaderGetters are the names of methods that read a request header named
// by their one argument, in net/http and in other routers (gin's
// GetHeader, fasthttp's Peek).
var HeaderGetters = []string{"Get", "Values", "GetHeader", "Peek"}

// PayloadDecoders turn the webhook body into values the handler acts on.
var PayloadDecoders = []FuncRef{
	{Pkg: "encoding/json", Name: "Unmarshal"},
	{Pkg: "encoding/json", Recv: "Decoder", Name: "Decode"},
	{Pkg: "encoding/xml", Name: "Unmarshal"},
	{Pkg: "encoding/xml", Recv: "Decoder", Name: "Decode"},
}

// WebhookWords mark a route or a handler as a webhook receiver; together
// with a vendor word they make it Begini's: "/webhooks/begini",
// BeginiCallback.
var WebhookWords = []string{
	"webhook", "webhooks", "hook", "hooks", "callback", "callbacks",
	"notify", "notification", "notifications",
}

// IsBeginiWebhookName reports whether a route pattern or a handler name
// says it receives Begini webhooks.
func (c *Config) IsBeginiWebhookName(name string) bool {
	words := Words(name)
	return hasVendorWord(words, c.VendorWords) && hasWord(words, WebhookWords...)
}

// Matches reports whether r names the function pkg.name or the method
// (recv).name; recv is the receiver type name without '*'.
func (r FuncRef) Matches(pkg, recv, name string) bool {
	return r.Pkg == pkg && r.Recv == recv && r.Name == name
}

// MatchesAny reports whether one of refs names the function.
func MatchesAny(refs []FuncRef, pkg, recv, name string) bool {
	return slices.ContainsFunc(refs, func(r FuncRef) bool { return r.Matches(pkg, recv, name) })
}
