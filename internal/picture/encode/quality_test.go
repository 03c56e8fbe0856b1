package encode

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
)

// Half blocks' quality is measured as the eye sees it from reading
// distance: PSNR after a 3×3 box blur of both images, of the half blocks
// re-rasterised (a pixel per half cell, in xterm's colours) against the
// photograph scaled to the same pixels with a box filter.

// rasterise turns rows of half-block text into its pixels: cols × 2·rows.
// It reads the glyphs reel and chafa write (▀, ▄, █, space) and SGR
// colours in true colour, 256 and 16 colours.
func rasterise(lines []string, cols int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, cols, 2*len(lines)))
	for y, line := range lines {
		fg, bg := color.RGBA{255, 255, 255, 255}, color.RGBA{0, 0, 0, 255}
		x := 0
		for i := 0; i < len(line) && x < cols; {
			if strings.HasPrefix(line[i:], "\x1b[") {
				end := strings.IndexByte(line[i:], 'm')
				if end < 0 {
					break
				}
				fg, bg = applySGR(line[i+2:i+end], fg, bg)
				i += end + 1
				continue
			}
			r, size := rune(line[i]), 1
			if line[i] >= 0x80 {
				r = []rune(line[i:])[0]
				size = len(string(r))
			}
			i += size
			top, bot := bg, bg
			switch r {
			case '▀':
				top = fg
			case '▄':
				bot = fg
			case '█':
				top, bot = fg, fg
			}
			img.SetRGBA(x, 2*y, top)
			img.SetRGBA(x, 2*y+1, bot)
			x++
		}
	}
	return img
}

func applySGR(params string, fg, bg color.RGBA) (color.RGBA, color.RGBA) {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		n, _ := strconv.Atoi(ps[i])
		switch {
		case n == 0:
			fg, bg = color.RGBA{255, 255, 255, 255}, color.RGBA{0, 0, 0, 255}
		case n == 38 || n == 48:
			var c color.RGBA
			if i+1 < len(ps) && ps[i+1] == "5" && i+2 < len(ps) {
				k, _ := strconv.Atoi(ps[i+2])
				c = rgba(ansi.IndexedColor(k))
				i += 2
			} else if i+4 < len(ps) {
				r, _ := strconv.Atoi(ps[i+2])
				g, _ := strconv.Atoi(ps[i+3])
				b, _ := strconv.Atoi(ps[i+4])
				c = color.RGBA{uint8(r), uint8(g), uint8(b), 255}
				i += 4
			}
			if n == 38 {
				fg = c
			} else {
				bg = c
			}
		case n >= 30 && n <= 37:
			fg = palette16[n-30]
		case n >= 90 && n <= 97:
			fg = palette16[n-90+8]
		case n >= 40 && n <= 47:
			bg = palette16[n-40]
		case n >= 100 && n <= 107:
			bg = palette16[n-100+8]
		case n == 7:
			fg, bg = bg, fg
		}
	}
	return fg, bg
}

// rgba is an indexed colour as xterm draws it.
func rgba(c color.Color) color.RGBA {
	if k, ok := c.(ansi.IndexedColor); ok && k < 16 {
		return palette16[k]
	}
	r, g, b, _ := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
}

// boxScale scales img to w×h by area averaging.
func boxScale(img image.Image, w, h int) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	sw, sh := float64(b.Dx())/float64(w), float64(b.Dy())/float64(h)
	for y := range h {
		y0, y1 := float64(y)*sh, float64(y+1)*sh
		for x := range w {
			x0, x1 := float64(x)*sw, float64(x+1)*sw
			var sum [3]float64
			var area float64
			for sy := int(y0); float64(sy) < y1 && sy < b.Dy(); sy++ {
				wy := math.Min(y1, float64(sy+1)) - math.Max(y0, float64(sy))
				for sx := int(x0); float64(sx) < x1 && sx < b.Dx(); sx++ {
					wx := math.Min(x1, float64(sx+1)) - math.Max(x0, float64(sx))
					r, g, bl, _ := img.At(b.Min.X+sx, b.Min.Y+sy).RGBA()
					a := wx * wy
					sum[0] += a * float64(r>>8)
					sum[1] += a * float64(g>>8)
					sum[2] += a * float64(bl>>8)
					area += a
				}
			}
			out.SetRGBA(x, y, color.RGBA{uint8(sum[0]/area + 0.5), uint8(sum[1]/area + 0.5), uint8(sum[2]/area + 0.5), 255})
		}
	}
	return out
}

