// Package text reads plain-text galleries: a news gallery copied from a
// web page as text, its kicker, byline and date, then captions, credits and
// the paragraphs under them.
package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
)

// Patterns of the plain-text gallery format: a kicker ("In Pics:"), bylines
// and dates, a lead-in, captions over one or more paragraphs, and credits.
// They are compiled on first use: a Markdown story never needs them, and
// compiling them all took 2 ms of every start.
var (
	kickerRe    = prose.LazyRegexp(`(?i)^(in pics|in pictures|in photos|in images|photos|pics|pictures|gallery|photo gallery|photo story|watch|तस्वीरों में|फोटो गैलरी|写真で見る|图集|组图|بالصور)\s*[-–—:|：]\s*(\S.*)$`)
	bylineRe    = prose.LazyRegexp(`(?i)^(?:by|written by|reported by|words by)\s*:?\s+(\S.{1,80})$`)
	datedRe     = prose.LazyRegexp(`(?i)^(?:updated|published|first published|last updated|posted|last modified)\s*(?:on|at)?\s*:?\s*(\d.*|\S.*\d.*)$`)
	dateRe      = prose.LazyRegexp(`(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b.{0,30}$|^\d{4}-\d{2}-\d{2}\b.{0,30}$|^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}\b.{0,30}$`)
	authorSepRe = prose.LazyRegexp(`\s*(?:,|\band\b|&|\|)\s*`)
)

// Sentence terminators, including those of scripts without letter case.
const terminators = ".,;:!?…。！？।॥؟۔"

type blockKind int

const (
	blockPara blockKind = iota
	blockCaption
	blockCredit
	blockCounter // a photo counter ("1 / 12") of a counted gallery
)

type textBlock struct {
	lines []string
	kind  blockKind
}

func (b textBlock) text() string { return joinLines(b.lines) }

// Parse reads a plain-text gallery copied from a web page.
func Parse(s *story.Story, text string) {
	parse(s, text)
	s.KeepLineBreaks = keptBreaks(s)
}

// parse reads the text into s as a counted gallery, a captioned one, one
// without captions, or prose, whichever the text shows it is.
func parse(s *story.Story, text string) {
	blocks := textBlocks(s, text)
	blocks = takeHeader(s, blocks)
	if slices.ContainsFunc(blocks, func(b textBlock) bool { return b.kind == blockCounter }) {
		buildCounted(s, blocks)
		return
	}

	// Strict captions first; only a gallery that has some also takes
	// captions that end with a period or a question mark.
	strict := make([]bool, len(blocks))
	captioned := false
	for i := range blocks {
		strict[i] = isCaptionBlock(blocks, i, false)
		captioned = captioned || strict[i]
	}
	for i := range blocks {
		// A loose caption never heads a strict one: "Intro." over a
		// caption is the intro's last line.
		loose := captioned && !(i+1 < len(blocks) && strict[i+1]) && isCaptionBlock(blocks, i, true)
		if strict[i] || loose {
			blocks[i].kind = blockCaption
		}
	}

	gallery := s.Kicker != "" || hasGallerySigns(blocks)
	switch {
	case captioned:
		gallery = gallery || captionsLikeGallery(blocks)
	case gallery:
		buildUncaptioned(s, blocks)
		return
	default:
		buildProse(s, blocks)
		return
	}
	var intro []string
	var cur *story.Section
	for _, b := range blocks {
		switch {
		case b.kind == blockCaption:
			if cur != nil {
				s.AddSection(*cur)
			}
			cur = &story.Section{Caption: b.text()}
			if gallery {
				cur.Pictures = []story.Picture{placeholder(b.text(), "")}
			}
		case b.kind == blockCredit && cur != nil && len(cur.Pictures) > 0 && cur.Pictures[0].Credit == "":
			cur.Pictures[0].Credit = prose.CreditText(b.text())
		case cur != nil:
			cur.Body = joinParas(cur.Body, escapeLines(b.text()))
		default:
			intro = append(intro, escapeLines(b.text()))
		}
	}
	if cur != nil {
		s.AddSection(*cur)
	}
	s.Intro = strings.Join(intro, "\n\n")
}

