package page

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The end's key hints break between keys, never between a key and what
// it does ("q" on one line and "quit" on the next at 44 columns).
func TestEndHintsBreakBetweenKeys(t *testing.T) {
	for _, w := range []int{20, 30, 40, 44, 60, 80} {
		for _, l := range endLines(w, NewStyles(true, true), false, ansi.WcWidth) {
			l = strings.TrimSpace(ansi.Strip(l))
			if strings.HasSuffix(l, " q") || strings.HasSuffix(l, " t") || strings.HasSuffix(l, " g") || l == "quit" {
				t.Errorf("at %d columns a key is parted from its word: %q", w, l)
			}
		}
	}
}
