package export

import (
	"bytes"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/reeltui/reel/story"
)

// The PDF export: landscape pages (A4 or US letter), a cover page, then a
// page per section (or per reveal step) with its heading, its pictures
// scaled to fit with their captions and credits beneath, and its text;
// pages numbered, a bookmark per section, the title and author set.

// Sizes on the page, in millimetres and points.
const (
	pdfMargin    = 14.0
	pdfGap       = 5.0
	pdfFooter    = 8.0
	pdfHeadingPt = 20.0
	pdfBodyPt    = 11.5
	pdfSmallPt   = 9.0
	pdfCols      = 3 // pictures in a row at most
	ptToMM       = 25.4 / 72
)

type pdfWriter struct {
	pdf    *fpdf.Fpdf
	s      *story.Story
	pics   map[string]*embedded
	images map[string]string // picture source → its name in the PDF
	opt    Options
	align  string // "L", or "R" for a right-to-left story
	// imageBytes counts the bytes of the pictures fpdf holds.
	imageBytes int64
	w, h       float64
}

func writePDF(w io.Writer, s *story.Story, secs []story.Section, pics map[string]*embedded, opt Options) error {
	size := "A4"
	if opt.Page == PageLetter {
		size = "Letter"
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "L", UnitStr: "mm", SizeStr: size})
	pdf.SetCompression(true)
	pdf.AddUTF8FontFromBytes(fontFamily, "", fontRegular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", fontBold)
	pdf.AddUTF8FontFromBytes(monoFamily, "", fontMono)
	pdf.SetTitle(pdfText(s.Title), true)
	if len(s.Authors) > 0 {
		pdf.SetAuthor(pdfText(joinNames(s.Authors)), true)
	}
	pdf.SetCreator("reel", true)
	if tag := story.LangTag(s.Lang); tag != "" {
		pdf.SetLang(tag)
	}
	pdf.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	pdf.SetAutoPageBreak(true, pdfMargin+pdfFooter)
	pdf.AliasNbPages("")
	pw, ph := pdf.GetPageSize()
	p := &pdfWriter{pdf: pdf, s: s, pics: pics, images: map[string]string{}, opt: opt, align: "L", w: pw, h: ph}
	if direction(s, secs) == "rtl" {
		p.align = "R"
	}
	pdf.SetFooterFunc(p.footer)
	kinds := uncovered(storyTexts(s, secs, opt.Notes))
	if len(kinds) > 0 {
		opt.warn("the PDF cannot show this story's %s text: its font has no letters for it or cannot join them; the HTML export shows it", joinKinds(kinds))
	}
	p.cover(kinds)
	for i, sec := range secs {
		if opt.Steps && len(sec.Steps) > 0 {
			for step := 0; step <= len(sec.Steps); step++ {
				p.section(i, sec, step, step == 0)
			}
		} else {
			p.section(i, sec, len(sec.Steps), true)
		}
		if pdf.Err() {
			break
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	// The document is about to take as much memory again as its
	// pictures: what decoding them left is given back first, and the
	// buffer is sized for the pictures, the pages' text and the fonts'
	// glyphs, with room to spare.
	debug.FreeOSMemory()
	growBuffer(pdf, int(p.imageBytes+p.imageBytes/16)+4<<20)
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

// storyTexts is every piece of text a PDF of the story sets.
func storyTexts(s *story.Story, secs []story.Section, notes bool) []string {
	out := []string{s.Kicker, s.Title, s.Subtitle, strings.Join(s.Authors, " "), s.Date, s.Source, s.Intro}
	pic := func(p story.Picture) { out = append(out, p.Alt, p.Caption, p.Credit) }
	pic(s.Poster)
	for _, sec := range secs {
		out = append(out, sec.Caption, sec.Body)
		for _, p := range sec.Pictures {
			pic(p)
		}
		for _, c := range sec.Columns {
			out = append(out, c.Parts...)
		}
		if notes {
			out = append(out, sec.Notes()...)
		}
	}
	if notes {
		out = append(out, s.CoverNotes()...)
	}
	return out
}

func (p *pdfWriter) contentWidth() float64 { return p.w - 2*pdfMargin }

// bottom is the lowest a page's content reaches, above its number.
func (p *pdfWriter) bottom() float64 { return p.h - pdfMargin - pdfFooter }

func (p *pdfWriter) footer() {
	p.pdf.SetY(-pdfMargin)
	p.font(false, 8)
	p.pdf.SetTextColor(110, 110, 110)
	p.pdf.CellFormat(0, 5, fmt.Sprintf("%d / {nb}", p.pdf.PageNo()), "", 0, "R", false, 0, "")
	p.pdf.SetTextColor(20, 20, 20)
}

func (p *pdfWriter) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	p.pdf.SetFont(fontFamily, style, size)
}

// lineHeight is the height of a line of text of size pt.
func lineHeight(pt float64) float64 { return pt * ptToMM * 1.35 }

// para sets a paragraph across the page at the cursor.
func (p *pdfWriter) para(text string, bold bool, size float64, indent float64) {
	p.paraIn(pdfMargin, p.contentWidth(), text, bold, size, indent)
}

// paraIn sets a paragraph at the cursor in the band from x, w wide.
func (p *pdfWriter) paraIn(x, w float64, text string, bold bool, size float64, indent float64) {
	p.font(bold, size)
	p.pdf.SetX(x + indent)
	p.pdf.MultiCell(w-indent, lineHeight(size), pdfText(text), "", p.align, false)
}

func (p *pdfWriter) cover(kinds []string) {
	s := p.s
	pdf := p.pdf
	pdf.AddPage()
	pdf.Bookmark(pdfText(s.Title), 0, -1)
	pdf.SetY(pdfMargin + 6)
	pdf.SetTextColor(110, 110, 110)
	if s.Kicker != "" {
		p.para(strings.ToUpper(s.Kicker), false, 10, 0)
	}
	pdf.SetTextColor(20, 20, 20)
	p.para(s.Title, true, 28, 0)
	if s.Subtitle != "" {
		pdf.Ln(1)
		p.para(s.Subtitle, false, 16, 0)
	}
	var meta []string
	if len(s.Authors) > 0 {
		meta = append(meta, "By "+joinNames(s.Authors))
	}
	meta = appendNonEmpty(meta, s.Date, s.Source)
	if len(meta) > 0 {
		pdf.Ln(2)
		pdf.SetTextColor(90, 90, 90)
		p.para(strings.Join(meta, " · "), false, 12, 0)
		pdf.SetTextColor(20, 20, 20)
	}
	pdf.Ln(4)
	if s.Poster.Source != "" {
		top := pdf.GetY()
		pdf.SetY(top + p.pictures([]story.Picture{s.Poster}, top, (p.bottom()-top)*0.5) + pdfGap)
	}
	p.blocks(markdownBlocks(s.Intro, s.KeepLineBreaks), 12.5)
	p.notes(s.CoverNotes())
	if len(kinds) > 0 {
		pdf.Ln(4)
		pdf.SetTextColor(150, 40, 20)
		p.para(fmt.Sprintf("This PDF cannot show the story's %s text: its font has no letters for it, or cannot join them as they are written. Export the story to HTML (reel export STORY -o story.html) to keep it.", joinKinds(kinds)), false, 10.5, 0)
		pdf.SetTextColor(20, 20, 20)
	}
}

func appendNonEmpty(out []string, more ...string) []string {
	for _, m := range more {
		if m != "" {
			out = append(out, m)
		}
	}
	return out
}

// section sets a section at reveal step step (len(sec.Steps) is the
// whole section) on a page of its own.
func (p *pdfWriter) section(i int, sec story.Section, step int, bookmark bool) {
	pdf := p.pdf
	pdf.AddPage()
	label := sec.Caption
	if label == "" {
		label = fmt.Sprintf("Section %d", i+1)
	}
	if bookmark {
		pdf.Bookmark(pdfText(label), 0, -1)
	}
	if sec.Caption != "" {
		p.para(sec.Caption, true, pdfHeadingPt, 0)
		pdf.Ln(2)
	}
	shown := stepSection(sec, step)
	pics := shown.Pictures
	blocks := markdownBlocks(shown.Body, p.s.KeepLineBreaks)
	if len(pics) > 0 {
		top := pdf.GetY()
		room := p.bottom() - top
		// The text keeps up to 40 % of the page under the pictures; what
		// does not fit runs on to the next page.
		textH := min(p.blocksHeight(blocks, pdfBodyPt), room*0.4)
		area := max(room-textH-pdfGap, room*0.45)
		pdf.SetY(top + p.pictures(pics, top, area) + pdfGap)
	}
	p.sectionText(shown)
	if href, ok := itemLink(sec); ok {
		p.pdf.Ln(2)
		p.pdf.SetTextColor(90, 90, 90)
		p.para("Link: "+href, false, 9, 0)
		p.pdf.SetTextColor(20, 20, 20)
	}
	p.notes(sec.Notes())
}

func (p *pdfWriter) notes(notes []string) {
	if !p.opt.Notes || len(notes) == 0 {
		return
	}
	p.pdf.Ln(3)
	p.pdf.SetTextColor(90, 90, 90)
	p.para("NOTES", true, 9, 0)
	for _, n := range notes {
		p.blocks(markdownBlocks(n, false), 10)
	}
	p.pdf.SetTextColor(20, 20, 20)
}

// blocks sets text blocks one under another.
func (p *pdfWriter) blocks(blocks []textBlock, size float64) {
	p.blocksIn(pdfMargin, p.contentWidth(), blocks, size)
}

// blocksIn sets text blocks one under another in the band from x, w
// wide.
func (p *pdfWriter) blocksIn(x, w float64, blocks []textBlock, size float64) {
	for _, b := range p.laidOut(blocks, w, size) {
		pt := p.blockFont(b, size)
		align := p.align
		if b.code {
			align = "L" // code reads left to right in any story
		}
		indent := float64(b.indent) * 6
		p.pdf.SetX(x + indent)
		p.pdf.MultiCell(w-indent, lineHeight(pt), b.text, "", align, false)
		p.pdf.Ln(lineHeight(pt) * 0.45)
	}
}

// laidOut is blocks with each table laid out for a band w wide.
func (p *pdfWriter) laidOut(blocks []textBlock, w, size float64) []textBlock {
	out := make([]textBlock, 0, len(blocks))
	for _, b := range blocks {
		if b.rows != nil {
			out = append(out, p.setTable(b, w, size)...)
			continue
		}
		out = append(out, b)
	}
	return out
}

// blockFont sets the font of block b in text of size and returns its
// size: code a little smaller, in the monospaced font where it has the
// letters.
func (p *pdfWriter) blockFont(b textBlock, size float64) float64 {
	if !b.code {
		p.font(b.bold, size)
		return size
	}
	pt := size - 1.5
	if monoCovers(b.text) {
		p.pdf.SetFont(monoFamily, "", pt)
	} else {
		p.font(false, pt)
	}
	return pt
}

// blocksHeight is how tall blocks are when set across the page.
func (p *pdfWriter) blocksHeight(blocks []textBlock, size float64) float64 {
	return p.blocksHeightIn(p.contentWidth(), blocks, size)
}

// blocksHeightIn is how tall blocks are when set w wide.
func (p *pdfWriter) blocksHeightIn(w float64, blocks []textBlock, size float64) float64 {
	total := 0.0
	for _, b := range p.laidOut(blocks, w, size) {
		pt := p.blockFont(b, size)
		lines := len(p.pdf.SplitText(b.text, w-float64(b.indent)*6))
		total += float64(max(lines, 1))*lineHeight(pt) + lineHeight(pt)*0.45
	}
	return total
}

// pictures sets pictures in rows of up to pdfCols within the area from
// top down height, each scaled to fit its cell with its caption and
// credit beneath, and returns the height used.
func (p *pdfWriter) pictures(pics []story.Picture, top, height float64) float64 {
	cols := min(len(pics), pdfCols)
	rows := (len(pics) + cols - 1) / cols
	cellW := (p.contentWidth() - pdfGap*float64(cols-1)) / float64(cols)
	rowH := (height - pdfGap*float64(rows-1)) / float64(rows)
	used := 0.0
	y := top
	for r := range rows {
		rowUsed := 0.0
		for c := range cols {
			k := r*cols + c
			if k >= len(pics) {
				break
			}
			x := pdfMargin + float64(c)*(cellW+pdfGap)
			rowUsed = max(rowUsed, p.picture(pics[k], x, y, cellW, rowH))
		}
		y += rowUsed + pdfGap
		used = y - top - pdfGap
	}
	return used
}

// picture sets one picture (or its panel) and its caption in the cell at
// x, y of size w×h, and returns the height used.
func (p *pdfWriter) picture(pic story.Picture, x, y, w, h float64) float64 {
	pdf := p.pdf
	caption := captionText(pic)
	dw, picH, capH := p.pictureSize(pic, w, h)
	if name, _, ok := p.image(pic.Source); ok {
		pdf.ImageOptions(name, x+(w-dw)/2, y, dw, picH, false, fpdf.ImageOptions{}, 0, "")
	} else {
		p.panel(pic, x, y, w, picH)
	}
	if caption != "" {
		pdf.SetTextColor(80, 80, 80)
		p.font(false, pdfSmallPt)
		pdf.SetXY(x, y+picH+1.5)
		pdf.MultiCell(w, lineHeight(pdfSmallPt), caption, "", "C", false)
		pdf.SetTextColor(20, 20, 20)
	}
	return picH + 1.5 + capH
}

// pictureSize is how large a picture (or its panel) is set in a cell
// w×h: its width and height, and its caption's height beneath.
func (p *pdfWriter) pictureSize(pic story.Picture, w, h float64) (dw, dh, capH float64) {
	caption := captionText(pic)
	p.font(false, pdfSmallPt)
	if caption != "" {
		capH = float64(len(p.pdf.SplitText(caption, w))) * lineHeight(pdfSmallPt)
	}
	box := max(h-capH-1.5, 20)
	if e := p.pics[pic.Source]; e.ok() || p.images[pic.Source] != "" {
		iw, ih := float64(e.w), float64(e.h)
		scale := min(w/iw, box/ih)
		return iw * scale, ih * scale, capH
	}
	if pic.Placeholder || pic.Source == "" {
		return w, min(box, 18), capH // it stands for a picture; it holds none
	}
	return w, min(box, 45), capH
}

// panel stands for a picture the PDF does not hold: its alt text and why.
func (p *pdfWriter) panel(pic story.Picture, x, y, w, h float64) {
	pdf := p.pdf
	pdf.SetDrawColor(150, 150, 150)
	pdf.SetFillColor(240, 239, 234)
	pdf.Rect(x, y, w, h, "DF")
	alt := pic.Alt
	if alt == "" && pic.Placeholder {
		alt = pic.Caption
	}
	if alt == "" {
		alt = "no description"
	}
	text := pdfText(alt) + "\n" + pdfText(missingReason(pic, p.pics[pic.Source]))
	p.font(false, 10)
	lines := len(pdf.SplitText(text, w-6)) + 1
	pdf.SetXY(x+3, y+max((h-float64(lines)*lineHeight(10))/2, 2))
	pdf.SetTextColor(70, 70, 70)
	pdf.MultiCell(w-6, lineHeight(10), text, "", "C", false)
	pdf.SetTextColor(20, 20, 20)
}

// captionText is a picture's caption and credit, as set beneath it.
func captionText(pic story.Picture) string {
	parts := appendNonEmpty(nil, pdfText(pic.Caption), pdfText(pic.Credit))
	return strings.Join(parts, "\n")
}

// image registers a picture with the PDF once and returns its name there.
// Its bytes are let go once fpdf holds them.
func (p *pdfWriter) image(src string) (string, *embedded, bool) {
	e := p.pics[src]
	if name, ok := p.images[src]; ok {
		return name, e, true
	}
	if !e.ok() {
		return "", nil, false
	}
	typ := "PNG"
	if e.mime == "image/jpeg" {
		typ = "JPG"
	}
	name := fmt.Sprintf("picture-%d", len(p.images)+1)
	p.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(e.data))
	if p.pdf.Err() {
		return "", nil, false
	}
	p.imageBytes += int64(len(e.data))
	e.data = nil
	p.images[src] = name
	return name, e, true
}
