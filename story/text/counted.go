package text

import (
	"strconv"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
)

// Galleries copied from "In pictures" pages (the Guardian's, the BBC's,
// Reuters') count their photos: a line "1 / 12" over each photo's caption
// and credit. A count is the clearest break between photos the text has.

// counterRe matches a photo counter line: "1 / 12", "3/8", "2 of 10".
var counterRe = prose.LazyRegexp(`^(\d{1,4})\s*(?:/|of)\s*(\d{1,4})$`)

// counterLine returns the number and count of a counter line, or ok false.
func counterLine(line string) (n, of int, ok bool) {
	if len(line) > 12 || line == "" || line[0] < '0' || line[0] > '9' {
		return 0, 0, false
	}
	m := counterRe().FindStringSubmatch(line)
	if m == nil {
		return 0, 0, false
	}
	n, _ = strconv.Atoi(m[1])
	of, _ = strconv.Atoi(m[2])
	return n, of, n >= 1 && n <= of
}

// countsPhotos reports whether text counts its photos: two or more counter
// lines of one count, numbered upwards. A lone "1 / 2" is a pager's chrome.
func countsPhotos(text string) bool {
	last, count, seen := 0, 0, 0
	for line := range strings.SplitSeq(text, "\n") {
		n, of, ok := counterLine(strings.TrimSpace(line))
		if !ok {
			continue
		}
		if seen > 0 && (of != count || n <= last) {
			return false
		}
		last, count = n, of
		seen++
	}
	return seen >= 2
}

// buildCounted reads a gallery whose photos are counted: what comes before
// the first counter is the intro, and each counter starts a photo's
// section, its text the caption and its first credit line the picture's.
func buildCounted(s *story.Story, blocks []textBlock) {
	var intro []string
	var cur *story.Section
	for _, b := range blocks {
		switch {
		case b.kind == blockCounter:
			if cur != nil {
				s.AddSection(*cur)
			}
			cur = &story.Section{Pictures: []story.Picture{placeholder("", "")}}
		case cur == nil:
			intro = append(intro, escapeLines(b.text()))
		case b.kind == blockCredit && cur.Pictures[0].Credit == "":
			cur.Pictures[0].Credit = prose.CreditText(b.text())
		default:
			namedByCaption(cur, b.text())
			cur.Body = joinParas(cur.Body, escapeLines(b.text()))
		}
	}
	if cur != nil {
		s.AddSection(*cur)
	}
	s.Intro = strings.Join(intro, "\n\n")
}

// namedByCaption names a counted photo's section by its caption's first
// words, for the contents and the page's heading ("Picture 3" says
// nothing of the photo).
func namedByCaption(sec *story.Section, caption string) {
	if sec.Caption == "" {
		sec.Caption = prose.FirstWords(caption)
	}
}

// isCounter reports whether line is a photo counter.
func isCounter(line string) bool {
	_, _, ok := counterLine(line)
	return ok
}

// splitTrailingCredits splits a credit at the end of a paragraph off as a
// credit block of its own, as if it stood on the next line: one in
// brackets ("… the harvest season. (Photo: AFP)"), an agency's after the
// last sentence ("… December 1, 2026. REUTERS/Jane Doe") or a labelled
// one there, as the Guardian's copied galleries run it on ("… the high
// street. Photograph: Jane Doe/PA").
func splitTrailingCredits(blocks []textBlock) []textBlock {
	var out []textBlock
	for _, b := range blocks {
		if b.kind != blockPara {
			out = append(out, b)
			continue
		}
		last := b.lines[len(b.lines)-1]
		before, credit := trailingCredit(last)
		if credit == "" {
			out = append(out, b)
			continue
		}
		lines := append(b.lines[:len(b.lines)-1:len(b.lines)-1], before)
		out = append(out, textBlock{lines: lines}, textBlock{lines: []string{credit}, kind: blockCredit})
	}
	return out
}

// agencyCreditRe matches an agency's credit after a caption's last
// sentence, as Reuters signs its photos: "… 2026. REUTERS/Jane Doe".
var agencyCreditRe = prose.LazyRegexp(`^(.*[.!?"”’])\s+(REUTERS/\S.{0,60})$`)

// labelledCreditRe matches a labelled credit after a caption's last
// sentence: "… the high street. Photograph: Jane Doe/PA". The name is
// capitalised and holds no sentence's end, so a sentence about a
// photograph stays text.
var labelledCreditRe = prose.LazyRegexp(`^(.*[.!?"”’])\s+((?:Photograph|Photo|Picture|Image)s?:\s*\p{Lu}[^.!?]{0,60})$`)

// trailingCredit splits a line into its text and the credit at its end,
// or returns an empty credit.
func trailingCredit(line string) (before, credit string) {
	if open := strings.LastIndexByte(line, '('); open > 0 && strings.HasSuffix(line, ")") && prose.IsCreditLine(line[open:]) {
		if before = strings.TrimSpace(line[:open]); before != "" {
			return before, line[open:]
		}
	}
	if strings.Contains(line, "REUTERS/") {
		if m := agencyCreditRe().FindStringSubmatch(line); m != nil {
			return m[1], m[2]
		}
	}
	if strings.Contains(line, ": ") {
		if m := labelledCreditRe().FindStringSubmatch(line); m != nil && prose.IsCreditLine(m[2]) {
			return m[1], m[2]
		}
	}
	return line, ""
}
