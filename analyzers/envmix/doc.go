// Package envmix defines an Analyzer that reports Begini Test and
// Production credentials mixed.
//
// # Analyzer envmix
//
// envmix: report Begini Test and Production credentials mixed
//
// Each Begini deployment has a Test and a Production environment with their
// own API key and integration ID. A Test key with a Production integration
// ID (or the reverse) fails, or mixes test data into production. The
// environment of a credential is read from names: env vars, flags, fields,
// config keys and branches with test, sandbox, staging or dev against prod,
// production or live (configurable with test_words and prod_words); never
// from the shape of a value. This analyzer reports:
//
//   - a key and an integration ID of different environments used together:
//     the arguments of one call, the fields of one struct literal, the
//     api-key header and the body of one request;
//   - a credential of one environment stored in a slot named for the other
//     (ProdAPIKey = the Test key), and one source stored in both the Test and
//     the Production slot of a config;
//   - a credential of one environment chosen under a condition that names
//     the other (if env == "production" { key = testKey }).
//
// Wrong:
//
//	client := begini.NewClient(os.Getenv("BEGINI_PROD_API_KEY"),
//		os.Getenv("BEGINI_TEST_INTEGRATION_ID")) // ... keep Test and Production credentials apart
//
// Right:
//
//	client := begini.NewClient(os.Getenv("BEGINI_PROD_API_KEY"),
//		os.Getenv("BEGINI_PROD_INTEGRATION_ID"))
//
// The finding is where the second environment's credential joins the
// first. Not reported: credentials whose environment the names do not say,
// a switch that picks both credentials from the same environment, a config
// holding a Test and a Production key side by side, and _test.go files.
package envmix
