package story

import (
	"bytes"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
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

// parseMarkdown reads a Markdown deck. Only the split is done now; each
// slide is parsed by goldmark when it is first asked for.
func parseMarkdown(s *Story, src string) {
	src = defuseReferences(src)
	src = readFrontMatter(s, src)
	src = readMdpMeta(s, src)

	mode, pre, title, chunks := splitDeck(src)
	s.FormatReason += "; slides split at " + mode

	md := sharedMarkdown()

	if title != "" {
		// A top heading that occurs once titles the story.
		sec, _ := parseSlide(md, title)
		if s.Title == "" {
			s.Title = sec.Caption
		} else if s.Subtitle == "" && sec.Caption != s.Title {
			s.Subtitle = sec.Caption
		}
	}
	if strings.TrimSpace(pre) != "" {
		sec, _ := parseSlide(md, pre)
		s.Intro = sec.Body
		s.Dropped = append(s.Dropped, sec.Dropped...)
		if sec.Caption != "" {
			s.Intro = strings.TrimSpace("**" + escapeMarkdown(sec.Caption) + "**\n\n" + sec.Body)
		}
	}
	if len(chunks) > 0 && mode != "headings" {
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
			s.sections = make([]lazySection, len(chunks))
			s.sections[0] = lazySection{parsed: true, at: chunks[0], sec: first}
		}
	}
	s.deck = &deck{src: src, md: md}
	if s.sections == nil {
		s.sections = make([]lazySection, len(chunks))
	}
	for i, c := range chunks {
		s.sections[i].at = c
	}
}

// deck is a Markdown story's source, kept to parse its slides on demand.
type deck struct {
	src string
	md  goldmark.Markdown
}

// slide parses the one slide at sp.
func (d *deck) slide(sp span) Section {
	sec, _ := parseSlide(d.md, d.src[sp.start:sp.end])
	return sec
}

// parseRest parses every slide not yet parsed. When most are, it parses
// them one by one; otherwise it parses the whole deck once and shares its
// top-level blocks out among the slides, which costs about half as much as
// one goldmark parse per slide.
func (d *deck) parseRest(secs []lazySection) {
	left := 0
	for i := range secs {
		if !secs[i].parsed {
			left++
		}
	}
	if left <= 4 || left*4 < len(secs) {
		for i := range secs {
			if !secs[i].parsed {
				secs[i].sec = d.slide(secs[i].at)
				secs[i].parsed = true
			}
		}
		return
	}
	d.parseWhole(secs)
}

// parseWhole reads every slide not yet parsed from one goldmark parse of
// the deck, shared out among the slides by position. A long deck is cut
// at slide boundaries into one run per CPU, parsed side by side.
func (d *deck) parseWhole(secs []lazySection) {
	runs := min(runtime.GOMAXPROCS(0), 4, len(secs)/minParallelSlides)
	if runs <= 1 {
		d.parseRun(d.md, secs)
		return
	}
	var wg sync.WaitGroup
	for r := range runs {
		part := secs[r*len(secs)/runs : (r+1)*len(secs)/runs]
		wg.Go(func() { d.parseRun(d.md, part) })
	}
	wg.Wait()
}

// minParallelSlides is the fewest slides worth a run of their own.
const minParallelSlides = 256

// parseRun parses the source of a run of consecutive slides once and reads
// each slide from its share of the top-level blocks.
func (d *deck) parseRun(md goldmark.Markdown, secs []lazySection) {
	if len(secs) == 0 {
		return
	}
	base := secs[0].at.start
	whole := d.src[base:secs[len(secs)-1].at.end]
	src := []byte(whole)
	doc := md.Parser().Parse(text.NewReader(src))
	// The slides' blocks come in order: keep them in one slice, and where
	// each slide's run of it starts.
	var all []ast.Node
	from := make([]int, len(secs)+1)
	i, inside := 0, false
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		// A block with no text (a thematic break, an empty heading) goes
		// with the slide of the block before it, if that one had a slide.
		if at := nodeStart(n); at >= 0 {
			at += base
			for i < len(secs) && at >= secs[i].at.end {
				i++
				from[i] = len(all)
			}
			if i >= len(secs) {
				break
			}
			inside = at >= secs[i].at.start
		}
		if inside {
			all = append(all, n)
		}
	}
	for i++; i <= len(secs); i++ {
		from[i] = len(all)
	}
	for i := range secs {
		if !secs[i].parsed {
			at := span{secs[i].at.start - base, secs[i].at.end - base}
			secs[i].sec, _ = readSlide(all[from[i]:from[i+1]], src, whole, at)
			secs[i].parsed = true
		}
	}
}

