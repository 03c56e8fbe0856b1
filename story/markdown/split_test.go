package markdown_test

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/reeltui/reel/story/markdown"
)

// TestSplitterAgreesOnLineSoup compares the splitter with goldmark on
// random documents made of lines that open, continue and close CommonMark
// blocks: lists, quotes, fences, HTML blocks, tables, link reference
// definitions. (Run with more documents, three million found nothing.)
func TestSplitterAgreesOnLineSoup(t *testing.T) {
	vocab := []string{"", "", "a", "b c", "---", "***", "___", "===", "- a", "-", "* b", "+ c", "1. a", "2) b", "1.", "> q", ">", "> ---", "  - x", "   ---",
		"    code", "\tcode", "```", "~~~", "````", "``` x`", "<!--", "-->", "<!-- end_slide -->", "<!X", ">", "<?", "?>", "<![CDATA[", "]]>",
		"<div>", "</div>", "<a href=\"x\">", "<span>", "<script>", "</script>", "<pre>", "# h", "## h", "#", "[a]: /u", "[a]:", "/u", "\"t\"",
		"a|b", "-|-", "|---|", ":-:", "  a", "   b", " > c", "- - -", "-  a", "10. x", "  ```", "- ```", "> ```", "- <!--", "  >", "--", "- # h", "a\r", "---\r", "  ===", "=", "- [a]: /u"}
	r := rand.New(rand.NewSource(1))
	fails := 0
	for i := 0; i < 5000 && fails < 10; i++ {
		n := 1 + r.Intn(8)
		var b strings.Builder
		for j := 0; j < n; j++ {
			b.WriteString(vocab[r.Intn(len(vocab))])
			if j < n-1 || r.Intn(2) == 0 {
				b.WriteByte('\n')
			}
		}
		src := b.String()
		if got, want := markdown.SplitterLines(src), goldmarkLines(src); got != want {
			t.Errorf("%q:\nsplitter: %s\ngoldmark: %s", src, got, want)
			fails++
		}
	}
}
