package encode

import (
	"image"
	"image/color"
	"strconv"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
)

// Blocks draws img as cols×rows terminal cells of Unicode half blocks:
// each cell shows two pixels, the upper one as the foreground of "▀" and
// the lower one as its background, in true colour or in the nearest
// colour the profile has. Transparent pixels are left to the terminal's
// own background. Each line ends with a reset, so lines can be placed in
// any frame. A profile without colour gets no lines.
func Blocks(img image.Image, cols, rows int, p colorprofile.Profile) []string {
	if cols <= 0 || rows <= 0 || p < colorprofile.ANSI {
		return nil
	}
	px := picture.ScaleTo(img, cols, 2*rows)
	conv := converter{profile: p, seen: map[color.RGBA]string{}}
	// In 16 and 256 colours each pixel's colour is chosen beforehand,
	// dithered.
	var idx []int16
	switch p {
	case colorprofile.ANSI:
		idx = dither16(px)
	case colorprofile.ANSI256:
		idx = dither256(px)
	}
	param := func(x, y int, background bool) (string, bool) {
		if idx != nil {
			k := idx[y*cols+x]
			if k == transparent {
				return "", false
			}
			return sgrIndexed(p, k, background), true
		}
		c, ok := opaque(px, x, y)
		if !ok {
			return "", false
		}
		return conv.sgr(c, background), true
	}
	lines := make([]string, rows)
	var b strings.Builder
	for y := range rows {
		b.Reset()
		var last string
		for x := range cols {
			topFG, topOK := param(x, 2*y, false)
			botBG, botOK := param(x, 2*y+1, true)
			var sgr, glyph string
			switch {
			case topOK && botOK:
				sgr, glyph = topFG+";"+botBG, "▀"
			case topOK:
				sgr, glyph = topFG+";49", "▀"
			case botOK:
				botFG, _ := param(x, 2*y+1, false)
				sgr, glyph = botFG+";49", "▄"
			default:
				sgr, glyph = "0", " "
			}
			if sgr != last {
				b.WriteString("\x1b[" + sgr + "m")
				last = sgr
			}
			b.WriteString(glyph)
		}
		b.WriteString("\x1b[m")
		lines[y] = b.String()
	}
	return lines
}

// opaque returns the pixel at x, y and whether it is opaque enough to
// draw. Pixels are stored premultiplied; the colour is returned
// unpremultiplied.
func opaque(img *image.RGBA, x, y int) (color.RGBA, bool) {
	i := img.PixOffset(x, y)
	c := color.RGBA{img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3]}
	if c.A < 128 {
		return c, false
	}
	if c.A < 255 {
		n := color.NRGBAModel.Convert(c).(color.NRGBA)
		c = color.RGBA{n.R, n.G, n.B, 255}
	}
	return c, true
}

// converter turns colours into SGR parameters for a profile, remembering
// each colour it has converted: nearest-colour searches are not free.
type converter struct {
	profile colorprofile.Profile
	seen    map[color.RGBA]string // foreground parameters
}

func (cv converter) sgr(c color.RGBA, background bool) string {
	fg, ok := cv.seen[c]
	if !ok {
		fg = fgParams(cv.convert(c))
		cv.seen[c] = fg
	}
	if !background {
		return fg
	}
	// Foreground parameters become background ones: 38 → 48, 3x → 4x,
	// 9x → 10x.
	switch {
	case strings.HasPrefix(fg, "38;"):
		return "48;" + fg[3:]
	case fg[0] == '9':
		return "10" + fg[1:]
	}
	return "4" + fg[1:]
}

// convert is the colour nearest c in the profile, as the profile's own
// Convert finds it, without Convert's memory: that one is the process's
// and never forgets, and a photograph brings a thousand colours or more
// (8.5 MB of it after 100 pictured pages, live in the reader). cv.seen
// remembers them for one picture.
func (cv converter) convert(c color.RGBA) color.Color {
	switch cv.profile {
	case colorprofile.ANSI256:
		return ansi.Convert256(c)
	case colorprofile.ANSI:
		return ansi.Convert16(c)
	}
	return c
}

func fgParams(c color.Color) string {
	switch c := c.(type) {
	case ansi.BasicColor:
		if c < 8 {
			return strconv.Itoa(30 + int(c))
		}
		return strconv.Itoa(90 + int(c) - 8)
	case ansi.IndexedColor:
		return "38;5;" + strconv.Itoa(int(c))
	}
	r, g, b, _ := c.RGBA()
	return "38;2;" + strconv.Itoa(int(r>>8)) + ";" + strconv.Itoa(int(g>>8)) + ";" + strconv.Itoa(int(b>>8))
}
