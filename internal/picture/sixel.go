package picture

import (
	"image"
	"image/color"
	"image/draw"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Sixel draws real pixels in terminals that answer the primary device
// attributes with 4 (xterm as a VT340, foot, mlterm, WezTerm, Konsole,
// Windows Terminal). x/ansi's sixel package would encode them, but it
// needs a module (a bit set) that reel does not carry; this encoder is
// small: a fixed palette, Floyd–Steinberg dithering, and run-length
// encoded bands of six rows. ansi.SixelGraphics frames it.

// sixelPalette is a 6×6×6 colour cube and 24 greys: 240 of the 256
// registers every sixel terminal offers, fixed, so that encoding needs no
// quantising pass.
var sixelPalette = func() color.Palette {
	p := make(color.Palette, 0, 240)
	for r := range 6 {
		for g := range 6 {
			for b := range 6 {
				p = append(p, color.RGBA{uint8(r * 51), uint8(g * 51), uint8(b * 51), 255})
			}
		}
	}
	for i := range 24 {
		v := uint8(8 + i*10)
		p = append(p, color.RGBA{v, v, v, 255})
	}
	return p
}()

// Sixel returns the escape sequence that draws img scaled to exactly w×h
// pixels: DCS P1;P2 q, raster attributes "1;1;w;h (square pixels, the
// size), the palette the picture uses, the bands, ST. P2 is 1, so that
// transparent pixels keep what is under them.
func Sixel(img image.Image, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	src := scaleTo(img, w, h)
	idx := image.NewPaletted(src.Bounds(), sixelPalette)
	draw.FloydSteinberg.Draw(idx, idx.Bounds(), src, image.Point{})

	var b strings.Builder
	b.WriteString(`"1;1;` + strconv.Itoa(w) + ";" + strconv.Itoa(h))
	used := make([]bool, len(sixelPalette))
	for i, c := range idx.Pix {
		if src.Pix[4*i+3] >= 128 {
			used[c] = true
		}
	}
	for c, on := range used {
		if !on {
			continue
		}
		r, g, bl, _ := sixelPalette[c].RGBA()
		b.WriteString("#" + strconv.Itoa(c) + ";2;" + strconv.Itoa(percent(r)) + ";" + strconv.Itoa(percent(g)) + ";" + strconv.Itoa(percent(bl)))
	}
	rows := make([][]byte, len(sixelPalette)) // one band's sixels, by colour
	inBand := make([]bool, len(sixelPalette))
	var present []int
	for top := 0; top < h; top += 6 {
		present = present[:0]
		for y := top; y < min(top+6, h); y++ {
			bit := byte(1) << (y - top)
			for x := range w {
				i := y*w + x
				if src.Pix[4*i+3] < 128 {
					continue
				}
				c := idx.Pix[i]
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
		ch := string(rune('?' + row[x]))
		if run >= 4 {
			b.WriteString("!" + strconv.Itoa(run) + ch)
		} else {
			b.WriteString(strings.Repeat(ch, run))
		}
		x += run
	}
}

// percent turns a 16-bit colour channel into sixel's 0-100.
func percent(c uint32) int { return int((c*100 + 0x7fff) / 0xffff) }
