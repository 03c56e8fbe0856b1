package story

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"
)

var benchSizes = []int{10, 1000, 10000}

var benchSentences = []string{
	"Commuters haul a burned-out bus in Manila amid heavy rain.",
	"Prices at the market have risen sharply since the spring.",
	"Local residents say the tradition dates back centuries.",
	"Forecasters expect calmer weather later in the week.",
	"Many of those taking part travelled overnight to be there.",
}

// genStory writes a synthetic story of n sections, about 220 bytes each,
// in the shape of the benchmark generator's: caption, paragraph, picture.
func genStory(n int, markdown bool) []byte {
	var b strings.Builder
	if !markdown {
		fmt.Fprintf(&b, "In Pics: A synthetic week in %d photographs\n\nBy the Bench Desk, 1 January 2025\n\nThese pictures were generated for benchmarking.\n\n", n)
	}
	for i := 1; i <= n; i++ {
		body := fmt.Sprintf("SLIDE-%06d %s %s", i, benchSentences[i%5], benchSentences[(i+2)%5])
		if markdown {
			fmt.Fprintf(&b, "## Caption %d\n\n%s\n\n![alt text %d](img/%d.jpg)\n\n---\n\n", i, body, i, i)
		} else {
			fmt.Fprintf(&b, "Dancers carry a flooded square %d\n\n%s\n\n", i, body)
		}
	}
	return []byte(b.String())
}

func benchParse(b *testing.B, markdown bool, all bool) {
	for _, n := range benchSizes {
		data := string(genStory(n, markdown)) // as ReadText returns it
		name := "story.txt"
		if markdown {
			name = "story.md"
		}
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				s, err := ParseText(data, Options{Name: name})
				if err != nil || s.Len() != n {
					b.Fatalf("parse: %v, %d sections", err, s.Len())
				}
				if all {
					s.Sections()
				} else {
					s.Section(0)
				}
			}
		})
	}
}

// BenchmarkParseText parses plain-text galleries whole.
func BenchmarkParseText(b *testing.B) { benchParse(b, false, true) }

// BenchmarkParseMarkdown parses Markdown decks whole, every section.
func BenchmarkParseMarkdown(b *testing.B) { benchParse(b, true, true) }

// BenchmarkFirstSection is what the reader waits for before its first
// page: the split, and the first section parsed.
func BenchmarkFirstSection(b *testing.B) { benchParse(b, true, false) }

// BenchmarkGoldmark is the floor: goldmark alone parsing the same decks.
func BenchmarkGoldmark(b *testing.B) {
	md := newMarkdown()
	for _, n := range benchSizes {
		data := genStory(n, true)
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				md.Parser().Parse(text.NewReader(data))
			}
		})
	}
}

// adversarial are inputs known to make Markdown and text parsers slow:
// unclosed comments, duplicate headings, deep nesting, long runs of
// brackets and emphasis, and one endless line.
var adversarial = map[string]string{
	"unclosed-comments":  "text <!-- x\n\n",
	"duplicate-headings": "# same\n\n",
	"nested-quotes":      "> > > > > > > > > > > > > > > > a\n",
	"brackets":           "[[[[[[[[[[ ![![![ **_**_**_ `` ",
	"breaks-and-fences":  "---\n```\n~~~\n",
	"caption-like-lines": "Short line\n",
}

// BenchmarkAdversarial parses each adversarial pattern repeated to 10
// and 100 KB: time per byte should not grow with size.
func BenchmarkAdversarial(b *testing.B) {
	for name, unit := range adversarial {
		for _, size := range []int{10 << 10, 100 << 10} {
			data := []byte(strings.Repeat(unit, size/len(unit)))
			for _, format := range []Format{FormatMarkdown, FormatText} {
				b.Run(fmt.Sprintf("%s/%s/%dKB", name, format, size>>10), func(b *testing.B) {
					b.SetBytes(int64(len(data)))
					for b.Loop() {
						s, err := Parse(data, Options{Format: format})
						if err != nil {
							b.Fatal(err)
						}
						s.Sections()
					}
				})
			}
		}
	}
}

// BenchmarkSplit is the split alone.
func BenchmarkSplit(b *testing.B) {
	for _, n := range benchSizes {
		src := string(genStory(n, true))
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				splitDeck(src, false)
			}
		})
	}
}