// galleryWords is the most words a captioned gallery's sections hold on
// average: a picture's caption tells a paragraph or two, where a
// document's headings head pages of text.
const galleryWords = 150

// captionsLikeGallery reports whether the captions of text with no other
// gallery signs still read as a gallery's: two or more, over short
// sections.
func captionsLikeGallery(blocks []textBlock) bool {
	captions, words := 0, 0
	for _, b := range blocks {
		switch {
		case b.kind == blockCaption:
			captions++
		case captions > 0:
			for _, l := range b.lines {
				words += countWords(l, galleryWords*len(blocks))
			}
		}
	}
	return captions >= 2 && words <= galleryWords*captions
}

// placeholder stands for a picture that the text left out.
func placeholder(caption, credit string) story.Picture {
	return story.Picture{Caption: caption, Credit: credit, Placeholder: true}
}

// buildUncaptioned reads a gallery with no caption lines: the intro runs
// to a lead-in line ("See the pictures:") or is the first paragraph, and
// every later paragraph is a section of its own, with the credit line
// that follows it.
func buildUncaptioned(s *story.Story, blocks []textBlock) {
	type item struct {
		text, credit string
		more         []string // rules ("---") that follow the paragraph
	}
	var items []item
	for _, b := range blocks {
		if b.kind == blockCredit && len(items) > 0 && items[len(items)-1].credit == "" {
			items[len(items)-1].credit = prose.CreditText(b.text())
			continue
		}
		if len(items) > 0 && isRule(b.text()) {
			// A separator stood for no picture: it stays with the
			// paragraph before it.
			items[len(items)-1].more = append(items[len(items)-1].more, escapeLines(b.text()))
			continue
		}
		items = append(items, item{text: b.text()})
	}
	introEnd := min(1, len(items))
	if len(items) > 0 && items[0].credit != "" {
		introEnd = 0 // a photo's caption with its credit, not the intro
	}
	for i, it := range items {
		if i+1 < len(items) && isLeadIn(it.text) {
			introEnd = i + 1
			break
		}
	}
	var intro []string
	for _, it := range items[:introEnd] {
		intro = append(intro, escapeLines(it.text))
		intro = append(intro, it.more...)
		if it.credit != "" {
			intro = append(intro, escapeLines(it.credit))
		}
	}
	s.Intro = strings.Join(intro, "\n\n")
	for _, it := range items[introEnd:] {
		body := strings.Join(append([]string{escapeLines(it.text)}, it.more...), "\n\n")
		// No caption to name the photo by: its first words name it in the
		// contents, where its number alone could not be found by a filter.
		s.AddSection(story.Section{Body: body, Lead: prose.FirstWords(it.text), Pictures: []story.Picture{placeholder("", it.credit)}})
	}
}

