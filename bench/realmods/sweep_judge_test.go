package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestJudgeSweep(t *testing.T) {
	pkgs := listed{
		"example.com/m/pcap": {Cgo: true},
		"example.com/m/dump": {Deps: []string{"fmt", "example.com/m/pcap"}},
		"example.com/m/t [example.com/m/t.test]": {Test: true,
			Err: "no required module provides package example.org/x"},
		"example.com/m/bad": {Err: "no Go files in /x/bad"},
	}
	stderr := "beginilint: example.com/m/a [example.com/m.test]: analyzer credflow: " +
		"internal error analysing example.com/m/a: runtime error: nil pointer\n" +
		"goroutine 1 [running]:\n\tmain.f()\n" +
		"beginilint: example.com/m/b: analyzer keylog: facts missing\n" +
		"beginilint: example.com/m/pcap: # example.com/m/pcap\n" +
		"pcap.go:11:10: fatal error: pcap.h: No such file or directory\n" +
		"beginilint: example.com/m/bad_test [example.com/m/bad.test]: no Go files\n" +
		"beginilint: example.com/m/c: c.go:3:2: undefined: x\n" +
		"beginilint: example.com/m/dump: main.go:4:2: cannot convert x\n" +
		"beginilint: example.com/m/t [example.com/m/t.test]: /m/t/t_test.go:3:2: " +
		"could not import example.org/x (invalid package name: \"\")\n" +
		"beginilint: example.com/m/d [example.com/m/d.test]: go build: " +
		"./d_test.go:3:2: undefined: foo\n"
	stdout := "/x/a.go:3:4: Begini key logged\n"
	cases := []struct {
		name                                     string
		u                                        usage
		crashes, internal, errors, env, findings int
	}{
		{"exit 1", usage{Exit: 1}, 0, 1, 2, 5, 1},
		{"exit 2", usage{Exit: 2}, 1, 1, 2, 5, 1},
		{"timeout", usage{Exit: -1, TimedOut: true}, 1, 1, 2, 5, 1},
	}
	base := writeLogs(t, stdout, stderr)
	for _, c := range cases {
		v := judgeSweep(base, c.u, pkgs)
		got := []int{len(v.Crashes), len(v.Internal), len(v.Errors), len(v.EnvNotes),
			len(v.Findings)}
		want := []int{c.crashes, c.internal, c.errors, c.env, c.findings}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: got %v, want %v (crashes, internal, errors, env, "+
					"findings): %+v", c.name, got, want, v)
				break
			}
		}
	}
}

func TestJudgeSweepRuntimePanic(t *testing.T) {
	stderr := "panic: runtime error: index out of range [3] with length 3\n\n" +
		"goroutine 1 [running]:\nmain.main()\n"
	v := judgeSweep(writeLogs(t, "", stderr), usage{Exit: 2}, nil)
	if len(v.Crashes) != 2 || !v.failed() {
		t.Errorf("want the panic and exit 2 as crashes, got %+v", v)
	}
}

func TestJudgeSweepClean(t *testing.T) {
	v := judgeSweep(writeLogs(t, "", ""), usage{}, nil)
	if v.failed() || len(v.EnvNotes) > 0 {
		t.Errorf("clean run judged %+v", v)
	}
}

func writeLogs(t *testing.T, stdout, stderr string) string {
	base := filepath.Join(t.TempDir(), "run")
	for ext, text := range map[string]string{".out": stdout, ".err": stderr} {
		if err := os.WriteFile(base+ext, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return base
}
