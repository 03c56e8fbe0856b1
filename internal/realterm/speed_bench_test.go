package realterm

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkPictureTurn times, in real terminals under Xvfb, a key that
// turns to a page whose 4000×3000 JPEG was prefetched with the
// neighbours, from the key until that picture is on the screen; beside
// it, in the same terminal and the same run, the stack's floor
// (testdata/floor: Bubble Tea drawing a marker) from its key until its
// new marker is on the screen. Each op is one page turn; p50 and p95 are
// reported in ms. Run it with a fixed count, as each terminal starts
// once per sub-benchmark call:
//
//	REEL_REALTERM=1 go test -run '^$' -bench PictureTurn -benchtime 20x ./internal/realterm
func BenchmarkPictureTurn(b *testing.B) {
	requireTools(b)
	dir := b.TempDir()
	reel, floor := filepath.Join(dir, "reel"), filepath.Join(dir, "floor")
	for bin, pkg := range map[string]string{reel: "github.com/reeltui/reel", floor: "./testdata/floor"} {
		if out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput(); err != nil {
			b.Fatalf("build %s: %v\n%s", pkg, err, out)
		}
	}
	deck, colours := photoDeck(b, filepath.Join(dir, "story"), 64)
	d, err := StartDisplay()
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		b.Fatal(err)
	}
	terminals := []struct {
		name string
		argv func(prog ...string) []string
		env  []string
	}{
		{"xterm-sixel", func(prog ...string) []string {
			return append([]string{"xterm", "-geometry", "100x30+0+0", "-ti", "vt340", "-e"}, prog...)
		}, nil},
		{"kitty", func(prog ...string) []string {
			return append([]string{"kitty", "--config", "NONE", "-o", "remember_window_size=no",
				"-o", "initial_window_width=800", "-o", "initial_window_height=500"}, prog...)
		}, []string{"LIBGL_ALWAYS_SOFTWARE=1"}},
	}
	for _, term := range terminals {
		env := d.Env(home, term.env...)
		b.Run(term.name+"/floor", func(b *testing.B) {
			s := startOn(b, d, env, term.argv(floor))
			defer s.stop()
			s.settle(b, twoColours)
			s.turns(b, func(before *image.RGBA) func(*image.RGBA) bool {
				return func(img *image.RGBA) bool { return !bytes.Equal(img.Pix, before.Pix) }
			}, image.Rect(0, 0, 200, 40))
		})
		b.Run(term.name+"/reel", func(b *testing.B) {
			if b.N+2 > len(colours) {
				b.Fatalf("the deck has %d pages, too few for %d turns", len(colours), b.N)
			}
			s := startOn(b, d, env, term.argv(reel, "--no-state", "--start", "1", deck))
			defer s.stop()
			page := 1
			s.settle(b, func(img *image.RGBA) bool { return CountNear(img, colours[page], 30) >= pictureShown })
			s.turns(b, func(*image.RGBA) func(*image.RGBA) bool {
				page++
				c := colours[page]
				return func(img *image.RGBA) bool { return CountNear(img, c, 30) >= pictureShown }
			}, image.Rect(0, 0, 820, 520))
		})
	}
}

// twoColours says the marker is drawn: more than the background's one
// colour where it stands.
func twoColours(img *image.RGBA) bool {
	marker := img.SubImage(image.Rect(0, 0, 200, 40)).(*image.RGBA)
	first := marker.Pix[:4]
	for y := marker.Rect.Min.Y; y < marker.Rect.Max.Y; y++ {
		row := marker.Pix[marker.PixOffset(marker.Rect.Min.X, y):marker.PixOffset(marker.Rect.Max.X, y)]
		for i := 0; i+4 <= len(row); i += 4 {
			if !bytes.Equal(row[i:i+4], first) {
				return true
			}
		}
	}
	return false
}

// pictureShown is how many pixels of a page's colour say its picture is
// on the screen: the smallest panel a 100×30 terminal gives is larger.
const pictureShown = 20000

// onScreen is a program running in a terminal on the display.
type onScreen struct {
	d    *Display
	g    *Grabber
	cmd  *exec.Cmd
	log  bytes.Buffer
	stop func()
}

