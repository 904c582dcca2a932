// Package model holds what beginilint knows about Begini as data: which
// names are keys and integration IDs, which literals could be credentials,
// which calls log, which hosts are Begini's, and the configuration that lets
// a team extend all of it. It has no analysis code, so the product's
// knowledge can be read in one place.
package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode"
)

// Config is the whole user-facing configuration. Every field is a list, so
// that drivers which lowercase map keys (viper, used by golangci-lint) cannot
// change the user's data.
type Config struct {
	// VendorWords are the words that mark a name as Begini's.
	VendorWords []string `json:"vendor_words"`
	// KeyWords mark a Begini name as the API key.
	KeyWords []string `json:"key_words"`
	// KeyEnvNames and IDEnvNames are exact env var, flag or config key names
	// of the team's own spelling, matched case-insensitively.
	KeyEnvNames []string `json:"key_env_names"`
	IDEnvNames  []string `json:"id_env_names"`
	// Hosts are Begini API hosts; a URL on one of them or a subdomain of
	// one belongs to Begini.
	Hosts []string `json:"hosts"`
	// LogSinks are extra logging functions or packages, written as
	// "pkg/path.Func", "(*pkg/path.Type).Method" or "pkg/path" for a whole
	// package.
	LogSinks []string `json:"log_sinks"`
	// KeyGetters are the team's secret-store functions whose first string
	// argument names the secret, such as "example.com/secrets.Get".
	KeyGetters []string `json:"key_getters"`
	// WebhookHandlers are handlers that receive Begini webhooks whatever
	// their names and routes, written like LogSinks; a constructor stands
	// for the handler it returns.
	WebhookHandlers []string `json:"webhook_handlers"`
	// TestWords and ProdWords tell the environment of a credential name.
	TestWords []string `json:"test_words"`
	ProdWords []string `json:"prod_words"`
	// Enable and Disable select analyzers by name; empty Enable means all.
	Enable  []string `json:"enable"`
	Disable []string `json:"disable"`

	// TypedClientConfigs is set by the standalone driver, which loads the
	// js/wasm and wasip1 builds of the module with full types, so that the
	// engine need not fall back to reading ignored client files by syntax.
	TypedClientConfigs bool `json:"-"`
}

// Default returns the configuration used when the team sets nothing.
func Default() *Config {
	return &Config{
		VendorWords: []string{"begini"},
		KeyWords:    []string{"apikey", "secret"},
		Hosts:       []string{"begini.co", "begini.com"},
		TestWords:   []string{"test", "testing", "sandbox", "staging", "stage", "dev", "development"},
		ProdWords:   []string{"prod", "production", "live"},
	}
}

// Clone returns a deep copy, so that analyzer sets built from one config
// never share mutable state.
func (c *Config) Clone() *Config {
	return &Config{
		VendorWords:     slices.Clone(c.VendorWords),
		KeyWords:        slices.Clone(c.KeyWords),
		KeyEnvNames:     slices.Clone(c.KeyEnvNames),
		IDEnvNames:      slices.Clone(c.IDEnvNames),
		Hosts:           slices.Clone(c.Hosts),
		LogSinks:        slices.Clone(c.LogSinks),
		KeyGetters:      slices.Clone(c.KeyGetters),
		WebhookHandlers: slices.Clone(c.WebhookHandlers),
		TestWords:       slices.Clone(c.TestWords),
		ProdWords:       slices.Clone(c.ProdWords),
		Enable:          slices.Clone(c.Enable),
		Disable:         slices.Clone(c.Disable),

		TypedClientConfigs: c.TypedClientConfigs,
	}
}

// DecodeJSON reads settings written as JSON (or converted to it, as the
// golangci-lint plugin does with its YAML settings) on top of the
// defaults. Lists add to the default lists. Unknown keys and wrong types are
// errors that name the key and the valid ones.
func DecodeJSON(data []byte) (*Config, error) {
	var user Config
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&user); err != nil {
		return nil, explainDecodeError(err)
	}
	c := Default()
	c.Merge(&user)
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// Merge adds the user's settings to c.
func (c *Config) Merge(u *Config) {
	add := func(dst *[]string, src []string) { *dst = appendNew(*dst, src...) }
	add(&c.VendorWords, u.VendorWords)
	add(&c.KeyWords, u.KeyWords)
	add(&c.KeyEnvNames, u.KeyEnvNames)
	add(&c.IDEnvNames, u.IDEnvNames)
	add(&c.Hosts, u.Hosts)
	add(&c.LogSinks, u.LogSinks)
	add(&c.KeyGetters, u.KeyGetters)
	add(&c.WebhookHandlers, u.WebhookHandlers)
	add(&c.TestWords, u.TestWords)
	add(&c.ProdWords, u.ProdWords)
	add(&c.Enable, u.Enable)
	add(&c.Disable, u.Disable)
}