// nodeStart returns the offset where a block starts in the source, or -1
// for a block that holds no text (a thematic break).
func nodeStart(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		if n.Type() != ast.TypeBlock {
			return -1
		}
	}
	return -1
}

// refRe matches numeric character references.
var refRe = regexp.MustCompile(`&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));`)

// defuseReferences replaces numeric character references that decode to
// control characters (or to nothing valid) with U+FFFD, so that no
// renderer can turn "&#27;" back into an escape.
func defuseReferences(src string) string {
	if !strings.Contains(src, "&#") {
		return src
	}
	return refRe.ReplaceAllStringFunc(src, func(ref string) string {
		m := refRe.FindStringSubmatch(ref)
		var v uint64
		var err error
		if m[1] != "" {
			v, err = strconv.ParseUint(m[1], 16, 32)
		} else {
			v, err = strconv.ParseUint(m[2], 10, 32)
		}
		r := rune(v)
		if err != nil || v > 0x10FFFF || (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7F && r <= 0x9F) ||
			(r >= 0xD800 && r <= 0xDFFF) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
			return "\uFFFD"
		}
		return ref
	})
}

var (
	mdpLineRe   = regexp.MustCompile(`^%(title|author|date):[ \t]*(.*)$`)
	mdpCenterRe = regexp.MustCompile(`(?m)^-> ?(.*?) ?<-[ \t]*$`)
)

// readMdpMeta takes mdp's leading "%title:", "%author:" and "%date:" lines,
// and in such a deck unwraps mdp's centred lines ("-> text <-").
func readMdpMeta(s *Story, src string) string {
	for found := false; ; found = true {
		line, rest, _ := strings.Cut(src, "\n")
		m := mdpLineRe.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			if found {
				src = mdpCenterRe.ReplaceAllString(src, "$1")
			}
			return src
		}
		switch v := strings.TrimSpace(m[2]); m[1] {
		case "title":
			s.Title = v
		case "author":
			s.Authors = append(s.Authors, v)
		case "date":
			s.Date = v
		}
		src = rest
	}
}

// parseSlide parses one slide: its first heading is the caption, its
// images are pictures (with the credit line that follows them), HTML
// comments are speaker notes or slide-tool directives, and reveal markers
// vanish. What is left is the body. It also returns the caption heading's
// level (0 without one).
func parseSlide(md goldmark.Markdown, raw string) (Section, int) {
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
func readSlide(nodes []ast.Node, src []byte, whole string, at span) (Section, int) {
	var sec Section
	var cuts []span
	level := 0
	for i := 0; i < len(nodes); i++ {
		switch b := nodes[i].(type) {
		case *ast.Heading:
			// An empty heading ("#") is no caption.
			if level == 0 && b.Lines().Len() > 0 {
				sec.Caption = plainText(b, src)
				level = b.Level
				cuts = append(cuts, headingSpan(b, src))
			}
		case *ast.HTMLBlock:
			if b.HTMLBlockType != ast.HTMLBlockType2 {
				continue
			}
			sp := blockSpan(b, src)
			if b.HasClosure() {
				sp.end = lineEnd(src, b.ClosureLine.Stop)
			}
			cuts = append(cuts, sp)
			readComment(&sec, string(src[sp.start:sp.end]))
		case *ast.Paragraph:
			if isRevealMarker(b, src) {
				cuts = append(cuts, blockSpan(b, src))
				continue
			}
			pics, rest, ok := imageParagraph(b, src)
			if !ok {
				continue
			}
			cuts = append(cuts, blockSpan(b, src))
			if rest != "" {
				pics[len(pics)-1].Credit = rest
			} else if i+1 < len(nodes) {
				if next, isPara := nodes[i+1].(*ast.Paragraph); isPara {
					if c := strings.TrimSpace(plainText(next, src)); isCreditLine(c) {
						pics[len(pics)-1].Credit = creditText(c)
						cuts = append(cuts, blockSpan(next, src))
						i++
					}
				}
			}
			sec.Pictures = append(sec.Pictures, pics...)
		}
	}
	raw := whole[at.start:at.end]
	for i := range cuts {
		cuts[i].start = min(max(cuts[i].start-at.start, 0), len(raw))
		cuts[i].end = min(max(cuts[i].end-at.start, 0), len(raw))
	}
	// Pictures inside text, lists or quotes stay in the body and are
	// listed as pictures too. Most slides have none: skip the walk.
	if strings.Count(raw, "![") > len(sec.Pictures) {
		for _, n := range nodes {
			_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if img, ok := n.(*ast.Image); ok && entering && !insideCut(img, src, cuts, at.start) {
					sec.Pictures = append(sec.Pictures, newPicture(img, src))
				}
				return ast.WalkContinue, nil
			})
		}
	}
	sec.Body = strings.TrimSpace(cutSpans(raw, cuts))
	return sec, level
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

