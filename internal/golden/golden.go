// Package golden compares test output with reviewed files in testdata/.
// Run the tests with -update to rewrite the files, then read the diff
// before committing it.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Check fails t if got differs from the file at path, and shows how as a
// unified diff: the changed lines, not two whole frames. With -update it
// writes got to the file first.
func Check(t testing.TB, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the tests with -update, then review the file)", err)
	}
	if d := Diff(string(want), got); d != "" {
		t.Errorf("output differs from %s (- want, + got):\n%s", path, d)
	}
}

// Diff returns a unified diff from want to got, or "" when they are equal.
// Escape sequences and other control characters are shown quoted, so that
// a colour golden's diff says which style changed instead of drawing it.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	return udiff.Unified("want", "got", visible(want), visible(got))
}

// visible quotes the control characters of each line, keeping the lines.
func visible(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		q := strconv.Quote(l)
		lines[i] = q[1 : len(q)-1]
	}
	return strings.Join(lines, "\n")
}
