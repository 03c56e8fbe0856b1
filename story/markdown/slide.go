package markdown

import (
	"bytes"
	"slices"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"github.com/reeltui/reel/story/web"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// parseSlide parses one slide: its first heading is the caption, its
// images are pictures (with the credit line that follows them), HTML
// comments are speaker notes or slide-tool directives, and reveal markers
// vanish. What is left is the body. It also returns the caption heading's
// level (0 without one).
func parseSlide(md goldmark.Markdown, raw string) (story.Section, int) {
	src := []byte(raw)
	doc := md.Parser().Parse(text.NewReader(src))
	var nodes []ast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		nodes = append(nodes, n)
	}
	return readSlide(nodes, src, raw, span{0, len(src)})
}

// readSlide reads a slide from its top-level blocks; at is where the
// slide stands in src, and whole is src as a string.
func readSlide(nodes []ast.Node, src []byte, whole string, at span) (story.Section, int) {
	return (&slideReader{nodes: nodes, src: src}).read(whole, at)
}

// read reads the slide; see readSlide.
func (r *slideReader) read(whole string, at span) (story.Section, int) {
	nodes, src := r.nodes, r.src
	if bytes.Contains(src[at.start:at.end], []byte("}")) {
		r.pandocAttributes()
	}
	var inLayout map[int]bool
	if bytes.Contains(src[at.start:at.end], []byte("column_layout")) {
		inLayout = r.columnLayouts(at.end)
	}
	for i := 0; i < len(nodes); i++ {
		if inLayout[i] {
			continue
		}
		switch b := nodes[i].(type) {
		case *ast.Heading:
			r.heading(b)
		case *ast.HTMLBlock:
			r.htmlBlock(b)
		case *ast.Paragraph:
			if r.paragraph(b, i) {
				i++ // the next paragraph was the picture's note
			}
		}
	}
	if bytes.Contains(src[at.start:at.end], []byte("<!--")) {
		nested := nestedPauses(nodes, src)
		r.cuts = append(r.cuts, nested...)
		r.markers = append(r.markers, nested...)
	}
	raw := whole[at.start:at.end]
	for _, spans := range [][]span{r.cuts, r.markers} {
		for i := range spans {
			spans[i].start = min(max(spans[i].start-at.start, 0), len(raw))
			spans[i].end = min(max(spans[i].end-at.start, 0), len(raw))
		}
	}
	// Pictures inside text, lists, quotes or tables are cut from it and
	// stand after the part that held them (position.go). Most slides have
	// none: skip the walk.
	// An HTML block's pictures are no "![": they do not count.
	if strings.Count(raw, "![") > len(r.sec.Pictures)-r.htmlPics {
		r.inlinePictures(at)
	}
	return r.finish(raw, at), r.level
}

// slideReader is the state of readSlide: what it cuts from the slide's
// source, and where each picture stands.
type slideReader struct {
	nodes         []ast.Node
	src           []byte
	sec           story.Section
	cuts, markers []span // markers are among the cuts
	places        []int  // where each picture stands in src
	level         int
	htmlPics      int   // the pictures of HTML blocks, among sec.Pictures
	columnPlaces  []int // where each of sec.Columns stands in src
}

// heading takes the slide's first heading as its caption.
func (r *slideReader) heading(b *ast.Heading) {
	// An empty heading ("#") is no caption.
	if r.level == 0 && b.Lines().Len() > 0 {
		r.sec.Caption = plainText(b, r.src)
		r.level = b.Level
		r.cuts = append(r.cuts, headingSpan(b, r.src))
	}
}

// htmlBlock reads an HTML block: pictures, a pause, or a comment that
// holds notes or directives.
func (r *slideReader) htmlBlock(b *ast.HTMLBlock) {
	src := r.src
	if b.HTMLBlockType == ast.HTMLBlockType6 || b.HTMLBlockType == ast.HTMLBlockType7 {
		// <img width=300>, <p align=center><img></p>, <figure>.
		sp := blockSpan(b, src)
		if pics := web.BlockPictures(string(src[sp.start:sp.end])); pics != nil {
			r.cuts = append(r.cuts, sp)
			for range pics {
				r.places = append(r.places, sp.start)
			}
			r.sec.Pictures = append(r.sec.Pictures, pics...)
			r.htmlPics += len(pics)
		}
		return
	}
	if b.HTMLBlockType != ast.HTMLBlockType2 {
		return
	}
	sp := blockSpan(b, src)
	if b.HasClosure() {
		sp.end = lineEnd(src, b.ClosureLine.Stop)
	}
	r.cuts = append(r.cuts, sp)
	if block := string(src[sp.start:sp.end]); isPauseComment(block) {
		r.markers = append(r.markers, sp)
	} else {
		readComment(&r.sec, block)
	}
}