// span is a byte range of a slide's source, whole lines.
type span struct{ start, end int }

func lineStart(src []byte, i int) int {
	for i > 0 && src[i-1] != '\n' {
		i--
	}
	return i
}

func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	if i < len(src) {
		i++
	}
	return i
}

// blockSpan returns the whole lines a leaf block stands on.
func blockSpan(n ast.Node, src []byte) span {
	lines := n.Lines()
	if lines.Len() == 0 {
		return span{}
	}
	return span{lineStart(src, lines.At(0).Start), lineEnd(src, max(lines.At(lines.Len()-1).Stop-1, lines.At(lines.Len()-1).Start))}
}

// headingSpan is a heading's lines, with a setext heading's underline.
func headingSpan(h *ast.Heading, src []byte) span {
	sp := blockSpan(h, src)
	if sp == (span{}) {
		// An empty ATX heading ("#") has no lines: find it by position.
		return sp
	}
	if rest := strings.TrimSpace(string(src[sp.end:lineEnd(src, sp.end)])); rest != "" && strings.Trim(rest, "=-") == "" &&
		!strings.HasPrefix(strings.TrimSpace(string(src[sp.start:sp.end])), "#") {
		sp.end = lineEnd(src, sp.end)
	}
	return sp
}

func insideCut(n ast.Node, src []byte, cuts []span, offset int) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			sp := blockSpan(p, src)
			sp.start -= offset
			sp.end -= offset
			return slices.ContainsFunc(cuts, func(c span) bool { return c.start <= sp.start && sp.end <= c.end })
		}
	}
	return false
}

// cutSpans returns raw without the spans.
func cutSpans(raw string, cuts []span) string {
	if len(cuts) == 0 {
		return raw
	}
	slices.SortFunc(cuts, func(a, b span) int { return a.start - b.start })
	// What is kept, in pieces; blank pieces do not count.
	var kept []span
	at := 0
	for _, c := range cuts {
		c.start = max(c.start, at)
		if c.end <= c.start {
			continue
		}
		kept = appendKept(kept, raw, at, c.start)
		at = c.end
	}
	kept = appendKept(kept, raw, at, len(raw))
	switch len(kept) {
	case 0:
		return ""
	case 1:
		// Most slides: a caption cut above and a picture below the text.
		// The text is then one piece of the source, and needs no copy.
		return raw[kept[0].start:kept[0].end]
	}
	var b strings.Builder
	for _, k := range kept {
		b.WriteString(raw[k.start:k.end])
	}
	return b.String()
}

func appendKept(kept []span, raw string, start, end int) []span {
	if strings.TrimSpace(raw[start:end]) == "" {
		return kept
	}
	return append(kept, span{start, end})
}

// imageParagraph reports whether p holds only images, perhaps followed on
// its last line by a credit. It returns the pictures and that credit.
func imageParagraph(p *ast.Paragraph, src []byte) ([]Picture, string, bool) {
	var pics []Picture
	var rest strings.Builder
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if img, ok := c.(*ast.Image); ok && rest.Len() == 0 {
			pics = append(pics, newPicture(img, src))
			continue
		}
		if len(pics) == 0 {
			return nil, "", false
		}
		writeText(&rest, c, src)
	}
	credit := strings.TrimSpace(rest.String())
	switch {
	case len(pics) == 0:
		return nil, "", false
	case credit == "":
		return pics, "", true
	case isCreditLine(credit):
		return pics, creditText(credit), true
	}
	return nil, "", false
}

func newPicture(img *ast.Image, src []byte) Picture {
	return Picture{
		Source:  string(img.Destination),
		Alt:     cleanAlt(plainText(img, src)),
		Caption: string(img.Title),
	}
}

// plainText returns the text of a node's inline content, with escapes and
// entities resolved and white space folded.
func plainText(n ast.Node, src []byte) string {
	if c := n.FirstChild(); c != nil && c.NextSibling() == nil {
		// One plain piece of text, as most captions and alt texts are.
		if t, ok := c.(*ast.Text); ok && !t.SoftLineBreak() && !t.HardLineBreak() {
			if v := t.Segment.Value(src); !bytes.ContainsAny(v, "\\&") {
				return foldSpace(string(v))
			}
		}
	}
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(&b, c, src)
	}
	return foldSpace(b.String())
}

