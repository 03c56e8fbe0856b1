package export

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/reeltui/reel/story"
)

// The HTML export is one file that needs nothing else: its pictures are
// data: URIs, its style sheet is inline, it holds no script, and its
// Content-Security-Policy forbids the browser every request besides, so
// that opening it fetches nothing, even if a future change slipped an
// address in.

// csp lets the page use its own inline style and data: pictures, and
// nothing else.
const csp = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

// escape makes story text safe as HTML text or a quoted attribute value.
func escape(s string) string { return html.EscapeString(plainText(s)) }

// writeHTML writes the story as one self-contained page.
func writeHTML(w io.Writer, s *story.Story, secs []story.Section, pics map[string]*embedded, opt Options) error {
	b := bufio.NewWriterSize(w, 64<<10)
	p := pageWriter{b: b, s: s, pics: pics, opt: opt}
	p.head(secs)
	p.cover()
	for i, sec := range secs {
		p.section(i, sec)
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	if err := b.Flush(); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

// pageWriter writes the parts of a page. Its writes go to a
// bufio.Writer, which keeps the first error for Flush to return.
type pageWriter struct {
	b    *bufio.Writer
	s    *story.Story
	pics map[string]*embedded
	opt  Options
}

func (p *pageWriter) printf(format string, args ...any) { fmt.Fprintf(p.b, format, args...) }

func (p *pageWriter) head(secs []story.Section) {
	s := p.s
	p.b.WriteString("<!DOCTYPE html>\n")
	lang := ""
	if tag := story.LangTag(s.Lang); tag != "" {
		lang = ` lang="` + tag + `"`
	}
	p.printf("<html%s dir=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", lang, direction(s, secs))
	p.printf("<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", csp)
	p.b.WriteString("<meta name=\"referrer\" content=\"no-referrer\">\n")
	p.b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	p.b.WriteString("<meta name=\"generator\" content=\"reel\">\n")
	p.printf("<title>%s</title>\n", escape(s.Title))
	if len(s.Authors) > 0 {
		p.printf("<meta name=\"author\" content=\"%s\">\n", escape(strings.Join(s.Authors, ", ")))
	}
	if s.Date != "" {
		// The cover's <time> holds the date as people write it, which is
		// no datetime attribute: the meta tag is where reel reads it back.
		p.printf("<meta name=\"date\" content=\"%s\">\n", escape(s.Date))
	}
	p.printf("<style>\n%s%s</style>\n</head>\n<body>\n", styleSheet, layoutStyles(secs))
}

func (p *pageWriter) cover() {
	s := p.s
	// The title, byline and poster stand in a <header> before <main>,
	// which reel reads as the page's and not the story's; the intro opens
	// <main>, before the first section.
	p.b.WriteString("<header class=\"cover\">\n")
	if s.Kicker != "" {
		p.printf("<p class=\"kicker\">%s</p>\n", escape(s.Kicker))
	}
	p.printf("<h1>%s</h1>\n", titleHTML(s))
	if s.Subtitle != "" {
		p.printf("<p class=\"subtitle\">%s</p>\n", escape(s.Subtitle))
	}
	var meta []string
	if len(s.Authors) > 0 {
		meta = append(meta, `<span class="byline">By `+escape(joinNames(s.Authors))+`</span>`)
	}
	if s.Date != "" {
		meta = append(meta, `<time>`+escape(s.Date)+`</time>`)
	}
	if s.Source != "" {
		meta = append(meta, `<span class="source">`+escape(s.Source)+`</span>`)
	}
	if len(meta) > 0 {
		p.printf("<p class=\"meta byline\">%s</p>\n", strings.Join(meta, ` <span aria-hidden="true">·</span> `))
	}
	if s.Poster.Source != "" {
		p.figure(s.Poster)
	}
	p.b.WriteString("</header>\n<main>\n<div class=\"intro\">\n")
	p.b.WriteString(markdownHTML(s.Intro, s.KeepLineBreaks))
	p.notes(s.CoverNotes())
	p.b.WriteString("</div>\n")
}

// titleHTML is the title with its own Markdown emphasis kept.
func titleHTML(s *story.Story) string {
	var b strings.Builder
	for _, sp := range s.TitleSpans() {
		t := escape(sp.Text)
		if sp.Code {
			t = "<code>" + t + "</code>"
		}
		if sp.Emphasis {
			t = "<em>" + t + "</em>"
		}
		if sp.Strong {
			t = "<strong>" + t + "</strong>"
		}
		b.WriteString(t)
	}
	return b.String()
}

// joinNames joins names as a byline reads: "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// section writes one section at its last reveal step: its heading, and
// its text with its pictures and column layouts where they stand in it.
func (p *pageWriter) section(i int, sec story.Section) {
	p.printf("<section id=\"section-%d\">\n", i+1)
	if sec.Caption != "" {
		p.printf("<h2>%s</h2>\n", escape(sec.Caption))
	}
	for _, st := range stretches(sec) {
		p.body(st.text)
		if st.layout != nil {
			p.columns(st.layout)
		}
	}
	if href, ok := itemLink(sec); ok {
		p.printf("<p class=\"link\"><a href=\"%s\">%s</a></p>\n", html.EscapeString(href), escape(href))
	}
	p.notes(sec.Notes())
	p.b.WriteString("</section>\n")
}

// columns writes a column layout: a grid whose columns are as wide as
// their shares (layoutStyles), each with its text and pictures.
func (p *pageWriter) columns(l *layout) {
	p.printf("<div class=\"columns %s\">\n", layoutClass(l.widths))
	for _, col := range l.columns {
		p.b.WriteString("<div class=\"column\">\n")
		p.body(col)
		p.b.WriteString("</div>\n")
	}
	p.b.WriteString("</div>\n")
}

// body writes a run of text with its pictures where they stand in it.
func (p *pageWriter) body(sec story.Section) {
	for _, pc := range pieces(sec) {
		if text := markdownHTML(pc.text, p.s.KeepLineBreaks); text != "" {
			p.printf("<div class=\"text\">\n%s</div>\n", text)
		}
		// Pictures that stand together are a figure of figures, side
		// by side, each with its own caption.
		if len(pc.pictures) > 1 {
			p.b.WriteString("<figure class=\"row\">\n")
		}
		for _, pic := range pc.pictures {
			p.figure(pic)
		}
		if len(pc.pictures) > 1 {
			p.b.WriteString("</figure>\n")
		}
	}
}

// notes writes speaker notes, when they were asked for.
func (p *pageWriter) notes(notes []string) {
	if !p.opt.Notes || len(notes) == 0 {
		return
	}
	p.b.WriteString("<aside class=\"notes\">\n<p class=\"label\">Notes</p>\n")
	for _, n := range notes {
		p.b.WriteString(markdownHTML(n, false))
	}
	p.b.WriteString("</aside>\n")
}

// figure writes a picture with its caption and credit; a picture that is
// not there (a placeholder, a player, one that could not be read) is a
// panel with its alt text and the reason, as in the reader. The panel is
// no <figure>: read back, its words are the section's text.
func (p *pageWriter) figure(pic story.Picture) {
	e := p.pics[pic.Source]
	if !e.ok() {
		p.missing(pic, e)
		return
	}
	p.printf("<figure>\n<img src=\"data:%s;base64,", e.mime)
	enc := base64.NewEncoder(base64.StdEncoding, p.b)
	_, _ = enc.Write(e.data)
	_ = enc.Close()
	// No width and height: reel's web reader takes a picture marked 150
	// pixels or less for a thumbnail, not the story's.
	p.printf("\" alt=\"%s\">\n", escape(pic.Alt))
	if parts := captionParts(pic); len(parts) > 0 {
		p.printf("<figcaption>%s</figcaption>\n", strings.Join(parts, " "))
	}
	p.b.WriteString("</figure>\n")
}

// missing writes the panel of a picture that is not there.
func (p *pageWriter) missing(pic story.Picture, e *embedded) {
	p.b.WriteString("<div class=\"missing\">\n<div class=\"panel\">\n")
	alt := pic.Alt
	if alt == "" && pic.Placeholder {
		alt = pic.Caption
	}
	if alt == "" {
		alt = "no description"
	}
	p.printf("<p class=\"alt\">%s</p>\n", escape(alt))
	p.printf("<p class=\"why\">%s</p>\n", escape(missingReason(pic, e)))
	p.b.WriteString("</div>\n")
	if parts := captionParts(pic); len(parts) > 0 {
		p.printf("<p class=\"figcaption\">%s</p>\n", strings.Join(parts, " "))
	}
	p.b.WriteString("</div>\n")
}

// missingReason says why a picture is not in the export.
func missingReason(pic story.Picture, e *embedded) string {
	switch {
	case pic.Placeholder:
		return "photo not included in the text"
	case pic.Source == "" && pic.Video != "":
		return "video: " + pic.Video
	case e == nil:
		return "picture not read"
	}
	return "picture not included: " + e.reason
}

// captionParts are the pieces of a picture's caption line.
func captionParts(pic story.Picture) []string {
	var parts []string
	if pic.Caption != "" {
		parts = append(parts, `<span class="caption">`+escape(pic.Caption)+`</span>`)
	}
	if pic.Credit != "" {
		parts = append(parts, `<small class="credit">`+escape(pic.Credit)+`</small>`)
	}
	if pic.Video != "" && pic.Source != "" {
		parts = append(parts, `<small class="video">Poster of a video: `+escape(pic.Video)+`</small>`)
	}
	return parts
}
