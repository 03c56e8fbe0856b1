package story

import (
	"strings"
	"testing"
)

// TestOneLine checks that OneLine folds white space as Fields and Join
// would, whether or not its input needed folding.
func TestOneLine(t *testing.T) {
	for _, in := range []string{
		"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u0085b", "a\u2003b", "a \u00a0b",
		"Photograph: Agency", "‘He defended our honour’: Ukraine", "x\u3000y", " \u00a0 ", "a\x1bb", "\xffa b",
	} {
		want := strings.Join(strings.Fields(Clean(in)), " ")
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
}