// writeText writes the text of an inline node. The source was cleaned and
// its control-character references defused before parsing, so the text
// needs no cleaning again.
func writeText(b *strings.Builder, n ast.Node, src []byte) {
	switch t := n.(type) {
	case *ast.Text:
		v := t.Segment.Value(src)
		if bytes.ContainsAny(v, "\\&") {
			v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
		}
		b.Write(v)
		if t.SoftLineBreak() || t.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		b.Write(t.Value)
		return
	case *ast.CodeSpan:
		for c := t.FirstChild(); c != nil; c = c.NextSibling() {
			if tx, ok := c.(*ast.Text); ok {
				b.Write(tx.Segment.Value(src))
			}
		}
		return
	case *ast.AutoLink:
		b.Write(t.Label(src))
		return
	case *ast.RawHTML:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(b, c, src)
	}
}

// foldSpace trims s and folds each run of white space into one space.
func foldSpace(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			clean = false
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

var (
	directiveRe = regexp.MustCompile(`^(pause|stop|end_slide|newlines?|new_lines?|jump_to_middle|column_layout|column|reset_layout|incremental_lists|no_footer|skip_slide|alignment|font_size|list_item_newlines|include|snippet_output|newpage|slide)\b`)
	speakerRe   = regexp.MustCompile(`^speaker_note\s*:\s*`)
)

// readComment files an HTML comment block as a speaker note or a
// slide-tool directive.
func readComment(sec *Section, block string) {
	inner := strings.TrimSpace(block)
	inner = strings.TrimPrefix(inner, "<!--")
	inner = strings.TrimSpace(strings.TrimSuffix(inner, "-->"))
	switch {
	case inner == "":
	case speakerRe.MatchString(inner):
		sec.Dropped = append(sec.Dropped, Dropped{Kind: "note", Text: speakerRe.ReplaceAllString(inner, "")})
	case directiveRe.MatchString(inner):
		sec.Dropped = append(sec.Dropped, Dropped{Kind: "directive", Text: inner})
	default:
		sec.Dropped = append(sec.Dropped, Dropped{Kind: "note", Text: inner})
	}
}

// layoutWords are the size and layout keywords that Marp and presenterm
// put in alt text, alone or with a ":value".
var layoutWords = map[string]bool{
	"bg": true, "image": true, "w": true, "h": true, "width": true, "height": true, "left": true, "right": true,
	"top": true, "bottom": true, "contain": true, "cover": true, "fit": true, "auto": true, "vertical": true,
	"horizontal": true, "blur": true, "sepia": true, "grayscale": true, "invert": true, "opacity": true,
	"saturate": true, "contrast": true, "brightness": true, "hue-rotate": true, "drop-shadow": true,
}

// isLayoutWord reports whether w is a layout keyword or a bare size ("30",
// "50%", "200px").
func isLayoutWord(w string) bool {
	name, _, _ := strings.Cut(strings.ToLower(w), ":")
	if layoutWords[name] {
		return true
	}
	num := strings.TrimSuffix(strings.TrimSuffix(w, "%"), "px")
	if num == "" || (num[0] < '0' || num[0] > '9') && num[0] != '.' {
		return false // not a number: spare ParseFloat's error
	}
	_, err := strconv.ParseFloat(num, 64)
	return err == nil
}

// isStrongLayoutWord reports whether w can only be a keyword: "bg",
// "image:..." or a size such as "w:200".
func isStrongLayoutWord(w string) bool {
	name, val, colon := strings.Cut(strings.ToLower(w), ":")
	return name == "bg" || (colon && val != "" && (name == "image" || name == "w" || name == "h" || name == "width" || name == "height"))
}

// A file name or slug used as alt text, like 0225-lupita-nyongo-getty-01.
var slugAltRe = regexp.MustCompile(`(?i)^[\w.-]*(\d[\w.-]*[-_]|[-_][\w.-]*\d)[\w.-]*$|^[\w.-]+\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$|^(img|dsc|image|photo|pic)[-_]?\d+$`)

// cleanAlt strips slide tools' size and layout keywords from alt text;
// what is left (maybe nothing) is the description. A file name or slug is
// no description.
func cleanAlt(alt string) string {
	first, _, spaced := strings.Cut(alt, " ")
	if spaced && !strings.ContainsAny(alt, ":%\t\n") && !isLayoutWord(first) {
		return alt // a plain description: most alt text
	}
	words := strings.Fields(alt)
	if len(words) > 0 && isLayoutWord(words[0]) && (isStrongLayoutWord(words[0]) || !slices.ContainsFunc(words, func(w string) bool { return !isLayoutWord(w) })) {
		for len(words) > 0 && isLayoutWord(words[0]) {
			words = words[1:]
		}
	}
	if len(words) == 1 && strings.ContainsAny(words[0], "0123456789.-_") && slugAltRe.MatchString(words[0]) {
		return ""
	}
	return strings.Join(words, " ")
}
