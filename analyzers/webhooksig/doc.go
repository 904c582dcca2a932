// Package webhooksig defines an Analyzer that reports Begini webhook
// signatures verified unsafely or not at all.
//
// # Analyzer webhooksig
//
// webhooksig: report Begini webhook signatures verified unsafely or not at all
//
// Begini signs each webhook with the hex HMAC-SHA512 of the raw request
// body, keyed with the API key, and sends it in X-Signature (one guide says
// X-Begini-Signature). A receiver must hash the body exactly as received,
// with SHA-512, and compare in constant time before it acts on the payload.
// In the handlers that receive Begini webhooks (they read one of those
// headers, are registered on a Begini webhook route such as
// "/webhooks/begini", are named for one, such as BeginiWebhook, or are
// listed in the webhook_handlers setting) this analyzer reports:
//
//   - the received signature compared with ==, !=, bytes.Equal,
//     strings.EqualFold, strings.Compare, reflect.DeepEqual, a switch, or a
//     byte loop that stops at the first difference: each leaks how much of a
//     forged signature matches; use hmac.Equal (or subtle.ConstantTimeCompare);
//   - the signature's HMAC built with a hash other than SHA-512 (sha256.New,
//     md5.New, crypto.SHA256.New), which can never match what Begini sends,
//     or checked against a plain hash such as sha512.Sum512(append(key,
//     body...)) instead of an HMAC;
//   - the MAC computed over re-encoded data (json.Marshal of the decoded
//     payload, a json.Encoder writing into the MAC) rather than the raw
//     body, whose bytes differ from what Begini signed;
//   - a payload decoded on a path where the signature has not been checked,
//     a handler that reads the signature and never compares it, and a
//     handler that never verifies registered on a Begini webhook route
//     without a verifying middleware.
//
// Verification split across helpers, methods and packages is followed:
// a helper that compares, computes the MAC or verifies is judged where the
// received signature is passed to it, and reported there when it lives in
// another package. Where the answer depends on the importer (a handler
// that may be wrapped in a middleware where it is registered), the finding
// is at the registration.
//
// Wrong:
//
//	mac := hmac.New(sha256.New, key) // Begini webhook HMAC built with sha256.New ...
//	mac.Write(body)
//	want := hex.EncodeToString(mac.Sum(nil))
//	if want != r.Header.Get("X-Signature") { // Begini webhook signature compared with != ...
//		http.Error(w, "invalid signature", http.StatusUnauthorized)
//		return
//	}
//
// Right:
//
//	got, err := hex.DecodeString(r.Header.Get("X-Signature"))
//	mac := hmac.New(sha512.New, key)
//	mac.Write(body)
//	if err != nil || !hmac.Equal(got, mac.Sum(nil)) {
//		http.Error(w, "invalid signature", http.StatusUnauthorized)
//		return
//	}
//
// The suggested fix turns a == b and a != b on the signature, and
// bytes.Equal, into hmac.Equal, importing crypto/hmac.
//
// Not reported: == on event types, content types or anything else that is
// not the signature; a presence check (sig == ""); SHA-256 and other
// hashes used for anything but the signature; other vendors' webhooks
// (GitHub's X-Hub-Signature-256, Stripe-Signature), whose headers are not
// Begini's; handlers that verify in a middleware they are wrapped with;
// and _test.go files, which sign and compare sample payloads. Handlers of
// routers whose handler type is not net/http's (gin, echo, fiber) are
// checked for comparisons and hashes but not for missing verification.
package webhooksig
