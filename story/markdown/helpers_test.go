package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
)

// strongest keeps the marks of the kind that splits the deck: end_slide
// comments, else thematic breaks, else headings.
func strongest(marks []mark) []mark {
	for _, kind := range []lineKind{lineEndSlide, lineBreak, lineHeading} {
		var out []mark
		for _, m := range marks {
			if m.kind == kind {
				out = append(out, m)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// checkMarks fails the test if the splitter's marks are out of src or out
// of order.
func checkMarks(t *testing.T, src string) {
	t.Helper()
	last := -1
	for _, m := range scanMarks(src) {
		if m.start < 0 || m.end > len(src) || m.start >= m.end || m.start < last {
			t.Fatalf("bad mark %+v in %d bytes", m, len(src))
		}
		last = m.start
	}
}

// splitterLines lists the splitter's marks as goldmarkLines does.
func splitterLines(src string) string {
	var b strings.Builder
	for _, m := range scanMarks(src) {
		line := strings.Count(src[:m.start], "\n") + 1
		switch m.kind {
		case lineBreak:
			fmt.Fprintf(&b, "break@%d ", line)
		case lineHeading:
			fmt.Fprintf(&b, "h%d@%d ", m.level, line)
		case lineEndSlide:
			fmt.Fprintf(&b, "end_slide@%d ", line)
		}
	}
	return b.String()
}

// parseWholeDeck reads every slide of a Markdown story from one parse of
// its whole deck.
func parseWholeDeck(s *story.Story) {
	d := s.Lazy().(*deck)
	d.parseWhole(d.secs)
}
