// Package keylog defines an Analyzer that reports Begini API keys written
// to logs.
//
// # Analyzer keylog
//
// keylog: report a Begini API key reaching a log or print
//
// The Begini guides say the API key must never be logged in plaintext. This
// analyzer follows the key from where it is read (env, flag, config field)
// through assignments, fields, helpers, errors and formatting to a log sink:
// log, log/slog, fmt.Print* and fmt.Fprint* to os.Stdout or os.Stderr,
// testing logs, zap, logrus, zerolog, klog, glog and logr (third-party
// loggers are matched by import path), and wrappers around them in your own
// packages. A struct printed whole is a leak when it holds the key in a
// field, unless the type formats itself (String, Format, GoString,
// LogValue) without it. A request dump (httputil.DumpRequestOut) of a
// request carrying the key leaks it too.
//
// Wrong:
//
//	key := os.Getenv("BEGINI_API_KEY")
//	// Begini API key from env BEGINI_API_KEY reaches log.Printf ...
//	log.Printf("calling Begini with %s", key)
//
// Right:
//
//	log.Printf("calling Begini with key ending %s", maskKey(key))
//
// The diagnostic is at the log call. Not reported: masked values (a short
// slice of the key, a hash, its length, a boolean, the result of a function
// named like mask, redact, hash or fingerprint), the integration ID and the
// uid, which are not secret.
package keylog
