package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestShortFlagsAndFlagsAfterTheFile(t *testing.T) {
	t.Parallel()
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

func TestHelpListsShortForms(t *testing.T) {
	t.Parallel()
	r := reel(t, strings.NewReader(""), "-h")
	for _, want := range []string{"-p, --print", "-w, --width", "-s, --start", "--max-size N"} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("-h lacks %q (exit %d):\n%s", want, r.code, r.stdout)
		}
	}
}
