package export

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// A feed's items keep their links in every export, as print lists them:
// the item's own page is where it is read in full. A link that may not
// be followed (javascript:) is left out.
func TestExportsKeepFeedItemLinks(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Pictures of the day</title><link>https://news.example/</link>
<description>The day in pictures.</description>
<item><title>Boats in the harbour</title><link>https://news.example/items/boats</link><description>Boats wait out the storm.</description></item>
<item><title>A bad link</title><link>javascript:alert(1)</link><description>Its link is no page.</description></item>
</channel></rss>`
	s, err := read.Parse([]byte(feed), story.Options{Name: "day.xml"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{FormatHTML, FormatMarkdown, FormatPDF} {
		var text string
		if f == FormatPDF {
			out := filepath.Join(t.TempDir(), "out.pdf")
			if err := WriteFile(t.Context(), out, s, Options{Format: FormatPDF}); err != nil {
				t.Fatal(err)
			}
			text = poppler(t, "pdftotext", out, "-")
		} else {
			text = exportString(t, s, Options{Format: f, Origin: picture.Origin{Dir: t.TempDir()}})
		}
		if !strings.Contains(text, "https://news.example/items/boats") {
			t.Errorf("format %v has no item link:\n%.1500s", f, text)
		}
		if strings.Contains(text, "javascript:") {
			t.Errorf("format %v kept a javascript: link", f)
		}
	}
}