func startOn(b *testing.B, d *Display, env, argv []string) *onScreen {
	b.Helper()
	s := &onScreen{d: d}
	cmd, err := d.Start(env, &s.log, argv...)
	if err != nil {
		b.Fatal(err)
	}
	s.cmd = cmd
	g, err := d.Grab()
	if err != nil {
		Stop(cmd)
		b.Fatal(err)
	}
	s.g = g
	s.stop = func() { g.Close(); Stop(cmd) }
	return s
}

// settle waits up to a minute for ok on the whole terminal, then a
// second more, so that what starts in the background (the neighbours'
// pictures) is done before the first turn.
func (s *onScreen) settle(b *testing.B, ok func(*image.RGBA) bool) {
	b.Helper()
	if !s.poll(b, image.Rect(0, 0, 820, 520), time.Minute, ok) {
		b.Fatalf("the first page never showed; the terminal said:\n%s", s.log.String())
	}
	time.Sleep(time.Second)
	// The pointer over the window gives it the keyboard (no window
	// manager).
	if err := s.key("mousemove", "50", "50"); err != nil {
		b.Fatal(err)
	}
}

// turns presses → b.N times, timing each from the key until arrived
// (made from the screen before the key) says yes of the region; then
// waits half a second for the neighbours to be prefetched.
func (s *onScreen) turns(b *testing.B, arrived func(before *image.RGBA) func(*image.RGBA) bool, region image.Rectangle) {
	b.Helper()
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		before, err := s.g.Rect(region)
		if err != nil {
			b.Fatal(err)
		}
		ok := arrived(before)
		b.StartTimer()
		if err := s.key("key", "Right"); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if !s.poll(b, region, 20*time.Second, ok) {
			b.Fatalf("turn %d never reached the screen; the terminal said:\n%s", len(times)+1, s.log.String())
		}
		times = append(times, time.Since(start))
		b.StopTimer()
		time.Sleep(500 * time.Millisecond)
		b.StartTimer()
	}
	b.StopTimer()
	slices.Sort(times)
	ms := func(q float64) float64 { return float64(times[int(q*float64(len(times)-1))]) / 1e6 }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
}

// key runs xdotool on the display; the key is with the X server when it
// returns.
func (s *onScreen) key(args ...string) error {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+s.d.Name)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("xdotool %s: %w: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

// poll grabs region until ok or timeout.
func (s *onScreen) poll(b *testing.B, region image.Rectangle, timeout time.Duration, ok func(*image.RGBA) bool) bool {
	b.Helper()
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); {
		img, err := s.g.Rect(region)
		if err != nil {
			b.Fatal(err)
		}
		if ok(img) {
			return true
		}
	}
	return false
}

// photoDeck writes a deck of n pages under dir, each with a 4000×3000
// JPEG of one colour, and returns its path and each page's colour
// (index 0 is the cover's, which has none).
func photoDeck(b *testing.B, dir string, n int) (string, []color.RGBA) {
	b.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	palette := []color.RGBA{{220, 40, 40, 255}, {40, 200, 60, 255}, {40, 80, 230, 255}, {230, 200, 30, 255}}
	photos := make([][]byte, len(palette))
	for i, c := range palette {
		img := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420)
		y, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
		for j := range img.Y {
			img.Y[j] = y
		}
		for j := range img.Cb {
			img.Cb[j], img.Cr[j] = cb, cr
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
			b.Fatal(err)
		}
		photos[i] = buf.Bytes()
	}
	var md strings.Builder
	md.WriteString("# Photos\n\nA 4000×3000 photograph on every page.\n")
	colours := []color.RGBA{{}}
	for k := 1; k <= n; k++ {
		name := fmt.Sprintf("p%03d.jpg", k)
		if err := os.WriteFile(filepath.Join(dir, name), photos[k%len(palette)], 0o644); err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(&md, "\n---\n\n## Page %d\n\n![a photograph of one colour](%s)\n", k, name)
		colours = append(colours, palette[k%len(palette)])
	}
	deck := filepath.Join(dir, "deck.md")
	if err := os.WriteFile(deck, []byte(md.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return deck, colours
}