// paragraph reads top-level paragraph i: a reveal marker, or pictures
// with perhaps a note in the paragraph after. It reports whether it took
// that next paragraph.
func (r *slideReader) paragraph(b *ast.Paragraph, i int) bool {
	src := r.src
	if isRevealMarker(b, src) {
		r.cuts = append(r.cuts, blockSpan(b, src))
		r.markers = append(r.markers, blockSpan(b, src))
		return false
	}
	pics, noted, ok := imageParagraph(b, src)
	if !ok {
		return false
	}
	r.cuts = append(r.cuts, blockSpan(b, src))
	for range pics {
		r.places = append(r.places, blockSpan(b, src).start)
	}
	took := false
	if !noted && i+1 < len(r.nodes) {
		if next, isPara := r.nodes[i+1].(*ast.Paragraph); isPara && notePicture(&pics[len(pics)-1], children(next), src) {
			r.cuts = append(r.cuts, blockSpan(next, src))
			took = true
		}
	}
	r.sec.Pictures = append(r.sec.Pictures, pics...)
	return took
}

// inlinePictures reads the pictures inside text, lists, quotes or tables.
func (r *slideReader) inlinePictures(at span) {
	src := r.src
	blockCuts := len(r.cuts)
	for _, n := range r.nodes {
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			img, ok := c.(*ast.Image)
			if !ok || !entering || insideCut(img, src, r.cuts[:blockCuts], at.start) {
				return ast.WalkContinue, nil
			}
			pic := newPicture(img, src)
			place, resume, item := picturePlace(img, n, src)
			pic.ListResume = resume
			r.sec.Pictures = append(r.sec.Pictures, pic)
			r.places = append(r.places, place)
			if item != (span{}) {
				r.cuts = append(r.cuts, span{item.start - at.start, item.end - at.start})
			} else if sp, ok := imageSpan(img, src); ok {
				r.cuts = append(r.cuts, span{sp.start - at.start, sp.end - at.start})
			}
			return ast.WalkSkipChildren, nil
		})
	}
}

// finish cuts the slide's body from raw, places its pictures in it and
// names it.
func (r *slideReader) finish(raw string, at span) story.Section {
	sec, places := r.sec, r.places
	for i := range places {
		places[i] = min(max(places[i]-at.start, 0), len(raw))
		// A picture stands at the end of the line before it, so that a
		// reveal marker between that line and the picture keeps it for
		// the next step, and none keeps it with the text it follows.
		if p := places[i]; p > 0 && raw[p-1] == '\n' {
			places[i] = p - 1
		}
	}
	for _, p := range r.columnPlaces {
		places = append(places, min(max(p-at.start, 0), len(raw)))
	}
	sec.Body, places = cutSpansAt(raw, r.cuts, places)
	for i := range sec.Pictures {
		sec.Pictures[i].At = places[i]
	}
	for i := range sec.Columns {
		sec.Columns[i].At = places[len(sec.Pictures)+i]
	}
	slices.SortStableFunc(sec.Pictures, func(a, b story.Picture) int { return a.At - b.At })
	if r.level == 0 {
		sec.Caption = untitledCaption(sec, r.nodes, r.src, r.cuts, at.start)
	} else {
		sec.Lead = leadWords(r.nodes, r.src, r.cuts, at.start)
	}
	sec.Steps = stepOffsets(raw, r.cuts, r.markers, sec.Body)
	return sec
}

// isRevealMarker reports whether a paragraph is only a reveal marker:
// patat's ". . ." or lookatme's "^".
func isRevealMarker(p *ast.Paragraph, src []byte) bool {
	if p.Lines().Len() != 1 {
		return false
	}
	seg := p.Lines().At(0)
	line := bytes.TrimSpace(seg.Value(src))
	return string(line) == ". . ." || string(line) == "^"
}

// imageParagraph reports whether p holds only images, perhaps followed on
// its last line by a credit or an emphasised caption. It returns the
// pictures, the last with that line filed on it, and whether there was one.
func imageParagraph(p *ast.Paragraph, src []byte) ([]story.Picture, bool, bool) {
	var pics []story.Picture
	var rest []ast.Node
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if img, ok := c.(*ast.Image); ok && len(rest) == 0 {
			pics = append(pics, newPicture(img, src))
			continue
		}
		if len(pics) == 0 {
			return nil, false, false
		}
		rest = append(rest, c)
	}
	switch {
	case len(pics) == 0:
		return nil, false, false
	case strings.TrimSpace(inlineText(rest, src)) == "":
		return pics, false, true
	case notePicture(&pics[len(pics)-1], rest, src):
		return pics, true, true
	}
	return nil, false, false
}

// notePicture files the inline nodes of a line under a picture on it: a
// credit line ("Photo: AP"), a wholly emphasised line ("_Source: NASA_",
// "*Storm clouds at dusk*"), which is the picture's credit if it reads as
// one and its caption otherwise, or both, a caption and a credit
// ("_Storm clouds_ · _Photo: AP_"). A caption its link title gave already
// may stand there again, for the tools that show no title. It reports
// whether the line was taken.
func notePicture(pic *story.Picture, nodes []ast.Node, src []byte) bool {
	text := strings.TrimSpace(inlineText(nodes, src))
	switch {
	case text == "":
		return false
	case captionAndCredit(pic, nodes, src):
		return true
	case prose.IsCreditLine(text):
		pic.Credit = creditName(prose.CreditText(text))
		return true
	case !soleEmphasis(nodes, src):
		return false
	case isPictureCredit(text):
		pic.Credit = text
		return true
	case pic.Caption == "":
		pic.Caption = text
		return true
	case sameCaption(pic.Caption, text):
		return true
	}
	return false
}