// Keys lists the setting names, for error messages.
func Keys() []string {
	t := reflect.TypeOf(Config{})
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		if k := t.Field(i).Tag.Get("json"); k != "-" {
			keys = append(keys, k)
		}
	}
	return keys
}

func explainDecodeError(err error) error {
	var typeErr *json.UnmarshalTypeError
	switch {
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.TrimPrefix(err.Error(), "json: unknown field ")
		return fmt.Errorf("unknown setting %s (valid: %s)", name, strings.Join(Keys(), ", "))
	case errors.As(err, &typeErr):
		return fmt.Errorf("setting %s: want a list of strings, got %s", typeErr.Field, typeErr.Value)
	}
	return fmt.Errorf("reading settings: %v", err)
}

// Validate reports the first setting that cannot work.
func (c *Config) Validate() error {
	for _, s := range c.LogSinks {
		if _, err := ParseFuncRef(s); err != nil {
			return fmt.Errorf("log_sinks: %v", err)
		}
	}
	for _, s := range c.KeyGetters {
		if _, err := ParseFuncRef(s); err != nil {
			return fmt.Errorf("key_getters: %v", err)
		}
	}
	for _, s := range c.WebhookHandlers {
		if _, err := ParseFuncRef(s); err != nil {
			return fmt.Errorf("webhook_handlers: %v", err)
		}
	}
	for _, h := range c.Hosts {
		if err := checkHost(h); err != nil {
			return fmt.Errorf("hosts: %v", err)
		}
	}
	if len(c.VendorWords) == 0 {
		return fmt.Errorf("vendor_words: must not be empty")
	}
	// A blank word is in every name: it would make every name Begini's.
	lists := []struct {
		key  string
		list []string
	}{
		{"vendor_words", c.VendorWords}, {"key_words", c.KeyWords},
		{"key_env_names", c.KeyEnvNames}, {"id_env_names", c.IDEnvNames},
		{"test_words", c.TestWords}, {"prod_words", c.ProdWords},
	}
	for _, l := range lists {
		if slices.ContainsFunc(l.list, func(w string) bool { return strings.TrimSpace(w) == "" }) {
			return fmt.Errorf("%s: an empty entry matches every name", l.key)
		}
	}
	return nil
}

func checkHost(h string) error {
	if h == "" || strings.ContainsFunc(h, func(r rune) bool {
		return r == '/' || r == ':' || unicode.IsSpace(r) || unicode.IsControl(r)
	}) {
		return fmt.Errorf("%q is not a host name (write api.example.com, no scheme)", h)
	}
	return nil
}

// RegisterFlags binds the configuration to flags, so that settings reach the
// engine under go vet, where only flags are passed to the tool. List flags
// add to the defaults; they take comma-separated values and may repeat.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	fs.Var((*listFlag)(&c.KeyEnvNames), "key_env", "extra env var or flag `names` that hold the API key")
	fs.Var((*listFlag)(&c.IDEnvNames), "id_env",
		"extra env var or flag `names` that hold the integration ID")
	fs.Var(checkedList{&c.Hosts, checkHost}, "hosts", "extra Begini API `hosts`")
	fs.Var(checkedList{&c.LogSinks, checkFuncRef}, "log_sinks",
		"extra logging `functions` (pkg.Func, (*pkg.T).M, or pkg)")
	fs.Var(checkedList{&c.KeyGetters, checkFuncRef}, "key_getters",
		"secret-store `functions` whose first argument names the secret")
	fs.Var((*listFlag)(&c.VendorWords), "vendor_words", "extra `words` that mark a name as Begini's")
	fs.Var(checkedList{&c.WebhookHandlers, checkFuncRef}, "webhook_handlers",
		"handler `functions` that receive Begini webhooks (pkg.Func, (*pkg.T).ServeHTTP)")
	fs.Var((*listFlag)(&c.KeyWords), "key_words", "extra `words` that mark a Begini name as the API key")
	fs.Var((*listFlag)(&c.TestWords), "test_words", "extra `words` that mark a credential name as Test")
	fs.Var((*listFlag)(&c.ProdWords), "prod_words",
		"extra `words` that mark a credential name as Production")
}

