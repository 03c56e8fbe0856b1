package encode

import (
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// decodeSixel reads a sixel sequence as a terminal would: its raster
// size, its colour registers, and which register each pixel was drawn
// with (-1 for none). It knows only what Sixel writes.
func decodeSixel(t *testing.T, seq string) (w, h int, regs map[int][3]int, px [][]int) {
	t.Helper()
	m := regexp.MustCompile(`^\x1bP0;1q"1;1;(\d+);(\d+)`).FindStringSubmatch(seq)
	if m == nil || !strings.HasSuffix(seq, "\x1b\\") {
		t.Fatalf("not a DCS q … ST sequence with raster attributes: %.40q", seq)
	}
	w, _ = strconv.Atoi(m[1])
	h, _ = strconv.Atoi(m[2])
	px = make([][]int, h)
	for y := range px {
		px[y] = make([]int, w)
		for x := range px[y] {
			px[y][x] = -1
		}
	}
	regs = map[int][3]int{}
	body := strings.TrimSuffix(seq[len(m[0]):], "\x1b\\")
	num := regexp.MustCompile(`^\d+`)
	x, top, cur := 0, 0, -1
	for i := 0; i < len(body); {
		switch ch := body[i]; {
		case ch == '#':
			i++
			n := num.FindString(body[i:])
			i += len(n)
			cur, _ = strconv.Atoi(n)
			if strings.HasPrefix(body[i:], ";2;") {
				var v [3]int
				i += 3
				for k := range 3 {
					s := num.FindString(body[i:])
					v[k], _ = strconv.Atoi(s)
					i += len(s) + 1
				}
				i-- // no ';' after the last
				regs[cur] = v
			}
		case ch == '$':
			x, i = 0, i+1
		case ch == '-':
			x, top, i = 0, top+6, i+1
		case ch == '!' || ch >= '?' && ch <= '~':
			run := 1
			if ch == '!' {
				n := num.FindString(body[i+1:])
				run, _ = strconv.Atoi(n)
				i += 1 + len(n)
				ch = body[i]
			}
			i++
			for range run {
				for dy := range 6 {
					if (ch-'?')&(1<<dy) != 0 {
						if top+dy >= h || x >= w {
							t.Fatalf("sixel drawn outside the raster at %d,%d", x, top+dy)
						}
						px[top+dy][x] = cur
					}
				}
				x++
			}
		default:
			t.Fatalf("unexpected byte %q at %d", ch, i)
		}
	}
	return w, h, regs, px
}

func TestSixelRasterIsThePixelSize(t *testing.T) {
	for _, size := range [][2]int{{40, 24}, {33, 7}, {1, 1}, {200, 120}} {
		seq := Sixel(sunset(160, 90), size[0], size[1])
		w, h, regs, px := decodeSixel(t, seq)
		if w != size[0] || h != size[1] {
			t.Errorf("raster %d×%d, want %d×%d", w, h, size[0], size[1])
		}
		for y := range px {
			for x, c := range px[y] {
				if c < 0 {
					t.Fatalf("%v: pixel %d,%d of an opaque picture not drawn", size, x, y)
				}
				if _, ok := regs[c]; !ok {
					t.Fatalf("%v: pixel %d,%d uses register %d, never defined", size, x, y, c)
				}
			}
		}
	}
}

func TestSixelColoursAndTransparency(t *testing.T) {
	// Left half red, right half transparent, a blue bottom row: exact
	// palette colours, so dithering leaves them alone.
	img := image.NewRGBA(image.Rect(0, 0, 8, 13))
	for y := range 13 {
		for x := range 4 {
			img.SetRGBA(x, y, color.RGBA{255, 0, 0, 255})
		}
	}
	for x := range 8 {
		img.SetRGBA(x, 12, color.RGBA{0, 0, 255, 255})
	}
	_, _, regs, px := decodeSixel(t, Sixel(img, 8, 13))
	for y := range 13 {
		for x := range 8 {
			c := px[y][x]
			want := [3]int{-1}
			switch {
			case y == 12:
				want = [3]int{0, 0, 100}
			case x < 4:
				want = [3]int{100, 0, 0}
			}
			if want[0] == -1 {
				if c != -1 {
					t.Errorf("transparent pixel %d,%d drawn with %v", x, y, regs[c])
				}
				continue
			}
			if c < 0 || regs[c] != want {
				t.Errorf("pixel %d,%d is %v, want %v", x, y, regs[c], want)
			}
		}
	}
}

func TestSixelRunsAreShort(t *testing.T) {
	// A flat colour is one run per band, not a sixel per column.
	img := image.NewRGBA(image.Rect(0, 0, 300, 12))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	seq := Sixel(img, 300, 12)
	if len(seq) > 80 {
		t.Errorf("a white 300×12 picture takes %d bytes: %q", len(seq), seq)
	}
}
