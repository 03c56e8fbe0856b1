package export

import (
	"fmt"
	"image/color"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/markdown"
)

// columnsDeck is a deck with a presenterm column layout [2, 1], a
// picture in each column (the left one captioned and credited), and text
// before and after it.
const columnsDeck = "---\ntitle: Two sides\n---\n\n# Two sides\n\nA deck with columns.\n\n---\n\n# Side by side\n\nBefore the columns.\n\n" +
	"<!-- column_layout: [2, 1] -->\n\n<!-- column: 0 -->\n\nLeft words here.\n\n![A red field](red.png \"All red\")\n_Photo: reel's tests_\n\n" +
	"<!-- column: 1 -->\n\nRight words there.\n\n![A blue field](blue.png)\n\n<!-- reset_layout -->\n\nAfter the columns.\n\n---\n\n# Plain\n\nJust text.\n"

func columnsPictures(t *testing.T) map[string][]byte {
	return map[string][]byte{
		"red.png":  pngBytes(t, 1200, 600, color.RGBA{230, 0, 0, 255}),
		"blue.png": pngBytes(t, 1200, 600, color.RGBA{0, 0, 230, 255}),
	}
}

// TestColumnsInHTML: a layout is one grid whose columns are siblings,
// each with its own text and picture, its template the layout's shares.
func TestColumnsInHTML(t *testing.T) {
	s, origin := storyFile(t, "deck.md", columnsDeck, columnsPictures(t))
	if len(s.Section(0).Columns) != 1 {
		t.Fatal("the deck's layout was not read as columns")
	}
	page := exportString(t, s, Options{Format: FormatHTML, Origin: origin})
	if !strings.Contains(page, ".cols-2-1{grid-template-columns:minmax(0,2fr) minmax(0,1fr)}") {
		t.Error("no grid template of shares 2 and 1 in the style sheet")
	}
	if !strings.Contains(page, "@media screen and (max-width:40rem){.columns{grid-template-columns:minmax(0,1fr)}}") {
		t.Error("no rule stacks the columns on a narrow screen")
	}
	doc := parseHTML(t, page)
	var grids []*html.Node
	for _, div := range elements(doc, "div") {
		if hasClass(div, "columns") {
			grids = append(grids, div)
		}
	}
	if len(grids) != 1 || !hasClass(grids[0], "cols-2-1") {
		t.Fatalf("%d grids, want one of class cols-2-1", len(grids))
	}
	var cols []*html.Node
	for c := grids[0].FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			cols = append(cols, c)
		}
	}
	if len(cols) != 2 || !hasClass(cols[0], "column") || !hasClass(cols[1], "column") {
		t.Fatalf("the grid holds %d elements, want two columns", len(cols))
	}
	for i, want := range []struct{ words, alt, caption string }{
		{"Left words here.", "A red field", "All red Photo: reel's tests"},
		{"Right words there.", "A blue field", ""},
	} {
		if got := textOf(cols[i]); !strings.Contains(got, want.words) {
			t.Errorf("column %d: text %q lacks %q", i, got, want.words)
		}
		imgs := elements(cols[i], "img")
		if len(imgs) != 1 {
			t.Errorf("column %d holds %d pictures, want 1", i, len(imgs))
			continue
		}
		if alt, _ := attr(imgs[0], "alt"); alt != want.alt {
			t.Errorf("column %d: picture %q, want %q", i, alt, want.alt)
		}
		if src, _ := attr(imgs[0], "src"); !strings.HasPrefix(src, "data:image/png;base64,") {
			t.Errorf("column %d: picture not embedded: %.40s", i, src)
		}
		if want.caption != "" {
			if got := strings.Join(strings.Fields(textOf(elements(cols[i], "figcaption")[0])), " "); got != want.caption {
				t.Errorf("column %d: caption %q, want %q", i, got, want.caption)
			}
		}
	}
	// The text before and after the layout stands there, outside it.
	sec := elements(doc, "section")[0]
	all := textOf(sec)
	if b, l, a := strings.Index(all, "Before the columns."), strings.Index(all, "Left words"), strings.Index(all, "After the columns."); b < 0 || l < b || a < l {
		t.Errorf("section text out of order: %q", all)
	}
	if strings.Contains(textOf(grids[0]), "Before") || strings.Contains(textOf(grids[0]), "After") {
		t.Error("the text about the layout is inside it")
	}
}

