package export

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/reeltui/reel/story"
)

// piece is a stretch of a section's body, Markdown, and the pictures that
// stand after it.
type piece struct {
	text     string
	pictures []story.Picture
}

// refDefRe matches a Markdown link reference definition, "[ref]: url".
var refDefRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:[ \t]*\S.*$`) })

// orderedMarkerRe matches the marker of an ordered list item opening a
// text: its indent, number and delimiter.
var orderedMarkerRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^((?:[ \t]*\n)*[ \t]{0,3})[0-9]{1,9}([.)])`)
})

// pieces cuts a section's whole body (its last reveal step) where its
// pictures stand (story.Picture.At), as the reader draws them: each
// picture once, between the text before and after it. Every piece keeps
// the body's link reference definitions, so that a reference link still
// resolves wherever it falls.
func pieces(sec story.Section) []piece {
	body := sec.Body
	var out []piece
	start := 0
	for i := 0; i < len(sec.Pictures); {
		at := min(max(sec.Pictures[i].At, start), len(body))
		j := i + 1
		for j < len(sec.Pictures) && min(max(sec.Pictures[j].At, start), len(body)) == at {
			j++
		}
		out = append(out, piece{text: body[start:at], pictures: sec.Pictures[i:j]})
		start, i = at, j
	}
	out = append(out, piece{text: body[start:]})
	for i := 1; i < len(out); i++ {
		if n := out[i-1].pictures[0].ListResume; n > 0 {
			out[i].text = resumeList(out[i].text, n)
		}
	}
	if len(out) > 1 {
		if defs := refDefRe().FindAllString(body, -1); len(defs) > 0 {
			for i := range out {
				if strings.TrimSpace(out[i].text) != "" {
					out[i].text += "\n\n" + strings.Join(defs, "\n")
				}
			}
		}
	}
	return out
}

// resumeList numbers the ordered list item that opens text n: the rest of
// a list a picture split, which Markdown would otherwise number from the
// number its first item has in the source.
func resumeList(text string, n int) string {
	m := orderedMarkerRe().FindStringSubmatchIndex(text)
	if m == nil {
		return text
	}
	return text[:m[3]] + strconv.Itoa(n) + text[m[4]:]
}

// plainText drops what story text must never carry into an export:
// control characters other than tab and line breaks (the readers remove
// them already; an export does not rely on it).
func plainText(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	if r == '\t' || r == '\n' {
		return false
	}
	// Bidi overrides and isolates can reorder the text around them.
	if r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' {
		return true
	}
	return unicode.IsControl(r)
}

// direction is the writing direction of a story: "rtl" when its first
// strongly directional letter (in the title, else the intro or the first
// caption) is of a right-to-left script, "ltr" otherwise.
func direction(s *story.Story, secs []story.Section) string {
	texts := []string{s.Title, s.Intro}
	for _, sec := range secs {
		texts = append(texts, sec.Caption, sec.Body)
		for _, c := range sec.Columns {
			texts = append(texts, c.Parts...)
		}
	}
	for _, t := range texts {
		for _, r := range t {
			if rtlLetter(r) {
				return "rtl"
			}
			if unicode.IsLetter(r) {
				return "ltr"
			}
		}
	}
	return "ltr"
}

func rtlLetter(r rune) bool {
	return unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic, unicode.Adlam)
}
