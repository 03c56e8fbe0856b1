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
