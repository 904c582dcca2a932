// Package idmix defines an Analyzer that reports the Begini integration ID
// and API key confused with each other.
//
// # Analyzer idmix
//
// idmix: report the Begini integration ID and API key confused
//
// Begini needs both the API key (secret, sent in the api-key or Bearer
// header, and the key of the webhook HMAC) and the integration ID (public,
// per environment, sent as the integration_id body field). They are
// different values. This analyzer reports:
//
//   - the integration ID sent as the api-key header, the Bearer token or the
//     webhook HMAC key;
//   - the API key placed in the integration_id field (a struct field of that
//     name or JSON tag, a map entry);
//   - a call to a function whose parameters are named for the two (such as
//     NewClient(apiKey, integrationID string)) with the arguments swapped,
//     across packages too;
//   - one source (a variable, a field, an env var or flag) that ends up as
//     the key in one place and as the integration ID in another, at both;
//   - the integration ID bound to the key's slot, or the reverse, by an
//     assignment, a flag default or a struct tag.
//
// Wrong:
//
//	// begini.NewClient gets the integration ID as apiKey ...
//	client := begini.NewClient(cfg.IntegrationID, cfg.APIKey)
//
// Right:
//
//	client := begini.NewClient(cfg.APIKey, cfg.IntegrationID)
//
// Not reported: the integration ID logged or hardcoded (it is not secret),
// a struct that holds both fields correctly, a map that lists both, and code
// in _test.go files, which swaps values on purpose to test validation.
package idmix
