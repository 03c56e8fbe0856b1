package page

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/reeltui/reel/story"
)

// pageHeading is the heading a section's page draws: its caption, whole
// where story shortened it from the first picture's caption, and none
// ("", false) where the caption only repeats the first words of the body
// below it. The contents and status bar keep the caption as it is.
func pageHeading(sec story.Section, n int) (string, bool) {
	caption := sec.Caption
	if caption == "" {
		return fmt.Sprintf("Picture %d", n), true
	}
	if repeatsBody(caption, sec.Body) {
		return "", false
	}
	if whole, ok := wholePictureCaption(caption, sec.Pictures); ok {
		return whole, true
	}
	return caption, true
}

// shortHeading is the most letters of a heading of one or two words, long
// ones included ("Internationalisation strategies").
const shortHeading = 32

// oneSpaced is s with every run of white space one space.
func oneSpaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// repeatsBody reports whether a caption is the body's first words, as
// story derives a caption for a page that has none. A short caption of
// one or two words whole (a deck's "## Intro" over "Intro to ...") is a
// heading of its own; two "words" of Chinese, which parts its words with
// no spaces, may be a whole line.
func repeatsBody(caption, body string) bool {
	stem, cut := strings.CutSuffix(oneSpaced(caption), "…")
	if stem == "" {
		return false
	}
	// A caption that is the whole first paragraph says it again, however
	// short ("Short one." over "Short one.").
	first, _, _ := strings.Cut(strings.TrimSpace(body), "\n\n")
	if !cut && strings.TrimSuffix(oneSpaced(unescapeMarkdown(first)), ".") == strings.TrimSuffix(stem, ".") {
		return true
	}
	if !cut && len(strings.Fields(stem)) < 3 && utf8.RuneCountInString(stem) <= shortHeading {
		return false
	}
	text := oneSpaced(unescapeMarkdown(body))
	rest, ok := strings.CutPrefix(text, stem)
	// Whole words: a cut caption may end inside a long word.
	return ok && (cut || rest == "" || rest[0] == ' ')
}

// wholePictureCaption is the caption story cut short ("… fighting for…")
// from the first picture's caption, given back whole to its sentence's
// end: a page has the room, and a cut word reads as a mistake.
func wholePictureCaption(caption string, pics []story.Picture) (string, bool) {
	stem, cut := strings.CutSuffix(oneSpaced(caption), "…")
	if !cut || stem == "" || len(pics) == 0 {
		return "", false
	}
	src := pics[0].Caption
	if src == "" {
		src = pics[0].Alt
	}
	src = oneSpaced(src)
	if !strings.HasPrefix(src, stem) {
		return "", false
	}
	if i := strings.Index(src[len(stem):], ". "); i >= 0 {
		src = src[:len(stem)+i]
	}
	return strings.TrimSuffix(src, "."), true
}