// stackedStory is s with its column layouts one column under another,
// pictures and all: what a web reader makes of an HTML export.
func stackedStory(s *story.Story) *story.Story {
	out := &story.Story{Title: s.Title, Lang: s.Lang, Intro: s.Intro}
	for _, sec := range s.Sections() {
		out.AddSection(stackedColumns(sec))
	}
	return out
}

// TestColumnsHTMLReadBack: reel reads an HTML export's columns back one
// under another, every column's text and picture in its section.
func TestColumnsHTMLReadBack(t *testing.T) {
	s, origin := storyFile(t, "deck.md", columnsDeck, columnsPictures(t))
	back, backOrigin, _ := exportAndRead(t, s, Options{Format: FormatHTML, Origin: origin}, "out.html")
	want := stackedStory(s)
	if got := shownPictures(want.Section(0)); len(got) != 2 {
		t.Fatalf("stacked, the section has %d pictures, want the columns' 2", len(got))
	}
	compareStories(t, want, back, origin, backOrigin, tripRules{})
}

// TestColumnsMarkdownReadBack: the Markdown export writes a layout back
// as presenterm's comments, which read back as the same columns, their
// pictures in the deck's folder.
func TestColumnsMarkdownReadBack(t *testing.T) {
	s, origin := storyFile(t, "deck.md", columnsDeck, columnsPictures(t))
	back, backOrigin, out := exportAndRead(t, s, Options{Format: FormatMarkdown, Origin: origin}, "out.md")
	compareStories(t, s, back, origin, backOrigin, tripRules{deck: true})
	a, b := s.Section(0).Columns, back.Section(0).Columns
	if len(a) != 1 || len(b) != 1 || !slices.Equal(a[0].Widths, b[0].Widths) || len(b[0].Parts) != len(a[0].Parts) {
		t.Fatalf("columns %+v, want %+v in %s", b, a, out)
	}
	for i := range a[0].Parts {
		ca, cb := markdown.ReadColumn(a[0].Parts[i]), markdown.ReadColumn(b[0].Parts[i])
		if words(ca.Body) != words(cb.Body) {
			t.Errorf("column %d: %q, want %q", i, cb.Body, ca.Body)
		}
		if len(ca.Pictures) != 1 || len(cb.Pictures) != 1 {
			t.Errorf("column %d: %d pictures, want %d", i, len(cb.Pictures), len(ca.Pictures))
			continue
		}
		pa, pb := ca.Pictures[0], cb.Pictures[0]
		if pa.Alt != pb.Alt || pa.Caption != pb.Caption || pa.Credit != pb.Credit || !strings.HasPrefix(pb.Source, "out_files/") {
			t.Errorf("column %d: picture %+v, want %+v", i, pb, pa)
		}
		samePicture(t, origin, backOrigin, pa.Source, pb.Source)
	}
}

