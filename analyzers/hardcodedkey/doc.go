// Package hardcodedkey defines an Analyzer that reports Begini API keys
// written into source code.
//
// # Analyzer hardcodedkey
//
// hardcodedkey: report a Begini API key hardcoded in source
//
// The Begini guides say the API key must never be committed. This analyzer
// reports a string, byte-slice or rune-slice literal that ends up as the key:
// a constant or variable named for it, a struct or map literal entry, a flag
// default, a struct-tag default, an env-var fallback, the value of the
// api-key or Bearer header of a Begini request, the key of the webhook HMAC,
// and a key file pulled in with //go:embed.
//
// Wrong:
//
//	const beginiAPIKey = "bgn_live_8f3Kq2LmZx91PqRt" // hardcoded Begini API key ...
//	req.Header.Set("api-key", beginiAPIKey)
//
// Right:
//
//	req.Header.Set("api-key", os.Getenv("BEGINI_API_KEY"))
//
// The diagnostic is at the literal, the line to change. When the literal
// lives in another package and becomes a key only here, it is reported here
// with the literal's position as related information.
//
// Not reported: placeholders ("", "YOUR_API_KEY", "<api-key>",
// "${BEGINI_API_KEY}", "changeme", runs of one character), env var and
// header names, URLs, integration IDs and uids (not secret), and literals
// shorter than 12 characters. In _test.go files a literal must also look
// random (high entropy, letters and digits, no words like test or fake):
// obviously fake keys in tests are fine, a realistic one is not.
//
// Where it is safe, the suggested fix reads the key from the BEGINI_API_KEY
// environment variable instead. Constants, struct tags and embedded files
// get no fix, since a call cannot stand there.
package hardcodedkey
