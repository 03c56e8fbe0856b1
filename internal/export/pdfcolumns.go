package export

import (
	"github.com/reeltui/reel/story"
)

// A deck's column layouts in the PDF: side by side where they stand in
// the section's text, each column as wide as its share, its text and
// pictures (each at most pdfColumnPicture of the page's height) in their
// order. A
// layout the room left on the page cannot hold starts a new page; one
// that no page could hold is set one column under another.

// pdfColumnPicture is the most of a page's content height one picture in
// a column takes.
const pdfColumnPicture = 0.45

// stepSection is what a section shows at reveal step step: the body up
// to the step's marker, with the pictures and column layouts that stand
// before it (a picture at the very top shows at once; a layout at the
// marker waits for the step, as the Markdown export writes it).
func stepSection(sec story.Section, step int) story.Section {
	if step >= len(sec.Steps) {
		return sec
	}
	limit := min(max(sec.Steps[step], 0), len(sec.Body))
	out := sec
	out.Body, out.Steps, out.Pictures, out.Columns = sec.Body[:limit], nil, nil, nil
	for _, pic := range sec.Pictures {
		if pic.At < limit || pic.At == 0 {
			out.Pictures = append(out.Pictures, pic)
		}
	}
	for _, c := range sec.Columns {
		if c.At < limit {
			out.Columns = append(out.Columns, c)
		}
	}
	return out
}

// sectionText sets a section's text, and its column layouts where they
// stand in it.
func (p *pdfWriter) sectionText(sec story.Section) {
	for _, st := range stretches(sec) {
		p.blocks(markdownBlocks(st.text.Body, p.s.KeepLineBreaks), pdfBodyPt)
		if st.layout != nil {
			p.layout(st.layout)
		}
	}
}

// pdfColumn is a column as the PDF sets it.
type pdfColumn struct {
	x, w   float64
	pieces []pdfPiece
	picH   float64 // the most height each picture may take
	height float64 // its pictures' and text's
}

// pdfPiece is a stretch of a column: text, then the pictures after it.
type pdfPiece struct {
	blocks []textBlock
	pics   []story.Picture
}

// layout sets a column layout at the cursor.
func (p *pdfWriter) layout(l *layout) {
	pdf := p.pdf
	cols, height := p.layoutColumns(l)
	if height > p.bottom()-pdf.GetY() {
		if height > p.bottom()-pdfMargin {
			p.stackedLayout(cols)
			return
		}
		pdf.AddPage()
	}
	top := pdf.GetY()
	// Measured to fit: no column may turn the page under the others.
	pdf.SetAutoPageBreak(false, 0)
	for _, c := range cols {
		pdf.SetY(top)
		for _, pc := range c.pieces {
			p.blocksIn(c.x, c.w, pc.blocks, pdfBodyPt)
			y := pdf.GetY()
			for _, pic := range pc.pics {
				y += p.picture(pic, c.x, y, c.w, c.picH) + pdfGap
			}
			pdf.SetY(y)
		}
	}
	pdf.SetAutoPageBreak(true, pdfMargin+pdfFooter)
	pdf.SetY(top + height + pdfGap)
}

// layoutColumns measures a layout's columns: where each stands, how wide
// it is, and how tall; and the tallest's height.
func (p *pdfWriter) layoutColumns(l *layout) ([]pdfColumn, float64) {
	total := 0
	for _, w := range l.widths {
		total += w
	}
	room := p.contentWidth() - pdfGap*float64(len(l.columns)-1)
	picH := (p.bottom() - pdfMargin) * pdfColumnPicture
	cols := make([]pdfColumn, len(l.columns))
	x, height := pdfMargin, 0.0
	for i, col := range l.columns {
		c := pdfColumn{x: x, w: room * float64(l.widths[i]) / float64(max(total, 1)), picH: picH}
		for _, pc := range pieces(col) {
			piece := pdfPiece{blocks: markdownBlocks(pc.text, p.s.KeepLineBreaks), pics: pc.pictures}
			c.height += p.blocksHeightIn(c.w, piece.blocks, pdfBodyPt)
			for _, pic := range piece.pics {
				_, dh, capH := p.pictureSize(pic, c.w, c.picH)
				c.height += dh + 1.5 + capH + pdfGap
			}
			c.pieces = append(c.pieces, piece)
		}
		cols[i] = c
		x += c.w + pdfGap
		height = max(height, c.height)
	}
	return cols, height
}

// stackedLayout sets columns one under another across the page, each
// picture on a new page where the room left is short.
func (p *pdfWriter) stackedLayout(cols []pdfColumn) {
	pdf := p.pdf
	for _, c := range cols {
		for _, pc := range c.pieces {
			p.blocks(pc.blocks, pdfBodyPt)
			for _, pic := range pc.pics {
				_, dh, capH := p.pictureSize(pic, p.contentWidth(), c.picH)
				if dh+1.5+capH > p.bottom()-pdf.GetY() {
					pdf.AddPage()
				}
				y := pdf.GetY()
				pdf.SetY(y + p.picture(pic, pdfMargin, y, p.contentWidth(), c.picH) + pdfGap)
			}
		}
	}
}
