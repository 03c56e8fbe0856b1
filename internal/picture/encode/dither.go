package encode

import (
	"image"
	"image/color"
	"strconv"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// palette16 is the 16 colours as xterm draws them by default (VTE's and
// most others' are close): what a 16-colour picture is dithered against.
var palette16 = [16]color.RGBA{
	{0, 0, 0, 255}, {205, 0, 0, 255}, {0, 205, 0, 255}, {205, 205, 0, 255},
	{0, 0, 238, 255}, {205, 0, 205, 255}, {0, 205, 205, 255}, {229, 229, 229, 255},
	{127, 127, 127, 255}, {255, 0, 0, 255}, {0, 255, 0, 255}, {255, 255, 0, 255},
	{92, 92, 255, 255}, {255, 0, 255, 255}, {0, 255, 255, 255}, {255, 255, 255, 255},
}

// transparent marks a pixel dithering leaves to the terminal's background.
const transparent = -1

// dither16 maps each pixel of px to one of the 16 colours (an index into
// palette16, or transparent), spreading each pixel's error over the
// pixels not yet mapped (Floyd–Steinberg, along alternate directions on
// alternate rows). Sixteen colours are too few for nearest colours alone:
// a photograph comes out in flat bands, and a gradient as stripes.
func dither16(px *image.RGBA) []int16 {
	return dither(px, func(c [3]int32) (uint8, color.RGBA) {
		k := nearest16(c)
		return k, palette16[k]
	})
}

// dither256 maps each pixel of px to one of the 256 colours, or
// transparent, dithered as dither16 does.
func dither256(px *image.RGBA) []int16 {
	return dither(px, func(c [3]int32) (uint8, color.RGBA) {
		k := nearest256(c)
		return k, palette256[k]
	})
}

// cubeLevels are the six steps of the 256 colours' 6×6×6 cube.
var cubeLevels = [6]int32{0, 95, 135, 175, 215, 255}

// nearest256 is the colour of the cube (16–231) or the greys (232–255)
// nearest c, by the distance nearest16 uses: a few comparisons, where
// ansi.Convert256's HSLuv distance costs microseconds a pixel.
func nearest256(c [3]int32) uint8 {
	var q [3]int32
	for ch, v := range c {
		v = clamp255(v)
		switch {
		case v < 48:
			q[ch] = 0
		case v < 115:
			q[ch] = 1
		default:
			q[ch] = (v - 35) / 40
		}
	}
	cube := 16 + 36*q[0] + 6*q[1] + q[2]
	dCube := distance(c, cubeLevels[q[0]], cubeLevels[q[1]], cubeLevels[q[2]])
	avg := (clamp255(c[0]) + clamp255(c[1]) + clamp255(c[2])) / 3
	g := min(max((avg-3)/10, 0), 23)
	level := 8 + 10*g
	if distance(c, level, level, level) < dCube {
		return uint8(232 + g)
	}
	return uint8(cube)
}

func distance(c [3]int32, r, g, b int32) int32 {
	dr, dg, db := c[0]-r, c[1]-g, c[2]-b
	return 3*dr*dr + 4*dg*dg + 2*db*db
}

func clamp255(v int32) int32 { return min(max(v, 0), 255) }

// palette256 is the 256 colours' RGB.
var palette256 = func() (p [256]color.RGBA) {
	for i := range p {
		r, g, b, _ := ansi.IndexedColor(i).RGBA()
		p[i] = color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
	}
	return p
}()

// dither maps each pixel of px to a colour nearest chooses, spreading the
// error as dither16 says.
func dither(px *image.RGBA, nearest func([3]int32) (uint8, color.RGBA)) []int16 {
	b := px.Bounds()
	w, h := b.Dx(), b.Dy()
	out := make([]int16, w*h)
	// Errors carried to this row and the next, three channels a pixel,
	// with a pixel of margin at each end.
	cur := make([]int32, 3*(w+2))
	next := make([]int32, 3*(w+2))
	for y := range h {
		clear(next)
		dir, x0 := 1, 0
		if y%2 == 1 {
			dir, x0 = -1, w-1
		}
		for i, x := 0, x0; i < w; i, x = i+1, x+dir {
			c, ok := opaque(px, b.Min.X+x, b.Min.Y+y)
			if !ok {
				out[y*w+x] = transparent
				continue
			}
			e := 3 * (x + 1)
			want := [3]int32{
				clampWant(int32(c.R) + cur[e]/16),
				clampWant(int32(c.G) + cur[e+1]/16),
				clampWant(int32(c.B) + cur[e+2]/16),
			}
			k, got := nearest(want)
			out[y*w+x] = int16(k)
			errs := [3]int32{want[0] - int32(got.R), want[1] - int32(got.G), want[2] - int32(got.B)}
			for ch, err := range errs {
				cur[e+3*dir+ch] += 7 * err
				next[e-3*dir+ch] += 3 * err
				next[e+ch] += 5 * err
				next[e+3*dir+ch] += err
			}
		}
		cur, next = next, cur
	}
	return out
}

// nearest16 is the index of the colour of palette16 nearest c, by squared
// distance weighted for the eye (red 3, green 4, blue 2).
func nearest16(c [3]int32) uint8 {
	best, bestD := 0, int32(1<<31-1)
	for i, p := range palette16 {
		dr, dg, db := c[0]-int32(p.R), c[1]-int32(p.G), c[2]-int32(p.B)
		if d := 3*dr*dr + 4*dg*dg + 2*db*db; d < bestD {
			best, bestD = i, d
		}
	}
	return uint8(best)
}

// clampWant keeps a colour with its carried error within reach of the
// palette: clamping to 0–255 would drop error a bright colour needs.
func clampWant(v int32) int32 { return min(max(v, -96), 351) }

// sgrIndexed is the SGR parameters that set colour k of the profile's
// colours (16 or 256) as the foreground, or the background.
func sgrIndexed(p colorprofile.Profile, k int16, background bool) string {
	if p == colorprofile.ANSI {
		return sgr16(uint8(k), background)
	}
	if background {
		return "48;5;" + strconv.Itoa(int(k))
	}
	return "38;5;" + strconv.Itoa(int(k))
}

// sgr16 is the SGR parameter that sets colour k of palette16 as the
// foreground, or the background.
func sgr16(k uint8, background bool) string {
	base := 30
	if background {
		base = 40
	}
	if k >= 8 {
		base += 60
		k -= 8
	}
	return strconv.Itoa(base + int(k))
}
