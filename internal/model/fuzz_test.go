package model

import (
	"strings"
	"testing"
)

// The name, placeholder and masking rules run on every identifier and
// literal of the code being linted: they must never panic, and a mask must
// never give the secret back.
func FuzzNameRules(f *testing.F) {
	for _, s := range []string{"BEGINI_API_KEY", "beginiAPIKey", "x-begini-signature",
		"Zk3pQ9xLm2Rt7Vw4Yb8Nc1Hd", "${BEGINI_API_KEY}", "\xff\xfe", "ǅungla", "", "API4Key"} {
		f.Add(s)
	}
	c := Default()
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range Words(s) {
			if w == "" {
				t.Fatalf("Words(%q) has an empty word", s)
			}
		}
		c.ClassifyName(s, true)
		c.ClassifyEnvName(s)
		c.EnvironmentOf(s)
		c.IsBeginiURL(s)
		c.MentionsBeginiHost(s)
		IsSanitizerName(s)
		if CouldBeKey(s, true) && !CouldBeKey(s, false) {
			t.Fatalf("CouldBeKey(%q): the test-file rule must be the stricter one", s)
		}
		m := Mask(s)
		if len(s) >= 8 && strings.Contains(m, s[:len(s)/2]) {
			t.Fatalf("Mask(%q) = %q gives back half the secret", s, m)
		}
	})
}

// Settings come from users' files and flags: bad ones are errors, never
// panics.
func FuzzSettings(f *testing.F) {
	f.Add(`{"key_env_names": ["X"], "hosts": ["api.begini.co"]}`)
	f.Add(`{"log_sinks": ["(*log.Logger).Output", "go.uber.org/zap"]}`)
	f.Add(`{"hosts": [1]}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := DecodeJSON([]byte(s)); err == nil {
			if err := c.Validate(); err != nil {
				t.Fatalf("DecodeJSON accepted settings that do not validate: %v", err)
			}
		}
		c := Default()
		for _, v := range strings.Split(s, "\n") {
			(*listFlag)(&c.LogSinks).Set(v)
			ParseFuncRef(v)
		}
	})
}