// captionAndCredit files a line of two emphasised parts joined by "·" on
// the picture: a caption, and a credit that reads as one. It reports
// whether the line was such a one and was taken.
func captionAndCredit(pic *story.Picture, nodes []ast.Node, src []byte) bool {
	var parts []ast.Node
	for _, n := range nodes {
		if t, ok := n.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(src))) == 0 {
			continue
		}
		parts = append(parts, n)
	}
	if len(parts) != 3 || !soleEmphasis(parts[:1], src) || !soleEmphasis(parts[2:], src) {
		return false
	}
	if sep, ok := parts[1].(*ast.Text); !ok || string(bytes.TrimSpace(sep.Segment.Value(src))) != "·" {
		return false
	}
	caption := strings.TrimSpace(inlineText(parts[:1], src))
	credit := strings.TrimSpace(inlineText(parts[2:], src))
	switch {
	case pic.Caption != "" && !sameCaption(pic.Caption, caption):
		return false
	case prose.IsCreditLine(credit):
		credit = creditName(prose.CreditText(credit))
	case !isPictureCredit(credit):
		return false
	}
	if pic.Caption == "" {
		pic.Caption = caption
	}
	pic.Credit = credit
	return true
}

// sameCaption reports whether a line under a picture says what its
// caption says, white space aside.
func sameCaption(caption, line string) bool {
	return strings.Join(strings.Fields(caption), " ") == strings.Join(strings.Fields(line), " ")
}

// creditLabelRe matches the label "Credit:" before a credit's name.
var creditLabelRe = prose.LazyRegexp(`(?i)^credits?\s*[:\-–—]\s*`)

// creditName is a credit line without a "Credit:" label, which says only
// what the line is, as the panel's place for a credit does ("Credit:
// NASA" is NASA's). A label that says more stays: "Photo: AP" is a
// photograph's credit, "Illustration: X" a drawing's.
func creditName(line string) string {
	if name := creditLabelRe().ReplaceAllString(line, ""); name != "" {
		return name
	}
	return line
}

// pictureCreditRe matches how a line under a picture names its source,
// beyond the credit lines of news galleries.
var pictureCreditRe = prose.LazyRegexp(`(?i)^(?:sources?\s*:|(?:drawn|painted|taken|shot|made|illustrated|rendered)\s+by\b|(?:illustration|drawing|map|chart|graphic|artwork|art|data)\s*(?:by\b|:)|via\s+\S)`)

// isPictureCredit reports whether an emphasised line under a picture
// reads as its credit.
func isPictureCredit(text string) bool {
	return prose.RuneLen(text) <= 120 && pictureCreditRe().MatchString(text)
}

// soleEmphasis reports whether inline nodes are one emphasis (_x_ or *x*)
// and nothing else but white space.
func soleEmphasis(nodes []ast.Node, src []byte) bool {
	found := false
	for _, n := range nodes {
		switch t := n.(type) {
		case *ast.Emphasis:
			if found || t.Level != 1 {
				return false
			}
			found = true
		case *ast.Text:
			if len(bytes.TrimSpace(t.Segment.Value(src))) > 0 {
				return false
			}
		default:
			return false
		}
	}
	return found
}

// children returns the inline nodes of a block.
func children(n ast.Node) []ast.Node {
	var out []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// inlineText is the plain text of inline nodes.
func inlineText(nodes []ast.Node, src []byte) string {
	var b strings.Builder
	for _, n := range nodes {
		writeText(&b, n, src)
	}
	return foldSpace(b.String())
}

func newPicture(img *ast.Image, src []byte) story.Picture {
	return story.Picture{
		Source:  string(img.Destination),
		Alt:     prose.CleanAlt(plainText(img, src)),
		Caption: string(img.Title),
	}
}

var (
	directiveRe = prose.LazyRegexp(`^(pause|stop|end_slide|newlines?|new_lines?|jump_to_middle|column_layout|column|reset_layout|incremental_lists|no_footer|skip_slide|alignment|font_size|list_item_newlines|include|snippet_output|newpage|slide)\b`)
	speakerRe   = prose.LazyRegexp(`^speaker_note\s*:\s*`)
)

// readComment files an HTML comment block as a speaker note or a
// slide-tool directive.
func readComment(sec *story.Section, block string) {
	inner := strings.TrimSpace(block)
	inner = strings.TrimPrefix(inner, "<!--")
	inner = strings.TrimSpace(strings.TrimSuffix(inner, "-->"))
	switch {
	case inner == "":
	case speakerRe().MatchString(inner):
		sec.Dropped = append(sec.Dropped, story.Dropped{Kind: "note", Text: speakerRe().ReplaceAllString(inner, "")})
	case directiveRe().MatchString(inner):
		sec.Dropped = append(sec.Dropped, story.Dropped{Kind: "directive", Text: inner})
	default:
		sec.Dropped = append(sec.Dropped, story.Dropped{Kind: "note", Text: inner})
	}
}