// appendNew appends the values not yet in list, in linear time: a list can
// be as long as a user's file makes it.
func appendNew(list []string, values ...string) []string {
	seen := make(map[string]bool, len(list))
	for _, v := range list {
		seen[v] = true
	}
	for _, v := range values {
		if !seen[v] {
			seen[v] = true
			list = append(list, v)
		}
	}
	return list
}

type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	var vs []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			vs = append(vs, v)
		}
	}
	*l = appendNew(*l, vs...)
	return nil
}

// checkedList is a list flag whose entries are checked as they are set, so
// that a bad value is a flag error: under go vet, an error from the
// analyzer's run only says "failed prerequisites", and is not remembered.
type checkedList struct {
	list  *[]string
	check func(string) error
}

func (l checkedList) String() string {
	if l.list == nil {
		return ""
	}
	return strings.Join(*l.list, ",")
}

func (l checkedList) Set(s string) error {
	before := len(*l.list)
	(*listFlag)(l.list).Set(s)
	for _, v := range (*l.list)[before:] {
		if err := l.check(v); err != nil {
			*l.list = (*l.list)[:before]
			return err
		}
	}
	return nil
}

func checkFuncRef(s string) error {
	_, err := ParseFuncRef(s)
	return err
}

// FuncRef names a function, a method or a whole package.
type FuncRef struct {
	Pkg  string // import path
	Recv string // receiver type name without '*', or ""
	Name string // function or method name; "" for the whole package
}

// ParseFuncRef parses "pkg/path.Func", "(*pkg/path.Type).Method",
// "pkg/path.Type.Method" or "pkg/path".
func ParseFuncRef(s string) (FuncRef, error) {
	bad := func() (FuncRef, error) {
		return FuncRef{},
			fmt.Errorf("%q is not pkg/path.Func, (*pkg/path.Type).Method or pkg/path", s)
	}
	if s == "" || strings.ContainsAny(s, " \t") {
		return bad()
	}
	if strings.HasPrefix(s, "(") {
		close := strings.Index(s, ")")
		if close < 0 || close+2 > len(s) || s[close+1] != '.' {
			return bad()
		}
		recv := strings.TrimPrefix(s[1:close], "*")
		dot := strings.LastIndex(recv, ".")
		if dot <= 0 {
			return bad()
		}
		return FuncRef{Pkg: recv[:dot], Recv: recv[dot+1:], Name: s[close+2:]}, nil
	}
	slash := strings.LastIndex(s, "/")
	last := s[slash+1:]
	parts := strings.Split(last, ".")
	prefix := s[:slash+1]
	switch {
	case len(parts) == 1:
		return FuncRef{Pkg: s}, nil
	case len(parts) == 2 && isExported(parts[1]):
		return FuncRef{Pkg: prefix + parts[0], Name: parts[1]}, nil
	case len(parts) == 3:
		return FuncRef{Pkg: prefix + parts[0], Recv: parts[1], Name: parts[2]}, nil
	}
	// A dotted last element such as "gopkg.in/yaml.v3" is a package.
	return FuncRef{Pkg: s}, nil
}

func isExported(s string) bool {
	return s != "" && strings.ToUpper(s[:1]) == s[:1]
}

// integrationIDSpellings are the forms of "integration ID" that Words
// splits into those two words, which name the ID without any Begini word.
var integrationIDSpellings = []string{
	"integrationid", "integration_id", "integration-id", "integration id", "integration.id",
}

// Anchors returns, in lower case, the spellings without one of which no
// source of a Begini credential can be written: the vendor words, the
// configured env names, the hosts, the integration ID's spellings and the
// beginilint directive. Source that contains none of them names nothing
// of Begini's.
func (c *Config) Anchors() [][]byte {
	var out [][]byte
	add := func(list ...string) {
		for _, w := range list {
			if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
				out = append(out, []byte(w))
			}
		}
	}
	add("beginilint")
	add(c.VendorWords...)
	add(c.KeyEnvNames...)
	add(c.IDEnvNames...)
	add(c.Hosts...)
	add(integrationIDSpellings...)
	return out
}

// MentionsAnchor reports whether src contains one of anchors, ignoring case.
func MentionsAnchor(src []byte, anchors [][]byte) bool {
	low := bytes.ToLower(src)
	for _, w := range anchors {
		if bytes.Contains(low, w) {
			return true
		}
	}
	return false
}
