package model

import (
	"net/url"
	"strings"
)

// The tables below name APIs by import path, so that third-party loggers and
// flag packages are recognised without beginilint importing them.

// EnvGetters read an environment variable named by their first argument.
var EnvGetters = []FuncRef{
	{Pkg: "os", Name: "Getenv"},
	{Pkg: "os", Name: "LookupEnv"},
	{Pkg: "syscall", Name: "Getenv"},
}

// FlagDefiner describes a flag constructor: which argument is the flag's
// name, which is its default, and, for the *Var forms, which argument is
// the pointer the value lands in (-1 when the flag value is the result).
type FlagDefiner struct {
	Ref      FuncRef
	Name     int
	Default  int
	Pointer  int
	IsMethod bool
}

var flagPkgs = []string{"flag", "github.com/spf13/pflag"}

// flagDefiners indexes the string flag constructors of the flag package and
// of spf13/pflag, as functions and as *FlagSet methods. It is built once:
// every call site in a package is looked up here.
var flagDefiners = func() map[FuncRef]FlagDefiner {
	out := make(map[FuncRef]FlagDefiner)
	add := func(d FlagDefiner) { out[d.Ref] = d }
	for _, pkg := range flagPkgs {
		for _, recv := range []string{"", "FlagSet"} {
			add(FlagDefiner{FuncRef{pkg, recv, "String"}, 0, 1, -1, recv != ""})
			add(FlagDefiner{FuncRef{pkg, recv, "StringVar"}, 1, 2, 0, recv != ""})
			if pkg != "flag" {
				add(FlagDefiner{FuncRef{pkg, recv, "StringP"}, 0, 2, -1, recv != ""})
				add(FlagDefiner{FuncRef{pkg, recv, "StringVarP"}, 1, 3, 0, recv != ""})
			}
		}
	}
	return out
}()

// FlagDefinerOf returns the flag constructor that ref names, if it is one.
func FlagDefinerOf(ref FuncRef) (FlagDefiner, bool) {
	d, ok := flagDefiners[ref]
	return d, ok
}

// ConfigGetterPkgs are config libraries whose getters take a key name, as in
// viper.GetString("begini.api_key").
var ConfigGetterPkgs = []string{"github.com/spf13/viper", "github.com/knadh/koanf/v2"}

// ConfigGetterNames are the getter names of those libraries.
var ConfigGetterNames = []string{"Get", "GetString", "String", "MustString"}

// LogPackages are packages every call of which that receives a key writes
// it to a log: loggers, their field constructors and their entries.
var LogPackages = []string{
	"log",
	"log/slog",
	"go.uber.org/zap",
	"go.uber.org/zap/zapcore",
	"github.com/sirupsen/logrus",
	"github.com/rs/zerolog",
	"github.com/rs/zerolog/log",
	"k8s.io/klog/v2",
	"k8s.io/klog",
	"github.com/golang/glog",
	"github.com/go-logr/logr",
	"github.com/hashicorp/go-hclog",
	"github.com/charmbracelet/log",
	"github.com/apex/log",
}

// LogNonSinks are calls in those packages that take a string without
// logging it: constructors and configuration.
var LogNonSinks = []string{
	"New", "NewLogger", "NewTextHandler", "NewJSONHandler", "SetPrefix", "SetFlags",
	"SetOutput", "NewProduction", "NewDevelopment", "NewExample", "Named", "SetLevel",
	"ParseLevel", "NewEntry", "Default", "SetDefault", "NewNop", "Level",
}

// PrintFuncs write their arguments to standard output.
var PrintFuncs = []string{"Print", "Printf", "Println"}

// FprintFuncs write to their first argument, a sink when it is os.Stdout
// or os.Stderr.
var FprintFuncs = []string{"Fprint", "Fprintf", "Fprintln"}

// TestingLogMethods are the logging and failure methods of testing.T, B, F
// and TB.
var TestingLogMethods = []string{
	"Log", "Logf", "Error", "Errorf", "Fatal", "Fatalf", "Skip", "Skipf",
}

// PassthroughPkgs are standard packages whose functions return (or, for
// Write-like methods, store into their receiver) data made from their
// arguments, so a key goes in and comes out: strings.TrimSpace,
// fmt.Sprintf, base64.StdEncoding.EncodeToString, url.Values.Set.
// Results of types that cannot carry text (ints, bools) carry nothing, which
// is why len(key) and strings.HasPrefix(key, "x") are not keys.
var PassthroughPkgs = []string{
	"strings", "bytes", "strconv", "fmt", "errors", "net/url", "encoding/base64",
	"encoding/base32", "encoding/hex", "encoding/json", "encoding/xml", "io",
	"bufio", "path", "path/filepath", "slices", "maps", "cmp", "unicode/utf8",
	"unicode/utf16", "text/template", "html/template", "html", "mime/multipart",
	"encoding/pem", "sort", "syscall/js",
}

// HashPkgs turn a key into a digest that is safe to log.
var HashPkgs = []string{
	"crypto/sha256", "crypto/sha512", "crypto/sha1", "crypto/md5", "crypto/hmac",
	"hash/fnv", "hash/crc32", "hash/crc64", "hash/adler32", "hash/maphash",
	"golang.org/x/crypto/sha3", "golang.org/x/crypto/blake2b",
}

// KeyHeaders carry the Begini API key on requests; "authorization" only
// when its value starts with "Bearer".
var KeyHeaders = []string{"api-key"}

// SignatureHeaders carry Begini's webhook signature.
var SignatureHeaders = []string{"x-signature", "x-begini-signature"}

// IsBeginiURL reports whether s is a URL, or a bare host, on a Begini host.
func (c *Config) IsBeginiURL(s string) bool {
	host := s
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil {
			return false
		}
		host = u.Hostname()
	} else if i := strings.IndexAny(s, "/:"); i >= 0 {
		host = s[:i]
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, h := range c.Hosts {
		h = strings.ToLower(h)
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// MentionsBeginiHost reports whether a string literal contains a Begini URL
// anywhere in it, as in fmt.Sprintf("https://api.begini.co/v1/%s", x).
func (c *Config) MentionsBeginiHost(s string) bool {
	if len(s) > 2048 {
		return false
	}
	lower := strings.ToLower(s)
	for _, h := range c.Hosts {
		h = strings.ToLower(h)
		for i := strings.Index(lower, h); i >= 0; {
			end := i + len(h)
			before := i == 0 || strings.ContainsRune("/.@ \"'", rune(lower[i-1]))
			after := end == len(lower) || strings.ContainsRune("/:?# \"'", rune(lower[end]))
			if before && after {
				return true
			}
			next := strings.Index(lower[end:], h)
			if next < 0 {
				break
			}
			i = end + next
		}
	}
	return false
}
