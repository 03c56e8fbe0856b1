package encode

import (
	"image"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
)

// Sixel draws real pixels in terminals that answer the primary device
// attributes with 4 (xterm as a VT340, foot, mlterm, WezTerm, Konsole,
// Windows Terminal). x/ansi's sixel package would encode them, but it
// needs a module (a bit set) that reel does not carry; this encoder is
// small: a fixed colour cube, Floyd–Steinberg dithering, and run-length
// encoded bands of six rows. ansi.SixelGraphics frames it.

// sixelLevels are the levels of each channel in the palette: a 6×6×6
// colour cube, 216 of the 256 registers every sixel terminal offers,
// fixed, so that the nearest colour is arithmetic, not a search.
const sixelLevels = 6

// cubeIndex is the palette register nearest to a colour of 0-255
// channels.
func cubeIndex(r, g, b int) int {
	q := func(v int) int { return (clamp(v, 0, 255)*(sixelLevels-1) + 127) / 255 }
	return q(r)*sixelLevels*sixelLevels + q(g)*sixelLevels + q(b)
}

// cubeColour is register i's colour, channels 0-255.
func cubeColour(i int) (r, g, b int) {
	step := 255 / (sixelLevels - 1)
	return i / (sixelLevels * sixelLevels) * step, i / sixelLevels % sixelLevels * step, i % sixelLevels * step
}

// ditherCube maps each pixel of img to its cube register, spreading the
// error to the neighbours (Floyd–Steinberg); -1 marks a transparent pixel.
func ditherCube(img *image.RGBA) []int {
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	out := make([]int, w*h)
	cur := make([][3]int, w+2) // error carried into this row, and the next
	next := make([][3]int, w+2)
	for y := range h {
		for x := range w {
			i := y*w + x
			p := img.Pix[4*i : 4*i+4]
			if p[3] < 128 {
				out[i] = -1
				continue
			}
			var c [3]int
			for k := range 3 {
				v := int(p[k])
				if p[3] < 255 {
					v = v * 255 / int(p[3]) // unpremultiply
				}
				c[k] = v + cur[x+1][k]/16
			}
			idx := cubeIndex(c[0], c[1], c[2])
			out[i] = idx
			r, g, b := cubeColour(idx)
			for k, v := range [3]int{r, g, b} {
				e := clamp(c[k], 0, 255) - v
				cur[x+2][k] += e * 7
				next[x][k] += e * 3
				next[x+1][k] += e * 5
				next[x+2][k] += e
			}
		}
		cur, next = next, cur
		clear(next)
	}
	return out
}

// Sixel returns the escape sequence that draws img scaled to exactly w×h
// pixels: DCS P1;P2 q, raster attributes "1;1;w;h (square pixels, the
// size), the palette the picture uses, the bands, ST. P2 is 1, so that
// transparent pixels keep what is under them.
func Sixel(img image.Image, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	idx := ditherCube(picture.ScaleTo(img, w, h))
	const registers = sixelLevels * sixelLevels * sixelLevels

	var b strings.Builder
	b.Grow(w * h / 4)
	b.WriteString(`"1;1;` + strconv.Itoa(w) + ";" + strconv.Itoa(h))
	used := make([]bool, registers)
	for _, c := range idx {
		if c >= 0 {
			used[c] = true
		}
	}
	for c, on := range used {
		if on {
			r, g, bl := cubeColour(c)
			b.WriteString("#" + strconv.Itoa(c) + ";2;" + strconv.Itoa(percent(r)) + ";" + strconv.Itoa(percent(g)) + ";" + strconv.Itoa(percent(bl)))
		}
	}
	rows := make([][]byte, registers) // one band's sixels, by colour
	inBand := make([]bool, registers)
	var present []int
	for top := 0; top < h; top += 6 {
		present = present[:0]
		for y := top; y < min(top+6, h); y++ {
			bit := byte(1) << (y - top)
			for x := range w {
				c := idx[y*w+x]
				if c < 0 {
					continue
				}
				if !inBand[c] {
					inBand[c] = true
					present = append(present, int(c))
					if rows[c] == nil {
						rows[c] = make([]byte, w)
					}
				}
				rows[c][x] |= bit
			}
		}
		for n, c := range present {
			if n > 0 {
				b.WriteByte('$') // back to the band's start for the next colour
			}
			b.WriteString("#" + strconv.Itoa(c))
			writeSixelRow(&b, rows[c])
			clear(rows[c])
			inBand[c] = false
		}
		if top+6 < h {
			b.WriteByte('-')
		}
	}
	return ansi.SixelGraphics(0, 1, 0, []byte(b.String()))
}

// writeSixelRow writes one colour's sixels of a band, runs of four or
// more as "!n" and the blank end of the row left out.
func writeSixelRow(b *strings.Builder, row []byte) {
	end := len(row)
	for end > 0 && row[end-1] == 0 {
		end--
	}
	for x := 0; x < end; {
		run := 1
		for x+run < end && row[x+run] == row[x] {
			run++
		}
		ch := '?' + row[x]
		if run >= 4 {
			b.WriteByte('!')
			b.WriteString(strconv.Itoa(run))
			b.WriteByte(ch)
		} else {
			for range run {
				b.WriteByte(ch)
			}
		}
		x += run
	}
}

// percent turns a 0-255 colour channel into sixel's 0-100.
func percent(c int) int { return (c*100 + 127) / 255 }

// clamp limits v to lo..hi.
func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }
