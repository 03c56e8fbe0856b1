package web

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reeltui/reel/story/internal/prose"
	"golang.org/x/net/html"
)

// creditParaRe matches a paragraph that is only a picture's credit:
// "(Artist: 3ihard)", "Photo: Jan Berg".
var creditParaRe = prose.LazyRegexp(`(?i)^\(?\s*(?:artist|illustration|photo|photograph|picture|image|credit|source)s?\s*:\s*([^()]{1,80}?)\s*\)?\.?$`)

// creditsAfterFigures gives a figure with no credit the credit that the
// paragraph right after it is: Kotaku names each picture's artist so,
// "(Artist: 3ihard)", and the paragraph would name the next section.
func creditsAfterFigures(blocks []block) []block {
	out := blocks[:0]
	for i, b := range blocks {
		if i > 0 && b.kind == pieceText && len(out) > 0 && out[len(out)-1].kind == pieceFigure {
			pics := out[len(out)-1].fig.pics
			if m := creditParaRe().FindStringSubmatch(prose.UnescapeMarkdown(b.text)); m != nil && pics[len(pics)-1].Credit == "" {
				pics[len(pics)-1].Credit = m[1]
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

// siblingCaption returns the caption that follows a figure that has none
// inside it: a figcaption, or (as in Guardian photo essays) a list of one
// short item with no links.
func siblingCaption(fig *html.Node) *html.Node {
	if findFirst(fig, func(n *html.Node) bool { return isElement(n, "figcaption") }) != nil {
		return nil
	}
	next := nextElement(fig)
	switch {
	case next == nil:
		return nil
	case next.Data == "figcaption":
		return next
	case next.Data == "ul":
		var items []*html.Node
		for c := next.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				items = append(items, c)
			}
		}
		if len(items) == 1 && items[0].Data == "li" && findFirst(next, func(n *html.Node) bool { return isElement(n, "a") }) == nil {
			if t := textOf(next, nil); t != "" && utf8.RuneCountInString(t) <= 400 {
				return next
			}
		}
	}
	return nil
}

// captionClassRe marks an element that holds a picture's caption or
// credit.
var captionClassRe = prose.LazyRegexp(`(?i)caption|credit|attribution|photographer|courtesy`)

// boxCaption returns the caption that follows the box an image stands
// alone in (BuzzFeed's attribution after its image's div), when the
// caption's class names it one and it is short, with no link and no
// picture.
func boxCaption(img, root *html.Node) *html.Node {
	el := img
	for el.Parent != nil && el.Parent != root && soleContent(el) {
		el = el.Parent
	}
	next := nextElement(el)
	if next == nil || !captionClassRe().MatchString(attr(next, "class")) || findFirst(next, isImage) != nil ||
		findFirst(next, func(n *html.Node) bool { return isElement(n, "a") }) != nil {
		return nil
	}
	if t := textOf(next, nil); t == "" || utf8.RuneCountInString(t) > 400 {
		return nil
	}
	return next
}

// textCaption names a section of text by its first words: the whole line
// if it is short, else its first eight words and "…".
func textCaption(text string) string {
	words := strings.Fields(text)
	if len(words) > 10 {
		return strings.Join(words[:8], " ") + "…"
	}
	return strings.TrimSuffix(strings.Join(words, " "), ".")
}

// figureCaption is the caption of a section that a figure starts: the
// figure's caption if it is short, else its first words (the whole
// caption stays with the picture), else its alt text.
func figureCaption(f figure, n int) string {
	pic := f.pics[0]
	text := pic.Caption
	if text == "" {
		text = pic.Alt
	}
	if text == "" && pic.Video != "" {
		return "Video " + strconv.Itoa(n)
	}
	if text == "" {
		return "Picture " + strconv.Itoa(n)
	}
	if i := strings.Index(text, ". "); i > 0 && i < 80 {
		text = text[:i]
	}
	words := strings.Fields(text)
	if len(words) > 10 {
		return strings.Join(words[:8], " ") + "…"
	}
	return strings.TrimSuffix(text, ".")
}
