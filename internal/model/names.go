package model

import (
	"strings"
	"unicode"
)

// Words splits an identifier, env var name, config key or JSON tag into
// lowercase words. It breaks on case changes (camelCase, HTTPServer), digits,
// and any non-alphanumeric separator (snake_case, kebab-case, dotted.keys).
//
// Matching on words rather than substrings is what keeps "compass",
// "tokenizer" and "monkey" from looking like credentials.
func Words(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	runes := []rune(name)
	for i, r := range runes {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if i > 0 && len(cur) > 0 && startsWord(runes, i) {
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return joinAcronyms(words)
}

// startsWord reports whether runes[i] begins a new word in a camelCase name.
func startsWord(runes []rune, i int) bool {
	prev, r := runes[i-1], runes[i]
	switch {
	case unicode.IsUpper(r) && unicode.IsLower(prev):
		return true // apiKey
	case unicode.IsUpper(r) && unicode.IsUpper(prev) &&
		i+1 < len(runes) && unicode.IsLower(runes[i+1]):
		return true // APIKey: the K starts "Key"
	case unicode.IsDigit(r) != unicode.IsDigit(prev):
		return true
	}
	return false
}

// joinAcronyms merges word pairs that people write both joined and apart, so
// that "APIKey", "apikey" and "api_key" all contain the word "apikey" as well
// as "api" and "key".
func joinAcronyms(words []string) []string {
	var out []string
	for i, w := range words {
		out = append(out, w)
		if i > 0 && words[i-1] == "api" && w == "key" {
			out = append(out, "apikey")
		}
	}
	for _, w := range words {
		if w == "apikey" {
			out = append(out, "api", "key")
		}
	}
	return out
}

func hasWord(words []string, want ...string) bool {
	for _, w := range words {
		for _, x := range want {
			if w == x {
				return true
			}
		}
	}
	return false
}

// Role is what a value is to Begini.
type Role uint8

const (
	RoleNone          Role = iota
	RoleKey                // the secret API key
	RoleIntegrationID      // the public, per-environment integration ID
)

func (r Role) String() string {
	switch r {
	case RoleKey:
		return "API key"
	case RoleIntegrationID:
		return "integration ID"
	}
	return "value"
}

// Words that say a name describes something about a key rather than the key
// itself: its env var name, its header, its file, a masked form of it.
var metaWords = []string{
	"env", "var", "name", "names", "header", "file", "path", "url", "len", "length",
	"hash", "digest", "mask", "masked", "redact", "redacted", "hint", "prefix",
	"suffix", "present", "set", "ok", "valid", "flag", "field", "label", "err",
	"error", "count", "sha", "fingerprint", "last", "first", "tail", "placeholder",
	"example", "format", "pattern", "regex", "re", "type", "kind", "param", "arg",
	"source", "rotation", "rotated", "expiry", "expires", "age", "size", "tag",
}

// Words that name the short-lived session token, which is not the key.
var sessionTokenWords = []string{"token", "jwt", "access", "session"}

// ClassifyName tells whether a name (identifier, env var, flag, config key,
// struct tag) names a Begini API key or integration ID. inBegini says that the
// name's context (its package, its struct type, its config section) already
// belongs to Begini, so that "APIKey" in package begini is the key while
// "APIKey" elsewhere is someone else's.
func (c *Config) ClassifyName(name string, inBegini bool) Role {
	if !inBegini && !c.mayHaveVendorWord(name) {
		return RoleNone // the common case, decided without splitting words
	}
	words := Words(name)
	if len(words) == 0 {
		return RoleNone
	}
	begini := inBegini || hasVendorWord(words, c.VendorWords)
	if !begini {
		return RoleNone
	}
	if hasWord(words, metaWords...) && !isExactKeyName(c, name) {
		// beginiKeyEnv, BEGINI_API_KEY_FILE, maskedBeginiKey: about the key.
		return RoleNone
	}
	if hasWord(words, "integration") && hasWord(words, "id") {
		return RoleIntegrationID
	}
	if hasWord(words, sessionTokenWords...) {
		return RoleNone
	}
	if hasWord(words, c.KeyWords...) {
		return RoleKey // BeginiAPIKey, apiKey in package begini, beginiSecret
	}
	if hasWord(words, "key") && (hasVendorWord(words, c.VendorWords) || len(words) == 1) {
		// BEGINI_KEY, or a field called key in a Begini type; but not
		// cacheKey or idempotencyKey, which Begini code has too.
		return RoleKey
	}
	return RoleNone
}

// ClassifyIDName recognises integration ID names that need no Begini context:
// the JSON body field "integration_id" is Begini's own spelling.
func (c *Config) ClassifyIDName(name string) bool {
	words := Words(name)
	return len(words) == 2 && words[0] == "integration" && words[1] == "id"
}

func isExactKeyName(c *Config, name string) bool {
	for _, n := range c.KeyEnvNames {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// ClassifyEnvName classifies an environment variable, flag or config key
// name. Names the team configured win over the word rules.
func (c *Config) ClassifyEnvName(name string) Role {
	for _, n := range c.KeyEnvNames {
		if strings.EqualFold(n, name) {
			return RoleKey
		}
	}
	for _, n := range c.IDEnvNames {
		if strings.EqualFold(n, name) {
			return RoleIntegrationID
		}
	}
	return c.ClassifyName(name, false)
}

// HasVendorWord reports whether the name contains a Begini word.
func (c *Config) HasVendorWord(name string) bool {
	return c.mayHaveVendorWord(name) && hasVendorWord(Words(name), c.VendorWords)
}

// mayHaveVendorWord is a fast precheck: a name that does not contain a
// vendor word as a substring cannot contain it as a word.
func (c *Config) mayHaveVendorWord(name string) bool {
	for _, v := range c.VendorWords {
		if containsFold(name, v) {
			return true
		}
	}
	return false
}

func containsFold(s, sub string) bool {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if strings.EqualFold(s[i:i+n], sub) {
			return true
		}
	}
	return false
}

// hasVendorWord matches vendor words as word prefixes too, since package
// and type names run words together: beginiclient, Beginiapi.
func hasVendorWord(words, vendor []string) bool {
	for _, w := range words {
		for _, v := range vendor {
			if strings.HasPrefix(w, strings.ToLower(v)) {
				return true
			}
		}
	}
	return false
}

// Environment is the deployment a credential belongs to, read from names.
type Environment uint8

const (
	EnvUnknown Environment = iota
	EnvTest
	EnvProd
)

func (e Environment) String() string {
	switch e {
	case EnvTest:
		return "test"
	case EnvProd:
		return "production"
	}
	return "unknown"
}

// EnvironmentOf reads the environment from a name's words: BEGINI_TEST_KEY is
// Test, ProdIntegrationID is Production. Names with both or neither say
// nothing.
func (c *Config) EnvironmentOf(name string) Environment {
	words := Words(name)
	test, prod := hasWord(words, c.TestWords...), hasWord(words, c.ProdWords...)
	switch {
	case test && !prod:
		return EnvTest
	case prod && !test:
		return EnvProd
	}
	return EnvUnknown
}
