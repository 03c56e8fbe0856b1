package web

import (
	"slices"
	"strings"
	"unicode"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"golang.org/x/net/html"
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
	if figures == 0 && headings == 0 {
		p.textSection(blocks)
		return
	}
	c := &sectionCutter{p: p, s: s}
	for _, b := range blocks {
		switch b.kind {
		case pieceHeading:
			c.heading(b)
		case pieceFigure:
			c.figure(b)
		case pieceText:
			if c.cur == nil {
				c.intro = append(c.intro, b.text)
			} else {
				c.body = append(c.body, b.text)
			}
		}
	}
	c.finish()
	s.Intro = strings.Join(c.intro, "\n\n")
}

// textSection makes a page with neither figures nor headings one section
// of text.
func (p *page) textSection(blocks []block) {
	s := p.s
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
}

// sectionCutter is the state of sections' walk over the blocks.
type sectionCutter struct {
	p         *page
	s         *story.Story
	intro     []string
	cur       *story.Section
	body      []string
	byHeading bool       // cur was started by a heading and has no picture yet
	box       *html.Node // the <section> element of cur's heading (block.box)
	unnamed   bool       // cur is named "Picture N": its picture has no words
}

// finish adds the section being read, if it holds anything.
func (c *sectionCutter) finish() {
	cur := c.cur
	if cur == nil {
		return
	}
	if c.unnamed && len(c.body) > 0 {
		// Its first words name it better than its number.
		cur.Caption = textCaption(prose.UnescapeMarkdown(c.body[0]))
	}
	cur.Body = strings.Join(c.body, "\n\n")
	for i := range cur.Pictures {
		cur.Pictures[i].At = min(cur.Pictures[i].At, len(cur.Body))
	}
	if cur.Body != "" || len(cur.Pictures) > 0 {
		c.s.AddSection(*cur)
	} else {
		c.p.drop("empty section", cur.Caption)
	}
	c.cur, c.body = nil, nil
}

// heading starts a section at a heading.
func (c *sectionCutter) heading(b block) {
	if sameLetters(b.text, c.s.Title) && c.cur == nil {
		return // the headline itself
	}
	var carried []story.Picture
	if c.cur != nil && c.unnamed && len(c.body) == 0 {
		// A picture with no words and no text of its own (Medium's
		// lead picture) opens the section the heading starts, which
		// still takes its own first figure.
		carried, c.cur = c.cur.Pictures, nil
	}
	c.finish()
	c.cur = &story.Section{Caption: b.text, Pictures: carried}
	c.byHeading, c.unnamed, c.box = true, false, b.box
}

// figure places a figure, in a section of its own unless a heading just
// started one with no picture yet.
func (c *sectionCutter) figure(b block) {
	if c.cur == nil || !c.byHeading && (b.box == nil || b.box != c.box) {
		// The text that leads to the figure moves with it, out of
		// the section before (the intro stays on the cover: it
		// comes before the picture there too).
		var lead []string
		if c.cur != nil && b.lead > 0 && b.lead <= len(c.body) {
			lead = slices.Clone(c.body[len(c.body)-b.lead:])
			c.body = c.body[:len(c.body)-b.lead]
		}
		c.finish()
		c.cur = &story.Section{Caption: figureCaption(b.fig, c.s.Len()+1)}
		c.body = lead
		c.unnamed = b.fig.pics[0].Caption == "" && b.fig.pics[0].Alt == ""
		c.box = nil
	}
	// The figure stands where the next paragraph will start
	// (Picture.At): after the text its heading led to, not
	// above it. A figure's own section opens with it.
	at := 0
	for _, t := range c.body {
		at += len(t) + len("\n\n")
	}
	for _, pic := range b.fig.pics {
		pic.At = at
		c.cur.Pictures = append(c.cur.Pictures, pic)
	}
	c.byHeading = false
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
