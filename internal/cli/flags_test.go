package main

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestShortFlagsAndFlagsAfterTheFile(t *testing.T) {
	long := reel(t, strings.NewReader(""), "--print", "--width", "40", "testdata/md/deck.md")
	short := reel(t, strings.NewReader(""), "testdata/md/deck.md", "-p", "-w", "40")
	if long.code != 0 || short.code != 0 || long.stdout != short.stdout {
		t.Fatalf("-p -w 40 after the file differs from --print --width 40 before it:\n%s\n---\n%s%s", long.stdout, short.stdout, short.stderr)
	}
	for _, l := range strings.Split(short.stdout, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("-w 40 printed a line of %d columns: %q", ansi.StringWidth(l), l)
		}
	}
}

func TestFlagErrorsNameTheFlagAtFault(t *testing.T) {
	for _, tt := range []struct {
		args      []string
		want, not string
	}{
		{[]string{"--max-size", "0"}, "--max-size must be at least 1 MiB", "--start"},
		{[]string{"--start", "-1"}, "--start cannot be negative", "--max-size"},
		{[]string{"-w", "-5"}, "--width cannot be negative", "--start"},
		{[]string{"--max-size", "99999999999"}, "--max-size is in MiB", "--width"},
	} {
		_, err := parseArgs(append(tt.args, "x.txt"), io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), tt.not) {
			t.Errorf("parseArgs(%q) = %v, want an error about %s only", tt.args, err, tt.want)
		}
	}
}

func TestHelpListsShortForms(t *testing.T) {
	r := reel(t, strings.NewReader(""), "-h")
	for _, want := range []string{"-p, --print", "-w, --width", "-s, --start", "--max-size N"} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("-h lacks %q (exit %d):\n%s", want, r.code, r.stdout)
		}
	}
}

// TestHelpShowsSwitchesAsTheREADMEDoes: a switch is listed as the README
// names it, "--restart", not "--restart[=true|false]" (pflag 1.1 marks
// every bool flag so), and still takes an explicit value.
func TestHelpShowsSwitchesAsTheREADMEDoes(t *testing.T) {
	var out strings.Builder
	if _, err := parseArgs([]string{"--help"}, &out); !isHelp(err) {
		t.Fatalf("--help: %v", err)
	}
	if strings.Contains(out.String(), "[=") {
		t.Errorf("the help marks switches with their values:\n%s", out.String())
	}
	for _, want := range []string{"-p, --print ", "--restart ", "--no-state ", "-v, --version "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the help lacks %q:\n%s", want, out.String())
		}
	}
	for _, tt := range []struct {
		args  []string
		print bool
	}{
		{[]string{"-p"}, true}, {[]string{"--print"}, true}, {[]string{"--print=false"}, false}, {[]string{"--print=true"}, true}, {nil, false},
	} {
		cfg, err := parseArgs(append(tt.args, "x.md"), io.Discard)
		if err != nil || cfg.print != tt.print || cfg.path != "x.md" {
			t.Errorf("%q: print %v, path %q, err %v; want print %v", tt.args, cfg.print, cfg.path, err, tt.print)
		}
	}
	if _, err := parseArgs([]string{"--print=maybe", "x.md"}, io.Discard); err == nil {
		t.Error("--print=maybe was taken")
	}
}
