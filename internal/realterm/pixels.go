package realterm

import (
	"image"
	"image/color"
	"slices"
)

// Kind is how a picture came out on the screen.
type Kind int

// The kinds of drawing Analyse tells apart.
const (
	// Nothing: no row of the screen is mostly the picture's bright,
	// saturated colours.
	Nothing Kind = iota
	// Junk: the picture's colours are there, but neither in real pixels
	// nor in half blocks: tofu boxes, placeholder characters.
	Junk
	// HalfBlocks: the colour changes only at cell edges.
	HalfBlocks
	// RealPixels: the colour changes every pixel or two along a row.
	RealPixels
)

func (k Kind) String() string {
	return [...]string{"nothing", "junk", "half blocks", "real pixels"}[k]
}

// Drawing is what Analyse found of a stripes picture on a screenshot.
type Drawing struct {
	Kind Kind
	// Box holds the rows that are mostly the picture's colours, from the
	// first such pixel to the last.
	Box image.Rectangle
	// Colours is the number of distinct colours inside Box.
	Colours int
	// MedianRun is the median length, in pixels, of a run of one colour
	// along a row inside Box (the runs at either end left out); RunGCD
	// is the greatest common divisor of those lengths: the cell width for
	// half blocks.
	MedianRun, RunGCD int
}

// A row is part of the picture when at least minStripeRow of its pixels
// have the stripes' colours and they cover at least half of the row from
// the first to the last: more than any line of text or rule reel draws
// in a colour of its own. A picture is at least minBand such rows one
// under the other: taller than a line of text.
const (
	minStripeRow = 60
	minBand      = 24
)

// stripeColour reports whether c is one of the saturated colours of a
// Stripes picture (or of half blocks of one, in 256 or 16 colours).
func stripeColour(c color.RGBA) bool {
	hi := max(c.R, c.G, c.B)
	lo := min(c.R, c.G, c.B)
	return hi >= 140 && int(hi)-int(lo) >= 96
}

// Analyse finds the stripes picture on a screenshot and says how it was
// drawn.
func Analyse(img image.Image) Drawing {
	rgba := toRGBA(img)
	box := pictureBand(rgba)
	if box.Dy() < minBand {
		return Drawing{Kind: Nothing}
	}
	d := Drawing{Box: box}
	colours := map[color.RGBA]bool{}
	var runs []int
	for y := box.Min.Y; y < box.Max.Y; y++ {
		start := box.Min.X
		var rowRuns []int
		for x := box.Min.X; x < box.Max.X; x++ {
			c := rgba.RGBAAt(x, y)
			colours[c] = true
			if x+1 == box.Max.X || rgba.RGBAAt(x+1, y) != c {
				rowRuns = append(rowRuns, x+1-start)
				start = x + 1
			}
		}
		if len(rowRuns) > 2 {
			runs = append(runs, rowRuns[1:len(rowRuns)-1]...)
		}
	}
	d.Colours = len(colours)
	if len(runs) > 0 {
		slices.Sort(runs)
		d.MedianRun = runs[len(runs)/2]
		for _, r := range runs {
			d.RunGCD = gcd(d.RunGCD, r)
		}
	}
	switch {
	case d.Colours >= 16 && d.MedianRun > 0 && d.MedianRun <= 2:
		d.Kind = RealPixels
	case d.Colours >= 3 && d.RunGCD >= 4:
		d.Kind = HalfBlocks
	default:
		d.Kind = Junk
	}
	return d
}

// pictureBand returns the tallest band of picture rows, from the
// leftmost of their stripe-coloured pixels to the rightmost.
func pictureBand(rgba *image.RGBA) image.Rectangle {
	b := rgba.Bounds()
	var best, cur image.Rectangle
	for y := b.Min.Y; y < b.Max.Y; y++ {
		first, last, n := -1, -1, 0
		for x := b.Min.X; x < b.Max.X; x++ {
			if stripeColour(rgba.RGBAAt(x, y)) {
				n++
				if first < 0 {
					first = x
				}
				last = x
			}
		}
		if n < minStripeRow || 2*n < last+1-first {
			cur = image.Rectangle{}
			continue
		}
		cur = cur.Union(image.Rect(first, y, last+1, y+1))
		if cur.Dy() > best.Dy() {
			best = cur
		}
	}
	return best
}

// CountNear counts the pixels of img within tolerance (per channel) of c.
func CountNear(img image.Image, c color.RGBA, tolerance int) int {
	rgba := toRGBA(img)
	b := rgba.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p := rgba.RGBAAt(x, y)
			if near(p.R, c.R, tolerance) && near(p.G, c.G, tolerance) && near(p.B, c.B, tolerance) {
				n++
			}
		}
	}
	return n
}

func near(a, b uint8, tolerance int) bool {
	d := int(a) - int(b)
	return d <= tolerance && -d <= tolerance
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func toRGBA(img image.Image) *image.RGBA {
	if rgba, ok := img.(*image.RGBA); ok {
		return rgba
	}
	b := img.Bounds()
	rgba := image.NewRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			rgba.Set(x, y, img.At(x, y))
		}
	}
	return rgba
}
