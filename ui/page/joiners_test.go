package page

import (
	"strings"
	"testing"
)

// Printed to a file, text keeps its zero-width joiners: they are text
// (a family emoji, a Devanagari half form), and no terminal draws a file.
// On a terminal that counts by wcwidth they go (TestUnjoinedEmojiMeasureAlike).
func TestPrintToAFileKeepsJoiners(t *testing.T) {
	s := parseStory(t, "deck.md", "# Family\n\n## One\n\nThe family 👨\u200d👩\u200d👧 and क्\u200dष stay whole.\n")
	var b strings.Builder
	if err := Print(&b, s, PrintOptions{Width: 60}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "👨\u200d👩\u200d👧") || !strings.Contains(b.String(), "क्\u200dष") {
		t.Errorf("print to a file dropped the joiners:\n%q", b.String())
	}
	b.Reset()
	if err := Print(&b, s, PrintOptions{Width: 60, Theme: ThemeDark}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "\u200d") {
		t.Errorf("print to a wcwidth terminal kept a joiner")
	}
}
