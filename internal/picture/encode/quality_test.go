package encode

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg"
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

// The half-block quality measure of issue 18: the PSNR, after a 3×3 box
// blur of both (what the eye sees of dithering from reading distance),
// of the half blocks drawn back into pixels against the photograph
// averaged over the same cells' halves.

// qualityCols is the width of the pictures measured, in cells.
const qualityCols = 80

// qualityFloor is the mean PSNR (dB) over testdata/photos reel's half
// blocks must keep at each depth: what they reach with area averaging and
// diffusion (62.15, 43.08, 27.02), less half a decibel. chafa 1.12.4's
// best (of --dither none and diffusion) is 46.39, 34.59 and 14.12; reel's
// before (Catmull-Rom, nearest colours) 49.80, 35.27 and 15.78.
var qualityFloor = map[colorprofile.Profile]float64{
	colorprofile.TrueColor: 61.6,
	colorprofile.ANSI256:   42.5,
	colorprofile.ANSI:      26.5,
}

type photo struct {
	name string
	path string
	img  image.Image
}

func loadPhotos(t testing.TB) []photo {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "photos", "*.jpg"))
	if err != nil || len(paths) < 12 {
		t.Fatalf("testdata/photos: %v, %d photographs", err, len(paths))
	}
	var photos []photo
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		photos = append(photos, photo{name: strings.TrimSuffix(filepath.Base(p), ".jpg"), path: p, img: img})
	}
	return photos
}

// boxAverage is the exact average of img over each of w×h equal areas,
// in sRGB values, as floats: the reference.
func boxAverage(img image.Image, w, h int) [][3]float64 {
	b := img.Bounds()
	sw, sh := float64(b.Dx()), float64(b.Dy())
	out := make([][3]float64, w*h)
	weights := make([]float64, w*h)
	for y := range b.Dy() {
		y0, y1 := float64(y)*float64(h)/sh, float64(y+1)*float64(h)/sh
		for x := range b.Dx() {
			x0, x1 := float64(x)*float64(w)/sw, float64(x+1)*float64(w)/sw
			r, g, bl, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			for dy := int(y0); dy < h && float64(dy) < y1; dy++ {
				wy := math.Min(y1, float64(dy+1)) - math.Max(y0, float64(dy))
				for dx := int(x0); dx < w && float64(dx) < x1; dx++ {
					wt := wy * (math.Min(x1, float64(dx+1)) - math.Max(x0, float64(dx)))
					i := dy*w + dx
					out[i][0] += wt * float64(r>>8)
					out[i][1] += wt * float64(g>>8)
					out[i][2] += wt * float64(bl>>8)
					weights[i] += wt
				}
			}
		}
	}
	for i := range out {
		for c := range 3 {
			out[i][c] /= weights[i]
		}
	}
	return out
}

// rasterise draws half-block lines back into cols×2·rows pixels: the
// upper half of a cell in the colour of "▀"'s foreground, the lower in
// its background (the other way round for "▄"; "█" all foreground; a
// space all background). The default colours are black.
func rasterise(lines []string, cols, rows int) ([][3]float64, error) {
	out := make([][3]float64, cols*2*rows)
	for y, line := range lines {
		if y >= rows {
			break
		}
		var fg, bg [3]float64
		x := 0
		p := ansi.NewParser()
		state := byte(0)
		for len(line) > 0 {
			seq, width, n, newState := ansi.DecodeSequence(line, state, p)
			state = newState
			line = line[n:]
			if ansi.HasCsiPrefix(seq) && p.Command() == 'm' {
				applySGR(p.Params(), &fg, &bg)
				continue
			}
			if width == 0 {
				continue
			}
			if x >= cols {
				return nil, fmt.Errorf("line %d wider than %d cells", y, cols)
			}
			top, bot := bg, bg
			switch seq {
			case "▀":
				top = fg
			case "▄":
				bot = fg
			case "█":
				top, bot = fg, fg
			case " ":
			default:
				return nil, fmt.Errorf("line %d: unexpected %q", y, seq)
			}
			out[2*y*cols+x], out[(2*y+1)*cols+x] = top, bot
			x++
		}
	}
	return out, nil
}

func rgbOf(c color.Color) [3]float64 {
	r, g, b, _ := c.RGBA()
	return [3]float64{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
}

// applySGR follows the colour parameters of an SGR sequence.
func applySGR(params ansi.Params, fg, bg *[3]float64) {
	var vals []int
	params.ForEach(0, func(_ int, v int, _ bool) { vals = append(vals, v) })
	if len(vals) == 0 {
		vals = []int{0}
	}
	for i := 0; i < len(vals); i++ {
		v := vals[i]
		switch {
		case v == 0:
			*fg, *bg = [3]float64{}, [3]float64{}
		case v == 39:
			*fg = [3]float64{}
		case v == 49:
			*bg = [3]float64{}
		case v >= 30 && v <= 37:
			*fg = rgbOf(ansi.BasicColor(v - 30))
		case v >= 90 && v <= 97:
			*fg = rgbOf(ansi.BasicColor(v - 90 + 8))
		case v >= 40 && v <= 47:
			*bg = rgbOf(ansi.BasicColor(v - 40))
		case v >= 100 && v <= 107:
			*bg = rgbOf(ansi.BasicColor(v - 100 + 8))
		case (v == 38 || v == 48) && i+1 < len(vals):
			var c [3]float64
			switch vals[i+1] {
			case 5:
				if i+2 < len(vals) {
					c = rgbOf(ansi.IndexedColor(vals[i+2]))
				}
				i += 2
			case 2:
				if i+4 < len(vals) {
					c = [3]float64{float64(vals[i+2]), float64(vals[i+3]), float64(vals[i+4])}
				}
				i += 4
			}
			if v == 38 {
				*fg = c
			} else {
				*bg = c
			}
		}
	}
}

// blur3 is the 3×3 box blur, the edges repeated.
func blur3(px [][3]float64, w, h int) [][3]float64 {
	out := make([][3]float64, len(px))
	for y := range h {
		for x := range w {
			var s [3]float64
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					p := px[min(max(y+dy, 0), h-1)*w+min(max(x+dx, 0), w-1)]
					for c := range 3 {
						s[c] += p[c]
					}
				}
			}
			for c := range 3 {
				out[y*w+x][c] = s[c] / 9
			}
		}
	}
	return out
}

