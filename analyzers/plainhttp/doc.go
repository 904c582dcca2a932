// Package plainhttp defines an Analyzer that reports Begini API calls that
// are not protected by verified HTTPS.
//
// # Analyzer plainhttp
//
// plainhttp: report a Begini API call over plain HTTP or unverified TLS
//
// The Begini guides allow HTTPS only: every request carries the API key in
// its api-key or Bearer header, and over plain HTTP, or over TLS whose
// certificate nobody checks, anyone on the path can read it. This analyzer
// reports:
//
//   - a Begini API URL with the http:// scheme: a literal (in a constant, a
//     variable, a flag default, an env-var or cmp.Or fallback, a struct-tag
//     default such as envDefault), a concatenation or fmt.Sprintf that puts
//     "http://" in front of a Begini host, and a url.URL whose Scheme is
//     "http" and whose Host is Begini's, with constants of other packages
//     resolved through their types;
//   - a client used for Begini calls whose TLS config sets
//     InsecureSkipVerify to true, or sets it together with a
//     VerifyPeerCertificate or VerifyConnection callback that returns nil
//     whatever it is given. The client is used for Begini calls when it is
//     built in Begini code (a package, function or receiver type named for
//     Begini, or a function that mentions a Begini host), or handed to it
//     (an argument of a Begini function or method, a field of a Begini type,
//     a variable named for Begini), also across packages.
//
// Wrong:
//
//	const sandboxURL = "http://sandbox.begini.co" // plain-HTTP Begini API URL ...
//
//	tr := &http.Transport{TLSClientConfig: &tls.Config{
//		// TLS certificate verification switched off (InsecureSkipVerify) ...
//		InsecureSkipVerify: true,
//	}}
//	client := begini.NewClient(key).WithHTTPClient(&http.Client{Transport: tr})
//
// Right:
//
//	const sandboxURL = "https://sandbox.begini.co"
//
//	client := begini.NewClient(key).WithHTTPClient(&http.Client{Timeout: 15 * time.Second})
//
// The diagnostic is at the part that says http:// (the literal, or the
// Scheme) or at the line that switches verification off. When that line is
// in a helper or another package, the related information (or, across
// packages, the diagnostic) points at where the client is handed to Begini.
// Where it is safe, the suggested fix turns the literal's http:// into
// https://; not when the URL names a port, which would then be wrong, and
// not for constants built elsewhere.
//
// Not reported: https:// URLs; other hosts, including http://localhost,
// 127.0.0.1 and [::1] mocks; a literal that is only compared with or
// searched for (code that rejects or rewrites plain-HTTP URLs); _test.go
// files, whose test servers from net/http/httptest speak plain HTTP or
// self-signed TLS; functions that start such a test server or that point at
// localhost and at no Begini host (a local mock); InsecureSkipVerify
// set from a flag or config field, since whether it is ever on in production
// cannot be seen; a verification callback that checks something (certificate
// pinning), or that returns nil while the standard verification still runs;
// and clients with verification off that never reach Begini code.
package plainhttp