// TestColumnsInPDF: the PDF sets a layout's columns side by side, each
// as wide as its share, its text and picture in it, and the text after
// the layout below it.
func TestColumnsInPDF(t *testing.T) {
	s, origin := storyFile(t, "deck.md", columnsDeck, columnsPictures(t))
	dir := t.TempDir()
	out := filepath.Join(dir, "out.pdf")
	if err := WriteFile(t.Context(), out, s, Options{Format: FormatPDF, Origin: origin}); err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(poppler(t, "pdftotext", out, "-"), "\f")
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	flat := strings.Join(strings.Fields(pages[1]), " ")
	last := -1
	for _, w := range []string{"Before the columns.", "Left words here.", "Right words there.", "All red", "After the columns."} {
		i := strings.Index(flat, w)
		if i < 0 || i < last {
			t.Errorf("%q missing or out of order on the section's page: %s", w, flat)
		}
		last = i
	}
	var onPages []string
	for _, line := range strings.Split(poppler(t, "pdfimages", "-list", out), "\n")[2:] {
		if f := strings.Fields(line); len(f) > 3 && f[2] == "image" {
			onPages = append(onPages, f[0])
		}
	}
	if strings.Join(onPages, " ") != "2 2" {
		t.Errorf("pictures on pages %v, want both columns' on page 2", onPages)
	}

	// Drawn, the pictures stand side by side, each in its column: the
	// left one (as tall as a column's picture may be) centred in the
	// first two thirds, the blue one as wide as the last third.
	poppler(t, "pdftoppm", "-png", "-r", "72", "-f", "2", "-l", "2", "-singlefile", out, filepath.Join(dir, "page"))
	img := readPNG(t, filepath.Join(dir, "page.png"))
	keepShot(t, filepath.Join(dir, "page.png"), "columns-pdf.png")
	red, _ := box(img, isRed)
	blue, _ := box(img, isBlue)
	px := float64(img.Bounds().Dx()) / 297 // A4 landscape, in pixels per mm
	colW := (297 - 2*pdfMargin - pdfGap) / 3
	near := func(got int, mm float64) bool { return float64(got) > mm*px-3 && float64(got) < mm*px+3 }
	if red.Empty() || blue.Empty() || red.Max.X > blue.Min.X || red.Min.Y != blue.Min.Y {
		t.Fatalf("red %v and blue %v are not side by side", red, blue)
	}
	if !near((red.Min.X+red.Max.X)/2, pdfMargin+colW) {
		t.Errorf("red %v is not centred in the first column (%.0f px)", red, (pdfMargin+colW)*px)
	}
	if !near(blue.Min.X, pdfMargin+2*colW+pdfGap) || !near(blue.Max.X, 297-pdfMargin) {
		t.Errorf("blue %v does not fill the last column (%.0f to %.0f px)", blue, (pdfMargin+2*colW+pdfGap)*px, (297-pdfMargin)*px)
	}
}

// TestStackedColumnsPlacesPictures: stacked, a column's picture stands
// after its column's text, before the next column's.
func TestStackedColumnsPlacesPictures(t *testing.T) {
	s, _ := storyFile(t, "deck.md", columnsDeck, nil)
	sec := stackedColumns(s.Section(0))
	if len(sec.Columns) != 0 || len(sec.Pictures) != 2 {
		t.Fatalf("columns %d, pictures %d", len(sec.Columns), len(sec.Pictures))
	}
	for i, want := range []struct{ before, after string }{
		{"Left words here.", "Right words there."},
		{"Right words there.", "After the columns."},
	} {
		at := sec.Pictures[i].At
		if !strings.Contains(sec.Body[:at], want.before) || !strings.Contains(sec.Body[at:], want.after) {
			t.Errorf("picture %d at %d of %q", i, at, sec.Body)
		}
	}
}

// TestColumnsKeepSteps: a reveal step before a layout stays before it,
// once, in the stacked text and in the Markdown export read back.
func TestColumnsKeepSteps(t *testing.T) {
	for _, deck := range []string{
		"# Steps\n\nBefore.\n\n<!-- pause -->\n\n<!-- column_layout: [1, 1] -->\n\n<!-- column: 0 -->\n\nLeft.\n\n<!-- column: 1 -->\n\nRight.\n\n<!-- reset_layout -->\n\nAfter.\n",
		"# At the top\n\n<!-- pause -->\n\n<!-- column_layout: [1, 1] -->\n\n<!-- column: 0 -->\n\nLeft.\n\n<!-- column: 1 -->\n\nRight.\n\n<!-- reset_layout -->\n\nAfter.\n",
	} {
		s, origin := storyFile(t, "deck.md", deck, nil)
		sec := s.Section(0)
		if len(sec.Steps) != 1 || len(sec.Columns) != 1 {
			t.Fatalf("%q read with steps %v and %d layouts", deck, sec.Steps, len(sec.Columns))
		}
		stacked := stackedColumns(sec)
		if len(stacked.Steps) != 1 {
			t.Errorf("%s: stacked steps %v, want one", sec.Caption, stacked.Steps)
		} else if shown := stacked.Body[:stacked.Steps[0]]; strings.Contains(shown, "Left.") || strings.Contains(shown, "After.") {
			t.Errorf("%s: the first step shows %q: the layout did not wait", sec.Caption, shown)
		}
		back, backOrigin, _ := exportAndRead(t, s, Options{Format: FormatMarkdown, Origin: origin}, "out.md")
		compareStories(t, s, back, origin, backOrigin, tripRules{deck: true})
		if b := back.Section(0); len(b.Columns) != 1 || b.Steps[0] != sec.Steps[0] || b.Columns[0].At != sec.Columns[0].At {
			t.Errorf("%s: read back with steps %v and layouts %+v, want %v and %+v", sec.Caption, b.Steps, b.Columns, sec.Steps, sec.Columns)
		}
	}
}

