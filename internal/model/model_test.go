package model

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	cases := map[string][]string{
		"BeginiAPIKey":       {"begini", "api", "key", "apikey"},
		"BEGINI_API_KEY":     {"begini", "api", "key", "apikey"},
		"begini.api_key":     {"begini", "api", "key", "apikey"},
		"apikey":             {"apikey", "api", "key"},
		"HTTPServer":         {"http", "server"},
		"integrationID":      {"integration", "id"},
		"x-begini-signature": {"x", "begini", "signature"},
	}
	for in, want := range cases {
		if got := Words(in); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClassifyName(t *testing.T) {
	c := Default()
	type tc struct {
		name     string
		inBegini bool
		want     Role
	}
	cases := []tc{
		{"BEGINI_API_KEY", false, RoleKey},
		{"beginiAPIKey", false, RoleKey},
		{"BeginiSecret", false, RoleKey},
		{"BEGINI_KEY", false, RoleKey},
		{"begini.api_key", false, RoleKey},
		{"apiKey", true, RoleKey},
		{"key", true, RoleKey},
		{"BEGINI_INTEGRATION_ID", false, RoleIntegrationID},
		{"IntegrationID", true, RoleIntegrationID},
		// Innocent names: never credentials.
		{"apiKey", false, RoleNone},
		{"tokenizer", true, RoleNone},
		{"passwordEnvVar", false, RoleNone},
		{"compass", true, RoleNone},
		{"monkey", true, RoleNone},
		{"cacheKey", true, RoleNone},
		{"idempotencyKey", true, RoleNone},
		{"beginiKeyEnv", false, RoleNone},
		{"BEGINI_API_KEY_FILE", false, RoleNone},
		{"maskedBeginiKey", false, RoleNone},
		{"BEGINI_ACCESS_TOKEN", false, RoleNone},
		{"beginiJWT", false, RoleNone},
		{"beginiKeyHeader", false, RoleNone},
		{"creditLimit", true, RoleNone},
		{"STRIPE_API_KEY", false, RoleNone},
	}
	for _, k := range cases {
		if got := c.ClassifyName(k.name, k.inBegini); got != k.want {
			t.Errorf("ClassifyName(%q, %v) = %v, want %v", k.name, k.inBegini, got, k.want)
		}
	}
}

func TestClassifyEnvNameConfigured(t *testing.T) {
	c := Default()
	c.KeyEnvNames = []string{"SCORING_TOKEN"}
	c.IDEnvNames = []string{"SCORING_TENANT"}
	if got := c.ClassifyEnvName("scoring_token"); got != RoleKey {
		t.Errorf("configured key env: got %v", got)
	}
	if got := c.ClassifyEnvName("SCORING_TENANT"); got != RoleIntegrationID {
		t.Errorf("configured ID env: got %v", got)
	}
	if got := c.ClassifyEnvName("OTHER_TOKEN"); got != RoleNone {
		t.Errorf("unconfigured env: got %v", got)
	}
}

func TestEnvironmentOf(t *testing.T) {
	c := Default()
	cases := map[string]Environment{
		"BEGINI_TEST_API_KEY":      EnvTest,
		"beginiSandboxKey":         EnvTest,
		"BEGINI_PROD_API_KEY":      EnvProd,
		"liveIntegrationID":        EnvProd,
		"BEGINI_API_KEY":           EnvUnknown,
		"BEGINI_TEST_PROD_API_KEY": EnvUnknown,
		"contestKey":               EnvUnknown,
	}
	for in, want := range cases {
		if got := c.EnvironmentOf(in); got != want {
			t.Errorf("EnvironmentOf(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestCouldBeKey(t *testing.T) {
	keys := []string{
		"bgn_live_8f3Kq2LmZx91PqRt",
		"9c1f5e7a3b2d4c6e8f0a1b3c5d7e9f21",
		"Zk3pQ9xLm2Rt7Vw4Yb8Nc1Hd",
		// A placeholder word next to random runs is still a key.
		"key-8f3a9c2e71d04b6a", "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
	}
	long := strings.Repeat("Zk3pQ9xLm2Rt7Vw4Yb8Nc1Hd", 43) // 1032 characters
	for _, k := range append(keys, long) {
		if !CouldBeKey(k, false) {
			t.Errorf("CouldBeKey(%q) = false, want true", k)
		}
	}
	notKeys := []string{
		"", "YOUR_API_KEY", "<api-key>", "${BEGINI_API_KEY}", "changeme", "xxx",
		"test", "xxxxxxxxxxxxxxxx", "****************", "BEGINI_API_KEY",
		"X-Begini-Signature", "https://api.begini.co/v1/sessions-management/tokens",
		"api.begini.co", "Bearer ", "application/json", "begini.api_key",
		"replace-me-with-your-key", "short1", "integration_id", "not a key at all",
		"your-begini-api-key", "aaaaaaaaaaaaaaab",
		// Instructions and typed runs, not keys.
		"your_api_key_goes_here", "enter-your-api-key", "MY_SECRET_KEY_123",
		"abcdefghijklmnopqrstuvwxyz", "1234567890abcdef", "put-your-real-key-here",
	}
	for _, k := range notKeys {
		if CouldBeKey(k, false) {
			t.Errorf("CouldBeKey(%q) = true, want false", k)
		}
	}
}

func TestCouldBeKeyInTests(t *testing.T) {
	fake := []string{"test-key-123456", "abcdefabcdefabcdef", "fake_begini_key_1"}
	for _, k := range fake {
		if CouldBeKey(k, true) {
			t.Errorf("CouldBeKey(%q, inTest) = true, want false", k)
		}
	}
	if !CouldBeKey("Zk3pQ9xLm2Rt7Vw4Yb8Nc1Hd", true) {
		t.Error("a realistic key in a test file must still count")
	}
}

func TestIsSanitizerName(t *testing.T) {
	for _, n := range []string{"maskKey", "redact", "Fingerprint", "hashSecret", "last4", "keyHint"} {
		if !IsSanitizerName(n) {
			t.Errorf("IsSanitizerName(%q) = false", n)
		}
	}
	for _, n := range []string{"loadKey", "Header", "compassHeading", "getenv"} {
		if IsSanitizerName(n) {
			t.Errorf("IsSanitizerName(%q) = true", n)
		}
	}
}

func TestMaskNeverRevealsMuch(t *testing.T) {
	k := "bgn_live_8f3Kq2LmZx91PqRt"
	m := Mask(k)
	if len(m) > 6 || m == k {
		t.Errorf("Mask(%q) = %q reveals too much", k, m)
	}
}

func TestParseFuncRef(t *testing.T) {
	cases := map[string]FuncRef{
		"log":                            {Pkg: "log"},
		"log.Printf":                     {Pkg: "log", Name: "Printf"},
		"(*log.Logger).Output":           {Pkg: "log", Recv: "Logger", Name: "Output"},
		"go.uber.org/zap":                {Pkg: "go.uber.org/zap"},
		"example.com/x/logx.Infof":       {Pkg: "example.com/x/logx", Name: "Infof"},
		"example.com/x/logx.Logger.Info": {Pkg: "example.com/x/logx", Recv: "Logger", Name: "Info"},
		"gopkg.in/yaml.v3":               {Pkg: "gopkg.in/yaml.v3"},
	}
	for in, want := range cases {
		got, err := ParseFuncRef(in)
		if err != nil || got != want {
			t.Errorf("ParseFuncRef(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "(*log.Logger", "a b"} {
		if _, err := ParseFuncRef(bad); err == nil {
			t.Errorf("ParseFuncRef(%q): want error", bad)
		}
	}
}

func TestBeginiHosts(t *testing.T) {
	c := Default()
	yes := []string{"https://api.begini.co/v1/sessions-management/tokens",
		"http://api.begini.com/create-session", "api.begini.co"}
	for _, s := range yes {
		if !c.IsBeginiURL(s) || !c.MentionsBeginiHost(s) {
			t.Errorf("%q should be a Begini URL", s)
		}
	}
	no := []string{"https://notbegini.co/x", "https://begini.co.evil.com/", "https://api.stripe.com"}
	for _, s := range no {
		if c.IsBeginiURL(s) {
			t.Errorf("%q should not be a Begini URL", s)
		}
	}
	if !c.MentionsBeginiHost("https://api.begini.co/v1/%s") {
		t.Error("format string with a Begini host")
	}
}

func TestDecodeJSON(t *testing.T) {
	c, err := DecodeJSON([]byte(`{"key_env_names": ["SCORING_TOKEN"], "enable": ["keylog"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.ClassifyEnvName("SCORING_TOKEN") != RoleKey || !slices.Contains(c.Enable, "keylog") {
		t.Errorf("settings not applied: %+v", c)
	}
	if !slices.Contains(c.Hosts, "begini.co") {
		t.Error("defaults lost")
	}
	for in, want := range map[string]string{
		`{"key_env": ["X"]}`:          "unknown setting \"key_env\"",
		`{"hosts": "api.begini.co"}`:  "setting hosts: want a list of strings",
		`{"log_sinks": ["(*broken"]}`: "log_sinks:",
		`{`:                           "reading settings",
		`{"vendor_words": [""]}`:      "vendor_words: an empty entry matches every name",
		`{"key_env_names": [" "]}`:    "key_env_names: an empty entry",
		`{"hosts": ["a.example\nb"]}`: "is not a host name",
	} {
		_, err := DecodeJSON([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("DecodeJSON(%s) = %v, want error containing %q", in, err, want)
		}
	}
}

// The list of valid settings names what a user can write, nothing else.
func TestKeys(t *testing.T) {
	keys := Keys()
	if slices.Contains(keys, "-") || !slices.Contains(keys, "webhook_handlers") {
		t.Errorf("Keys() = %v", keys)
	}
}

// Every list setting has a flag, so that it reaches the engine under go vet.
func TestEveryListHasAFlag(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	c := Default()
	c.RegisterFlags(fs)
	for flagName, got := range map[string]*[]string{
		"key_words": &c.KeyWords, "test_words": &c.TestWords, "prod_words": &c.ProdWords,
	} {
		if err := fs.Set(flagName, "extra"); err != nil || !slices.Contains(*got, "extra") {
			t.Errorf("-%s=extra: %v, list %v", flagName, err, *got)
		}
	}
}

// A bad value is refused by the flag itself: under go vet an error from
// the analyzer's run would only read "failed prerequisites".
func TestBadFlagValues(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	c := Default()
	c.RegisterFlags(fs)
	for name, value := range map[string]string{
		"log_sinks": "(*zz", "key_getters": "a b", "webhook_handlers": "(*p.T",
		"hosts": "http://api.example",
	} {
		before := fmt.Sprint(c)
		if err := fs.Set(name, value); err == nil {
			t.Errorf("-%s=%s accepted", name, value)
		}
		if fmt.Sprint(c) != before {
			t.Errorf("-%s=%s changed the settings", name, value)
		}
	}
	if err := fs.Set("hosts", "api.example,b.example"); err != nil || len(c.Hosts) != 4 {
		t.Errorf("good hosts: %v, %v", err, c.Hosts)
	}
}