// isRule reports whether a paragraph is only a separator, such as "---"
// or "* * *": no letter or digit in it.
func isRule(text string) bool {
	return !strings.ContainsFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// hasGallerySigns reports whether text with no caption lines still shows
// that it was copied from a gallery: a credit line, or a lead-in that
// speaks of pictures ("Let's check out some pictures:").
func hasGallerySigns(blocks []textBlock) bool {
	for i, b := range blocks {
		if b.kind == blockCredit || (i+1 < len(blocks) && isPictureLeadIn(b.text())) {
			return true
		}
	}
	return false
}

// pictureWords are the words a gallery's lead-in uses, lower-cased.
var pictureWords = []string{"picture", "photo", "pics", "image", "gallery", "snapshot", "glimpse", "look", "तस्वीर", "फोटो", "写真", "图", "صور"}

// isPictureLeadIn reports whether a paragraph is a lead-in that announces
// pictures, as galleries have and notes do not.
func isPictureLeadIn(text string) bool {
	if !isLeadIn(text) {
		return false
	}
	lower := strings.ToLower(text)
	for _, w := range pictureWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// proseWords is about how many words the cover of prose holds: a
// screenful at 80 columns under the title. sectionWords is a section's
// reading size: a few screens at 80 columns, which the page scrolls
// through, and about one at 160. Both count words, never rows, so the
// sections (and --start, resume and the contents) stay put whatever the
// window's size.
const (
	proseWords   = 160
	sectionWords = 450
)

// buildProse reads text that shows no sign of being a gallery: a note, an
// essay, a README. It is prose and reads as prose: the first paragraphs
// are the cover's text, and the rest is grouped into pages of whole
// paragraphs, with no pictures, since the text never stood for any.
func buildProse(s *story.Story, blocks []textBlock) {
	var page []string
	var first string // the page's first paragraph, as text
	words := 0
	flush := func() {
		if len(page) == 0 {
			return
		}
		body := strings.Join(page, "\n\n")
		if s.Intro == "" && s.Len() == 0 {
			s.Intro = body
		} else {
			s.AddSection(story.Section{Caption: prose.FirstWords(first), Body: body})
		}
		page, words = nil, 0
	}
	for _, b := range blocks {
		text := b.text()
		n := countWords(text, sectionWords+1)
		limit := sectionWords
		if s.Intro == "" && s.Len() == 0 {
			limit = proseWords
		}
		if len(page) > 0 && words+n > limit {
			flush()
		}
		if len(page) == 0 {
			first = text
		}
		page = append(page, escapeLines(text))
		words += n
	}
	flush()
}

// isLeadIn reports whether a paragraph is a lead-in such as "Let's check
// out some pictures:", which ends a gallery's intro.
func isLeadIn(text string) bool {
	return strings.HasSuffix(text, ":") && len(strings.Fields(text)) <= 12
}

// textBlocks splits text into blocks of lines separated by blank lines,
// with page chrome dropped and credit lines, bylines and captions run into
// a paragraph split off as blocks of their own.
func textBlocks(s *story.Story, text string) []textBlock {
	var blocks []textBlock
	var lines []string
	counted := countsPhotos(text)
	labelled := labelsPhotos(text)
	captionNext := false // a labelled photo's caption is the next line
	flush := func() {
		if len(lines) > 0 {
			blocks = append(blocks, splitBlock(lines)...)
			lines = nil
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		credit, source := imageSource(line)
		caption, captioned := captionLabel(line)
		switch {
		case line == "":
			flush()
		case counted && isCounter(line):
			flush()
			blocks = append(blocks, textBlock{lines: []string{line}, kind: blockCounter})
		case labelled && source:
			flush()
			blocks = append(blocks, photoBlocks(line, credit)...)
		case labelled && captioned:
			// The caption is a block of its own, not the first line of
			// the text that follows it with no blank line between.
			flush()
			captionNext = caption == ""
			if caption != "" {
				blocks = append(blocks, textBlock{lines: []string{caption}})
			}
		case captionNext:
			captionNext = false
			blocks = append(blocks, textBlock{lines: []string{line}})
		case prose.IsChromeLine(line) || (labelled && isLabelledChrome(line)):
			s.Dropped = append(s.Dropped, story.Dropped{Kind: "chrome", Text: line})
			flush()
		default:
			lines = append(lines, line)
		}
	}
	flush()
	return blocks
}

// splitBlock separates lines that stand alone although no blank line
// parts them from their neighbours: credit lines, and a short first line
// (a caption or title) over a hard-wrapped or long paragraph.
func splitBlock(lines []string) []textBlock {
	var out []textBlock
	var cur []string
	for _, l := range lines {
		if prose.IsCreditLine(l) {
			if len(cur) > 0 {
				out = append(out, textBlock{lines: cur})
				cur = nil
			}
			out = append(out, textBlock{lines: []string{l}, kind: blockCredit})
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		out = append(out, textBlock{lines: cur})
	}
	out = splitTrailingCredits(out)
	if len(out) > 0 && len(out[0].lines) > 1 && out[0].kind == blockPara {
		first, rest := out[0].lines[0], out[0].lines[1:]
		longest := 0
		for _, l := range rest {
			longest = max(longest, utf8.RuneCountInString(l))
		}
		if captionLike(first, false) && utf8.RuneCountInString(first)*10 <= longest*6 {
			head := []textBlock{{lines: []string{first}}, {lines: rest}}
			out = append(head, out[1:]...)
		}
	}
	return out
}

func joinParas(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n\n" + b
}
