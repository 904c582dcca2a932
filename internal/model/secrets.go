package model

import (
	"math"
	"net/url"
	"strings"
	"unicode"
)

// Begini does not publish the format of its API keys, so nothing here looks
// for a prefix or an exact length. What we can say is what a key is not: an
// empty or placeholder string from the docs, an env var or header name, a URL,
// a sentence, or a run of one character.

var placeholderWords = []string{
	"your", "example", "placeholder", "changeme", "change", "replace", "redacted",
	"dummy", "fake", "sample", "todo", "fixme", "xxx", "todo", "insert", "here",
	"secret", "apikey", "key", "test", "none", "null", "nil", "undefined", "default",
	"begini", "demo", "mock",
}

// IsPlaceholder reports whether a literal is a documentation placeholder
// rather than a real credential: "", "YOUR_API_KEY", "<api-key>",
// "${BEGINI_API_KEY}", "changeme", "xxxx", "test".
func IsPlaceholder(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" {
		return true
	}
	if strings.ContainsAny(t, "<>{}$%") {
		return true // <api-key>, ${BEGINI_API_KEY}, %s
	}
	if oneRune(t) {
		return true // xxxxxxxx, ********, 00000000
	}
	if isSequence(t) {
		return true // abcdefghijklmnop, 1234567890abcdef
	}
	// A literal made only of placeholder words and separators says what
	// goes there instead of being it: YOUR_API_KEY, replace-me, test-key.
	words := Words(t)
	onlyPlaceholders := true
	for _, w := range words {
		if !hasWord([]string{w}, placeholderWords...) && !isFillerRun(w) && w != "me" &&
			w != "my" && w != "api" && w != "the" {
			onlyPlaceholders = false
			break
		}
	}
	return onlyPlaceholders || isInstruction(words)
}

// isInstruction matches prose that tells the reader what to put there,
// enter-your-api-key, your_api_key_goes_here, MY_SECRET_KEY_123: a
// placeholder word among words that all read as words, and at most a short
// number at the end.
// A real key has random runs, which never read as words.
func isInstruction(words []string) bool {
	if len(words) < 2 || !hasWord(words, placeholderWords...) {
		return false
	}
	for i, w := range words {
		number := strings.Trim(w, "0123456789") == ""
		switch {
		case number && i == len(words)-1 && len(w) <= 4:
		case !number && len(w) >= 2 && isWordLike(w):
		default:
			return false // a random run: 8f3a9c splits into 8, f, 3, a, 9, c
		}
	}
	return true
}

// isSequence reports a run of consecutive characters, as typed to fill a
// field: at least four in five neighbours are one apart.
func isSequence(s string) bool {
	steps := 0
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1]+1 {
			steps++
		}
	}
	return len(s) > 1 && steps*5 >= (len(s)-1)*4
}

func isFillerRun(w string) bool {
	return oneRune(w) || strings.Trim(w, "x") == ""
}

func oneRune(s string) bool {
	for _, r := range s {
		if r != rune(s[0]) {
			return false
		}
	}
	return true
}

// MinKeyLength is the shortest literal taken as a possible key. Real API
// keys are long random strings; shorter literals in key positions are
// placeholders, test stubs or labels, and flagging them would cry wolf.
const MinKeyLength = 12

// maxKeyLength is the longest: a literal longer than that is a certificate,
// an embedded asset or a fixture, and scanning it costs time. Signed tokens
// run to a few kilobytes, so the bound sits above them.
const maxKeyLength = 8192

// CouldBeKey reports whether a literal could be a real credential: long
// enough, one token with no spaces, not a placeholder, not a URL, not an
// identifier-like constant name, and not of very low entropy.
//
// inTest applies the stricter rule for _test.go files: test code often
// holds obviously fake keys ("test-key-123", "abcdefabcdef"), so there a
// literal must look random (high entropy, letters and digits mixed, no
// placeholder words) before it counts.
func CouldBeKey(s string, inTest bool) bool {
	if len(s) < MinKeyLength || len(s) > maxKeyLength || IsPlaceholder(s) {
		return false
	}
	if strings.ContainsFunc(s, unicode.IsSpace) || !isPrintableASCII(s) {
		return false
	}
	if looksLikeURL(s) || looksLikeConstName(s) || looksLikeDottedName(s) {
		return false
	}
	h := entropy(s)
	if h < 2.5 {
		return false
	}
	if inTest {
		return h >= 3.5 && hasLetterAndDigit(s) && !hasPlaceholderWord(s)
	}
	return true
}

func hasPlaceholderWord(s string) bool {
	for _, w := range Words(s) {
		if hasWord([]string{w}, placeholderWords...) {
			return true
		}
	}
	return false
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

func hasLetterAndDigit(s string) bool {
	return strings.ContainsFunc(s, unicode.IsLetter) && strings.ContainsFunc(s, unicode.IsDigit)
}

func looksLikeURL(s string) bool {
	if strings.Contains(s, "://") {
		return true
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && u.Opaque == "" && u.Host != ""
}

// looksLikeConstName matches env var and header names: BEGINI_API_KEY,
// X-Begini-Signature, api-key.
func looksLikeConstName(s string) bool {
	if strings.ToUpper(s) == s && strings.ContainsAny(s, "_") && !strings.ContainsAny(s, "0123456789") {
		return true
	}
	seps := strings.Count(s, "-") + strings.Count(s, "_")
	words := Words(s)
	if seps > 0 && len(words) > 1 && seps >= len(words)-1 {
		for _, w := range words {
			if !isWordLike(w) {
				return false
			}
		}
		return true
	}
	return false
}

// isWordLike reports whether w reads like a dictionary word rather than a
// random token: only letters, with vowels in a sensible proportion.
func isWordLike(w string) bool {
	vowels := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		if strings.ContainsRune("aeiouy", r) {
			vowels++
		}
	}
	if len(w) == 1 {
		return true // the X of X-Signature
	}
	return len(w) <= 12 && vowels > 0 && vowels*5 >= len(w)
}

// looksLikeDottedName matches config keys, hostnames and media types:
// begini.api_key, api.begini.co, application/json.
func looksLikeDottedName(s string) bool {
	if !strings.ContainsAny(s, "./") {
		return false
	}
	for _, w := range Words(s) {
		if !isWordLike(w) {
			return false
		}
	}
	return true
}

// entropy is the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	var h float64
	n := float64(len(s))
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// Mask returns a hint that is safe to print for a found credential: its
// length and its last two characters at most, never more than a fifth of it.
func Mask(s string) string {
	if len(s) < 16 {
		return "****"
	}
	return "****" + s[len(s)-2:]
}

var sanitizerWords = []string{
	"mask", "masked", "redact", "redacted", "hash", "hashed", "sha", "fingerprint",
	"obfuscate", "obfuscated", "sanitize", "sanitized", "scrub", "truncate", "hint",
	"last4", "suffix", "prefix", "len", "length", "digest", "hmac",
}

// IsSanitizerName reports whether a function name says it hides its input:
// maskKey, redact, Fingerprint, hashSecret.
func IsSanitizerName(name string) bool {
	words := Words(name)
	return hasWord(words, sanitizerWords...) || hasWord(Words(strings.ReplaceAll(name, "4", "")), "last")
}
