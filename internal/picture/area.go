package picture

import (
	"image"
	"image/draw"
)

// areaScale shrinks src to w×h (no larger than src either way): each
// pixel is the average of the source pixels it covers, parts of pixels
// in part. It keeps the detail and the colours a photograph has, where a
// kernel filter samples and rings, and holds no more than a row of the
// source and the result in floats, whatever the source's size.
func areaScale(src image.Image, w, h int) *image.RGBA {
	b := src.Bounds()
	sw, sh := b.Dx(), b.Dy()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	row := image.NewRGBA(image.Rect(0, 0, sw, 1))
	cols := spans(sw, w)
	acc := make([]float32, 4*w*h)
	line := make([]float32, 4*w)
	for y := range sh {
		draw.Draw(row, row.Rect, src, image.Pt(b.Min.X, b.Min.Y+y), draw.Src)
		clear(line)
		for x, s := range cols {
			p := row.Pix[4*x : 4*x+4 : 4*x+4]
			for _, part := range s {
				o := 4 * part.to
				line[o] += part.weight * float32(p[0])
				line[o+1] += part.weight * float32(p[1])
				line[o+2] += part.weight * float32(p[2])
				line[o+3] += part.weight * float32(p[3])
			}
		}
		for _, part := range cover(y, sh, h) {
			o := 4 * w * part.to
			for i, v := range line {
				acc[o+i] += part.weight * v
			}
		}
	}
	for i, v := range acc {
		dst.Pix[i] = uint8(min(v+0.5, 255))
	}
	return dst
}

// part is a share of a source pixel that falls in an output pixel.
type part struct {
	to     int
	weight float32
}

// spans returns, for each of n source pixels, the output pixels of m it
// falls in and with what weight: the weights into each output pixel add
// up to one.
func spans(n, m int) [][]part {
	out := make([][]part, n)
	for i := range n {
		out[i] = cover(i, n, m)
	}
	return out
}

// cover is where source pixel i of n falls among m output pixels: it
// spans [i·m/n, (i+1)·m/n) in output pixels, which is at most one long.
func cover(i, n, m int) []part {
	lo, hi := float64(i)*float64(m)/float64(n), float64(i+1)*float64(m)/float64(n)
	first := int(lo)
	if float64(first+1) >= hi || first+1 >= m {
		return []part{{to: min(first, m-1), weight: float32(hi - lo)}}
	}
	return []part{{to: first, weight: float32(float64(first+1) - lo)}, {to: first + 1, weight: float32(hi - float64(first+1))}}
}