// blurredPSNR is the PSNR of b against a after a 3×3 box blur of both.
func blurredPSNR(a, b *image.RGBA) float64 {
	w, h := a.Bounds().Dx(), a.Bounds().Dy()
	blur := func(img *image.RGBA, x, y, ch int) float64 {
		var s, n float64
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				xx, yy := x+dx, y+dy
				if xx < 0 || yy < 0 || xx >= w || yy >= h {
					continue
				}
				s += float64(img.Pix[img.PixOffset(xx, yy)+ch])
				n++
			}
		}
		return s / n
	}
	var se float64
	for y := range h {
		for x := range w {
			for ch := range 3 {
				d := blur(a, x, y, ch) - blur(b, x, y, ch)
				se += d * d
			}
		}
	}
	mse := se / float64(w*h*3)
	if mse == 0 {
		return 99
	}
	return 10 * math.Log10(255*255/mse)
}

var qualityDepths = []struct {
	name    string
	profile colorprofile.Profile
	chafa   string
}{
	{"true colour", colorprofile.TrueColor, "full"},
	{"256", colorprofile.ANSI256, "256"},
	{"16", colorprofile.ANSI, "16"},
}

// chafaBlocks runs chafa on path at cols×rows half blocks, and returns
// its lines.
func chafaBlocks(path string, cols, rows int, depth, dither string) ([]string, error) {
	out, err := exec.Command("chafa", "--symbols", "vhalf", "--stretch", "-c", depth, "--dither", dither,
		"-O", "0", "-f", "symbols", "--animate", "off", "-s", fmt.Sprintf("%dx%d", cols, rows), path).Output()
	if err != nil {
		return nil, err
	}
	s := strings.ReplaceAll(string(out), "\x1b[?25l", "")
	s = strings.ReplaceAll(s, "\x1b[?25h", "")
	return strings.Split(strings.TrimRight(s, "\n"), "\n"), nil
}

// TestHalfBlockQuality measures reel's half blocks against chafa's on
// the photographs of testdata/photos, at 80 columns, prints the table,
// and fails where reel's mean is below chafa's better mode at a depth. It
// runs where chafa is installed and REEL_QUALITY=1 (.ci/run sets it).
func TestHalfBlockQuality(t *testing.T) {
	if os.Getenv("REEL_QUALITY") != "1" {
		t.Skip("set REEL_QUALITY=1 (and install chafa) to measure half blocks against chafa")
	}
	if _, err := exec.LookPath("chafa"); err != nil {
		t.Fatal("REEL_QUALITY=1 but chafa is missing")
	}
	paths, _ := filepath.Glob(filepath.Join("testdata", "photos", "*.jpg"))
	const cols = 80
	type row struct{ reel, chafaNone, chafaDiff float64 }
	sum := make([]row, len(qualityDepths))
	var table strings.Builder
	fmt.Fprintf(&table, "%-22s", "photo")
	for _, d := range qualityDepths {
		fmt.Fprintf(&table, " | %-24s", d.name+": reel / chafa none / diff")
	}
	table.WriteString("\n")
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		img, err := picture.Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		b := img.Bounds()
		rows := max(1, int(math.Round(float64(b.Dy())*cols/float64(b.Dx())/2)))
		ref := boxScale(img, cols, 2*rows)
		fmt.Fprintf(&table, "%-22s", filepath.Base(path))
		for i, d := range qualityDepths {
			r := row{reel: blurredPSNR(ref, rasterise(Blocks(img, cols, rows, d.profile), cols))}
			for _, dither := range []string{"none", "diffusion"} {
				lines, err := chafaBlocks(path, cols, rows, d.chafa, dither)
				if err != nil {
					t.Fatal(err)
				}
				p := blurredPSNR(ref, rasterise(lines, cols))
				if dither == "none" {
					r.chafaNone = p
				} else {
					r.chafaDiff = p
				}
			}
			sum[i].reel += r.reel
			sum[i].chafaNone += r.chafaNone
			sum[i].chafaDiff += r.chafaDiff
			fmt.Fprintf(&table, " | %6.2f / %6.2f / %6.2f   ", r.reel, r.chafaNone, r.chafaDiff)
		}
		table.WriteString("\n")
	}
	fmt.Fprintf(&table, "%-22s", "mean")
	n := float64(len(paths))
	for i, d := range qualityDepths {
		fmt.Fprintf(&table, " | %6.2f / %6.2f / %6.2f   ", sum[i].reel/n, sum[i].chafaNone/n, sum[i].chafaDiff/n)
		// The goal: at least chafa's best, at every depth.
		if best := max(sum[i].chafaNone, sum[i].chafaDiff) / n; sum[i].reel/n < best {
			t.Errorf("%s: reel %.2f dB, chafa's best %.2f dB", d.name, sum[i].reel/n, best)
		}
	}
	t.Log("\n" + table.String())
}
