package encode

import (
	"image"
	"image/color"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// carryFor is the share of error diffuse carries on in profile p.
func carryFor(p colorprofile.Profile) float32 {
	if p == colorprofile.ANSI {
		return diffusion16
	}
	return diffusion
}

// diffuse returns px with each opaque pixel replaced by the colour of the
// profile's palette the terminal will show, the error of each carried to
// its neighbours not yet drawn (Floyd and Steinberg's weights, rows
// walked back and forth): in 256 and 16 colours a gradient becomes a fine
// mix of the colours around it, which the eye averages, instead of bands.
// carry is the share of the error carried on: 0 is each pixel's nearest
// colour. Transparent pixels neither take nor give any.
func diffuse(px *image.RGBA, p colorprofile.Profile, carry float32) *image.RGBA {
	w, h := px.Rect.Dx(), px.Rect.Dy()
	out := image.NewRGBA(px.Rect)
	copy(out.Pix, px.Pix)
	// The error carried into this row and the next, per pixel and channel.
	cur, next := make([][3]float32, w+2), make([][3]float32, w+2)
	nearest := map[color.RGBA]color.RGBA{}
	for y := range h {
		dir, x0, x1 := 1, 0, w
		if y%2 == 1 {
			dir, x0, x1 = -1, w-1, -1
		}
		for x := x0; x != x1; x += dir {
			i := out.PixOffset(x, y)
			if out.Pix[i+3] < 128 {
				continue
			}
			c, _ := opaque(out, x, y)
			want := [3]float32{float32(c.R) + cur[x+1][0], float32(c.G) + cur[x+1][1], float32(c.B) + cur[x+1][2]}
			asked := color.RGBA{clamp8(want[0]), clamp8(want[1]), clamp8(want[2]), 255}
			// The 16 colours' search (Convert16) is slow and diffusion
			// asks for thousands of colours: colours within 8 of each
			// other share an answer.
			key := asked
			if _, exact := basicIndex[asked]; p == colorprofile.ANSI && !exact {
				key = color.RGBA{asked.R&^7 | 4, asked.G&^7 | 4, asked.B&^7 | 4, 255}
			}
			got, ok := nearest[key]
			if !ok {
				got = paletteRGBA(key, p)
				nearest[key] = got
			}
			out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = got.R, got.G, got.B, 255
			for ch, v := range [3]uint8{got.R, got.G, got.B} {
				e := (want[ch] - float32(v)) * carry
				cur[x+1+dir][ch] += e * 7 / 16
				next[x+1-dir][ch] += e * 3 / 16
				next[x+1][ch] += e * 5 / 16
				next[x+1+dir][ch] += e * 1 / 16
			}
		}
		cur, next = next, cur
		clear(next)
	}
	return out
}

// diffusion is the share of a pixel's error carried on in 256 colours:
// less than all of it keeps flat areas flatter (40.50 dB against 40.41
// on the photographs of the quality test).
const diffusion = 0.85

// diffusion16 is the share carried on in 16 colours, whose palette is
// so coarse that all of it is needed.
const diffusion16 = 1.0

// paletteRGBA is the colour the terminal shows for c in profile p.
func paletteRGBA(c color.RGBA, p colorprofile.Profile) color.RGBA {
	var conv color.Color = c
	switch p {
	case colorprofile.ANSI256:
		return nearest256(c)
	case colorprofile.ANSI:
		if _, ok := basicIndex[c]; ok {
			return c // Convert16 would take grey for silver
		}
		conv = ansi.Convert16(c)
	}
	r, g, b, _ := conv.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
}

func clamp8(v float32) uint8 {
	switch {
	case v <= 0:
		return 0
	case v >= 255:
		return 255
	}
	return uint8(v + 0.5)
}

// cubeLevels are the values of the 6×6×6 colour cube of the 256-colour
// palette, along each channel.
var cubeLevels = [6]int{0, 95, 135, 175, 215, 255}

// nearest256 is the colour of the 256-colour palette's cube or grey ramp
// nearest c by weighted distance in RGB, found directly: x/ansi's
// Convert256 measures in HSLuv, whose arithmetic took four fifths of the
// conversion of a diffused photograph (57 ms at 80 columns).
func nearest256(c color.RGBA) color.RGBA {
	level := func(v uint8) int {
		best := 0
		for i, l := range cubeLevels {
			if abs(int(v)-l) < abs(int(v)-cubeLevels[best]) {
				best = i
			}
		}
		return best
	}
	r, g, b := level(c.R), level(c.G), level(c.B)
	cube := color.RGBA{uint8(cubeLevels[r]), uint8(cubeLevels[g]), uint8(cubeLevels[b]), 255}
	mean := (int(c.R) + int(c.G) + int(c.B)) / 3
	step := min(max((mean-3)/10, 0), 23)
	grey := uint8(8 + 10*step)
	if dist(c, color.RGBA{grey, grey, grey, 255}) < dist(c, cube) {
		return color.RGBA{grey, grey, grey, 255}
	}
	return cube
}

func dist(a, b color.RGBA) int {
	dr, dg, db := int(a.R)-int(b.R), int(a.G)-int(b.G), int(a.B)-int(b.B)
	return 2*dr*dr + 4*dg*dg + 3*db*db
}

func abs(v int) int { return max(v, -v) }

// basicIndex is the index of each of the 16 colours of a terminal's
// palette, by its colour as x/ansi has it.
var basicIndex = func() map[color.RGBA]int {
	index := map[color.RGBA]int{}
	for i := range 16 {
		r, g, b, _ := ansi.BasicColor(i).RGBA()
		c := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
		if _, dup := index[c]; !dup {
			index[c] = i
		}
	}
	return index
}()