func psnr(a, b [][3]float64) float64 {
	var se float64
	for i := range a {
		for c := range 3 {
			d := a[i][c] - b[i][c]
			se += d * d
		}
	}
	mse := se / float64(3*len(a))
	if mse == 0 {
		return 99
	}
	return 10 * math.Log10(255*255/mse)
}

// cellsOf is the size in cells a photograph is measured at.
func cellsOf(img image.Image) (int, int) {
	b := img.Bounds()
	return picture.Cells(b.Dx(), b.Dy(), qualityCols, 100)
}

// reelQuality is the measure of reel's half blocks of p at profile, drawn
// as the reader draws them: from the loader's shrunk picture.
func reelQuality(t testing.TB, p photo, prof colorprofile.Profile) float64 {
	cols, rows := cellsOf(p.img)
	shrunk := picture.Shrink(p.img, 160, 160)
	got, err := rasterise(Blocks(shrunk, cols, rows, prof), cols, rows)
	if err != nil {
		t.Fatal(err)
	}
	ref := boxAverage(p.img, cols, 2*rows)
	return psnr(blur3(got, cols, 2*rows), blur3(ref, cols, 2*rows))
}

var chafaColours = map[colorprofile.Profile]string{colorprofile.TrueColor: "full", colorprofile.ANSI256: "256", colorprofile.ANSI: "16"}

// chafaQuality is the measure of chafa's half blocks, the better of its
// output without dithering and with diffusion.
func chafaQuality(t testing.TB, chafa string, p photo, prof colorprofile.Profile) float64 {
	cols, rows := cellsOf(p.img)
	ref := blur3(boxAverage(p.img, cols, 2*rows), cols, 2*rows)
	best := 0.0
	for _, dither := range []string{"none", "diffusion"} {
		out, err := exec.Command(chafa, "--symbols", "vhalf", "--stretch", "-c", chafaColours[prof],
			"--dither", dither, "--bg", "000000", "--animate", "off", "--polite", "on",
			"-s", strconv.Itoa(cols)+"x"+strconv.Itoa(rows), p.path).Output()
		if err != nil {
			t.Fatalf("chafa: %v", err)
		}
		lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
		got, err := rasterise(lines, cols, rows)
		if err != nil {
			t.Fatalf("chafa's output: %v", err)
		}
		best = max(best, psnr(blur3(got, cols, 2*rows), ref))
	}
	return best
}

// TestHalfBlockQuality measures reel's half blocks on the photographs at
// each depth and holds them to qualityFloor. With chafa on the PATH it
// measures chafa too, and prints the table of issue 18:
//
//	go test ./internal/picture/encode -run HalfBlockQuality -v
func TestHalfBlockQuality(t *testing.T) {
	photos := loadPhotos(t)
	chafa, _ := exec.LookPath("chafa")
	profiles := []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI}
	var table strings.Builder
	fmt.Fprintf(&table, "%-18s", "photo")
	for _, prof := range profiles {
		fmt.Fprintf(&table, " %14s", chafaColours[prof]+" reel/chafa")
	}
	table.WriteString("\n")
	sumReel, sumChafa := map[colorprofile.Profile]float64{}, map[colorprofile.Profile]float64{}
	for _, p := range photos {
		fmt.Fprintf(&table, "%-18s", p.name)
		for _, prof := range profiles {
			r := reelQuality(t, p, prof)
			sumReel[prof] += r
			c := math.NaN()
			if chafa != "" {
				c = chafaQuality(t, chafa, p, prof)
				sumChafa[prof] += c
			}
			fmt.Fprintf(&table, "    %5.2f/%5.2f", r, c)
		}
		table.WriteString("\n")
	}
	fmt.Fprintf(&table, "%-18s", "mean")
	n := float64(len(photos))
	for _, prof := range profiles {
		fmt.Fprintf(&table, "    %5.2f/%5.2f", sumReel[prof]/n, sumChafa[prof]/n)
	}
	t.Log("PSNR (dB) after a 3×3 blur, reel against chafa's best:\n" + table.String())
	for _, prof := range profiles {
		if got := sumReel[prof] / n; got < qualityFloor[prof] {
			t.Errorf("%s colours: mean %.2f dB, below the floor of %.2f", chafaColours[prof], got, qualityFloor[prof])
		}
		if chafa != "" && sumReel[prof] < sumChafa[prof] {
			t.Errorf("%s colours: reel's mean %.2f dB is below chafa's %.2f", chafaColours[prof], sumReel[prof]/n, sumChafa[prof]/n)
		}
	}
}
