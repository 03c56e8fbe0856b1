package export

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// TestColumnsAreExported: a presenterm column layout, which the reader
// draws side by side, loses none of its words in any export.
func TestColumnsAreExported(t *testing.T) {
	deck := "# Deck\n\n## Two sides\n\nBefore the columns.\n\n<!-- column_layout: [1, 2] -->\n\n<!-- column: 0 -->\n\nLeft words here.\n\n<!-- column: 1 -->\n\nRight words there.\n\n<!-- reset_layout -->\n\nAfter the columns.\n"
	s, err := read.Parse([]byte(deck), story.Options{Format: story.FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Section(0).Columns) == 0 {
		t.Fatal("the deck's layout was not read as columns")
	}
	for _, f := range []Format{FormatHTML, FormatMarkdown} {
		var out bytes.Buffer
		if err := Write(context.Background(), &out, s, Options{Format: f}); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		last := -1
		for _, w := range []string{"Before the columns.", "Left words here.", "Right words there.", "After the columns."} {
			i := strings.Index(got, w)
			if i < 0 || i < last {
				t.Errorf("%v: %q missing or out of order", f, w)
			}
			last = i
		}
	}
}
