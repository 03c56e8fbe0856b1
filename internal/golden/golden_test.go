package golden

import (
	"strings"
	"testing"
)

func TestDiffShowsOnlyTheChange(t *testing.T) {
	want := strings.Repeat("same line\n", 30) + "old line\n" + strings.Repeat("tail\n", 30)
	got := strings.Replace(want, "old line", "new line", 1)
	d := Diff(want, got)
	if !strings.Contains(d, "-old line") || !strings.Contains(d, "+new line") {
		t.Fatalf("diff lacks the changed line:\n%s", d)
	}
	if n := strings.Count(d, "same line"); n > 3 {
		t.Errorf("diff repeats %d unchanged lines; want at most 3 of context:\n%s", n, d)
	}
	if Diff(want, want) != "" {
		t.Errorf("equal texts have a diff")
	}
}

func TestDiffQuotesEscapes(t *testing.T) {
	d := Diff("\x1b[1mbold\x1b[m", "\x1b[3mbold\x1b[m")
	if strings.Contains(d, "\x1b") || !strings.Contains(d, `\x1b[1m`) || !strings.Contains(d, `\x1b[3m`) {
		t.Errorf("escapes should be quoted in the diff:\n%q", d)
	}
}