// stackedColumns is a section with its column layouts put back in its
// body where they stood, one column under another, each column's
// pictures with its text: what reel reads back from an HTML export. A
// column's own reveal steps are not kept: the reader shows a layout
// whole.
func stackedColumns(sec story.Section) story.Section {
	if len(sec.Columns) == 0 {
		return sec
	}
	var parts []story.Section
	for _, st := range stretches(sec) {
		parts = append(parts, st.text)
		if st.layout != nil {
			for _, col := range st.layout.columns {
				col.Steps = nil
				parts = append(parts, col)
			}
		}
	}
	out := joinParts(parts)
	sec.Body, sec.Pictures, sec.Steps, sec.Columns = out.Body, out.Pictures, out.Steps, nil
	return sec
}

// joinParts joins parts of a body one after another, a blank line
// between two that hold text, their pictures and steps placed in the
// whole.
func joinParts(parts []story.Section) story.Section {
	var out story.Section
	var b strings.Builder
	text := false
	for _, part := range parts {
		if strings.TrimSpace(part.Body) != "" {
			if text {
				b.WriteString("\n\n")
			}
			text = true
		}
		at := b.Len()
		b.WriteString(part.Body)
		for _, p := range part.Pictures {
			p.At += at
			out.Pictures = append(out.Pictures, p)
		}
		for _, s := range part.Steps {
			out.Steps = append(out.Steps, s+at)
		}
	}
	out.Body = b.String()
	return out
}

// TestColumnsInPDFTurnPages: a layout the rest of the page cannot hold
// starts the next page, whole; one no page can hold is set one column
// under another, every word kept.
func TestColumnsInPDFTurnPages(t *testing.T) {
	layout := func(left string) string {
		return "<!-- column_layout: [2, 1] -->\n\n<!-- column: 0 -->\n\n" + left + "![A red field](red.png)\n\n" +
			"<!-- column: 1 -->\n\nRight words there.\n\n![A blue field](blue.png)\n\n<!-- reset_layout -->\n\nAfter the columns.\n"
	}
	paras := func(word string, n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%s paragraph %d.\n\n", word, i+1)
		}
		return b.String()
	}
	for _, tt := range []struct {
		name, body string
		picPages   string
	}{
		{"next page", paras("Lead", 18) + layout("Left words here.\n\n"), "3 3"},
		{"stacked", layout(paras("Left", 40)), "4 4"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, origin := storyFile(t, "deck.md", "# Deck\n\n---\n\n# Long\n\n"+tt.body, columnsPictures(t))
			out := filepath.Join(t.TempDir(), "out.pdf")
			if err := WriteFile(t.Context(), out, s, Options{Format: FormatPDF, Origin: origin}); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(poppler(t, "pdftotext", out, "-")), " ")
			last := -1
			for _, w := range strings.Split(strings.TrimSpace(strings.ReplaceAll(tt.body, "\n\n", "\n")), "\n") {
				if strings.HasPrefix(w, "<!--") || strings.HasPrefix(w, "![") {
					continue
				}
				i := strings.Index(text, w)
				if i < 0 || i < last {
					t.Errorf("%q missing or out of order", w)
				}
				last = i
			}
			var onPages []string
			for _, line := range strings.Split(poppler(t, "pdfimages", "-list", out), "\n")[2:] {
				if f := strings.Fields(line); len(f) > 3 && f[2] == "image" {
					onPages = append(onPages, f[0])
				}
			}
			if got := strings.Join(onPages, " "); got != tt.picPages {
				t.Errorf("pictures on pages %q, want %q", got, tt.picPages)
			}
		})
	}
}
