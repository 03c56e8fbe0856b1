// Package markdown reads Markdown decks (slides split at thematic breaks,
// end_slide comments or headings, with mdp and front-matter metadata),
// parsing each slide on demand with goldmark.
package markdown

import (
	"strings"
	"sync"

	"github.com/reeltui/reel/story"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// newMarkdown returns the goldmark instance the parser uses: CommonMark
// with GitHub's tables and strikethrough, as Glamour renders them.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
}

// sharedMarkdown is made once: goldmark's parser keeps every parse's state
// in that parse's context, so one instance serves every story and
// goroutine (the race detector runs over the parallel parse in the tests).
var sharedMarkdown = sync.OnceValue(newMarkdown)

// Parse reads a Markdown deck. Only the split is done now; each
// slide is parsed by goldmark when it is first asked for.
func Parse(s *story.Story, src string) { readDeck(s, src) }

// readDeck is Parse, returning the deck that parses the slides.
func readDeck(s *story.Story, src string) *deck {
	src = defuseReferences(src)
	src = readFrontMatter(s, src)
	src = readMdpMeta(s, src)
	src, notes := takeFootnotes(src)

	mode, pre, title, chunks := splitDeck(src, s.Title != "")
	s.FormatReason += "; slides split at " + mode

	md := sharedMarkdown()

	if title != "" {
		// A top heading that occurs once titles the story.
		sec, _ := parseSlide(md, title)
		coverPictures(s, sec.Pictures)
		if s.Title == "" {
			s.Title = sec.Caption
		} else if s.Subtitle == "" && sec.Caption != s.Title {
			s.Subtitle = sec.Caption
		}
	}
	if strings.TrimSpace(pre) != "" {
		sec, level := parseSlide(md, pre)
		coverPictures(s, sec.Pictures)
		s.Intro = sec.Body
		s.Dropped = append(s.Dropped, sec.Dropped...)
		if level > 0 {
			s.Intro = strings.TrimSpace("**" + story.EscapeMarkdown(sec.Caption) + "**\n\n" + sec.Body)
		}
	}
	var secs []*story.Section
	if len(chunks) > 0 && !strings.HasPrefix(mode, "headings") {
		// A first slide that is only a title (and perhaps a few words
		// under it) is the cover.
		first, level := parseSlide(md, src[chunks[0].start:chunks[0].end])
		if level == 1 && len(first.Pictures) == 0 && (s.Title == "" || s.Title == first.Caption) {
			s.Title = first.Caption
			s.Intro = first.Body
			s.Dropped = append(s.Dropped, first.Dropped...)
			chunks = chunks[1:]
		} else {
			// Not the cover: the first section, already parsed.
			footnotePage(&first, notes)
			secs = make([]*story.Section, len(chunks))
			secs[0] = &first
		}
	}
	if secs == nil {
		secs = make([]*story.Section, len(chunks))
	}
	intro := story.Section{Body: s.Intro}
	footnotePage(&intro, notes)
	s.Intro = intro.Body
	d := &deck{src: src, md: md, chunks: chunks, secs: secs, notes: notes}
	s.SetLazy(d, secs)
	return d
}

// coverPictures puts the first picture before the first section (a
// README's logo, a centred <p><img></p>) on the cover, alt text and all;
// the cover holds one, and --debug lists the others.
func coverPictures(s *story.Story, pics []story.Picture) {
	for _, p := range pics {
		if s.Poster.Source == "" {
			p.At = 0
			s.Poster = p
			continue
		}
		what := p.Source
		if p.Alt != "" {
			what = p.Alt + " (" + p.Source + ")"
		}
		s.Dropped = append(s.Dropped, story.Dropped{Kind: "cover picture", Text: what})
	}
}
