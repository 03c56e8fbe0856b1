package picture

import (
	"image"

	"golang.org/x/image/draw"
)

// Fit returns the largest size within maxW×maxH with the aspect ratio of
// a w×h picture, never smaller than 1×1.
func Fit(w, h, maxW, maxH int) (int, int) {
	if w <= 0 || h <= 0 || maxW <= 0 || maxH <= 0 {
		return 0, 0
	}
	fw, fh := maxW, int((int64(maxW)*int64(h)+int64(w)/2)/int64(w))
	if fh > maxH {
		fw, fh = int((int64(maxH)*int64(w)+int64(h)/2)/int64(h)), maxH
	}
	return max(fw, 1), max(fh, 1)
}

// Cells returns the size in terminal cells of a w×h picture drawn as
// large as fits maxCols×maxRows. A cell is about twice as tall as it is
// wide, so a row holds two pixels' height for each column's one.
func Cells(w, h, maxCols, maxRows int) (cols, rows int) {
	cols, px := Fit(w, h, maxCols, 2*maxRows)
	if cols == 0 {
		return 0, 0
	}
	return cols, max((px+1)/2, 1)
}

// Shrink returns img scaled down to fit maxW×maxH, keeping its aspect
// ratio, as RGBA; a smaller picture is copied at its own size. A big
// reduction first halves the picture cheaply, then filters it properly,
// which keeps the detail of a careful filter at a fraction of its cost.
func Shrink(img image.Image, maxW, maxH int) *image.RGBA {
	b := img.Bounds()
	w, h := Fit(b.Dx(), b.Dy(), maxW, maxH)
	if w >= b.Dx() || h >= b.Dy() {
		w, h = b.Dx(), b.Dy()
	}
	if w > 0 && (b.Dx() > 4*w || b.Dy() > 4*h) {
		mid := image.NewRGBA(image.Rect(0, 0, 2*w, 2*h))
		draw.ApproxBiLinear.Scale(mid, mid.Bounds(), img, b, draw.Src, nil)
		img, b = mid, mid.Bounds()
	}
	return ScaleTo(img, max(w, 1), max(h, 1))
}

// ScaleTo scales img to exactly w×h pixels: the encoders draw a picture
// at the size of its cells.
func ScaleTo(img image.Image, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	return dst
}

// CellsFor returns the size in cells of a w×h picture drawn as large as
// fits maxCols×maxRows cells of cw×ch pixels each: the box that real
// pixels (sixel, iTerm2) fill, rounded to whole cells.
func CellsFor(w, h, maxCols, maxRows, cw, ch int) (cols, rows int) {
	if cw <= 0 || ch <= 0 {
		return Cells(w, h, maxCols, maxRows)
	}
	fw, fh := Fit(w, h, maxCols*cw, maxRows*ch)
	if fw == 0 {
		return 0, 0
	}
	return clampInt((fw+cw/2)/cw, 1, maxCols), clampInt((fh+ch/2)/ch, 1, maxRows)
}

// Box returns the cells a picture held at w×h pixels takes, drawn as
// large as fits maxCols×maxRows cells but never larger than its own
// pixels: a small icon or spacer stays small. Half blocks (cw, ch zero)
// show one pixel across a cell and two down it; real pixels fill cells
// of cw×ch pixels. shrunk says the picture held was made smaller than
// the file's (Loader.Shrunk), so it may be drawn larger again. The box
// is at least one cell each way, so that a very tall or very wide
// picture is still drawn, as a thin strip.
func Box(w, h, maxCols, maxRows, cw, ch int, shrunk bool) (cols, rows int) {
	if w <= 0 || h <= 0 || maxCols <= 0 || maxRows <= 0 {
		return 0, 0
	}
	if !shrunk {
		if cw <= 0 || ch <= 0 {
			maxCols, maxRows = min(maxCols, w), min(maxRows, (h+1)/2)
		} else {
			maxCols, maxRows = min(maxCols, max((w+cw/2)/cw, 1)), min(maxRows, max((h+ch/2)/ch, 1))
		}
	}
	return CellsFor(w, h, maxCols, maxRows, cw, ch)
}

// Shrunk reports whether img, as Load returned it, was made smaller than
// the picture it was read from. Shrink leaves a shrunk picture touching
// one of the loader's bounds; one whose own size touches them is large
// enough to count as shrunk.
func (l *Loader) Shrunk(img image.Image) bool {
	b := img.Bounds()
	l.mu.Lock() // Resize may change the bounds as a page is drawn
	defer l.mu.Unlock()
	return b.Dx() >= l.maxW || b.Dy() >= l.maxH
}

func clampInt(v, lo, hi int) int { return max(lo, min(v, hi)) }
