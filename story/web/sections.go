package web

import (
	"slices"
	"strings"
	"unicode"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
)

// sections cuts the blocks into the story's intro and sections. A
// heading starts a section, and so does each story figure, unless the
// section a heading just started has no picture yet: that way a gallery
// of figures gives one section per picture, and a step-by-step article
// one per step. A figure stands in its section where it stood among the
// paragraphs (Picture.At): below the text of a step that shows its
// picture last. A figure that ends a box of its own (a step, a slide)
// takes the text before it in that box, as eHow shows each step's text
// above its picture. Text before the first of them is the intro. A page with
// neither is one section of text.
func (p *page) sections(blocks []block) {
	s := p.s
	figures, headings := 0, 0
	for _, b := range blocks {
		switch b.kind {
		case pieceFigure:
			figures++
		case pieceHeading:
			if !sameLetters(b.text, s.Title) {
				headings++
			}
		}
	}
	var intro []string
	var cur *story.Section
	var body []string
	byHeading := false // cur was started by a heading and has no picture yet
	unnamed := false   // cur is named "Picture N": its picture has no words
	finish := func() {
		if cur == nil {
			return
		}
		if unnamed && len(body) > 0 {
			// Its first words name it better than its number.
			cur.Caption = textCaption(prose.UnescapeMarkdown(body[0]))
		}
		cur.Body = strings.Join(body, "\n\n")
		for i := range cur.Pictures {
			cur.Pictures[i].At = min(cur.Pictures[i].At, len(cur.Body))
		}
		if cur.Body != "" || len(cur.Pictures) > 0 {
			s.AddSection(*cur)
		} else {
			p.drop("empty section", cur.Caption)
		}
		cur, body = nil, nil
	}
	if figures == 0 && headings == 0 {
		var text []string
		for _, b := range blocks {
			if b.kind == pieceHeading && sameLetters(b.text, s.Title) {
				continue // the headline itself, on the cover
			}
			text = append(text, b.text)
		}
		if len(text) > 0 {
			// The cover already shows the title: the section is named
			// by its first words, as a figure's section is by its caption.
			caption := textCaption(prose.UnescapeMarkdown(text[0]))
			s.AddSection(story.Section{Caption: caption, Body: strings.Join(text, "\n\n")})
		}
		return
	}
	for _, b := range blocks {
		switch b.kind {
		case pieceHeading:
			if sameLetters(b.text, s.Title) && cur == nil {
				continue // the headline itself
			}
			var carried []story.Picture
			if cur != nil && unnamed && len(body) == 0 {
				// A picture with no words and no text of its own (Medium's
				// lead picture) opens the section the heading starts, which
				// still takes its own first figure.
				carried, cur = cur.Pictures, nil
			}
			finish()
			cur = &story.Section{Caption: b.text, Pictures: carried}
			byHeading, unnamed = true, false
		case pieceFigure:
			if cur == nil || !byHeading {
				// The text that leads to the figure moves with it, out of
				// the section before (the intro stays on the cover: it
				// comes before the picture there too).
				var lead []string
				if cur != nil && b.lead > 0 && b.lead <= len(body) {
					lead = slices.Clone(body[len(body)-b.lead:])
					body = body[:len(body)-b.lead]
				}
				finish()
				cur = &story.Section{Caption: figureCaption(b.fig, s.Len()+1)}
				body = lead
				unnamed = b.fig.pics[0].Caption == "" && b.fig.pics[0].Alt == ""
			}
			// The figure stands where the next paragraph will start
			// (Picture.At): after the text its heading led to, not
			// above it. A figure's own section opens with it.
			at := 0
			for _, t := range body {
				at += len(t) + len("\n\n")
			}
			for _, pic := range b.fig.pics {
				pic.At = at
				cur.Pictures = append(cur.Pictures, pic)
			}
			byHeading = false
		case pieceText:
			if cur == nil {
				intro = append(intro, b.text)
			} else {
				body = append(body, b.text)
			}
		}
	}
	finish()
	s.Intro = strings.Join(intro, "\n\n")
}

// sameLetters reports whether a and b have the same letters and digits,
// whatever their case, quotes, dashes and spaces: a page's headline and
// its title often differ in those only ("Burned" and “Burned”).
func sameLetters(a, b string) bool {
	la := letters(a)
	return la != "" && la == letters(b)
}

// letters is s's letters and digits, in lower case, for comparing texts
// that differ in case, quotes, dashes and spaces only.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}
