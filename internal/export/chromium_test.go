package export

import (
	"context"
	"image"
	"image/color"
	"image/png"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// The HTML export opened in a real browser: headless Chromium draws it
// (and its pictures) in light and dark, prints it a section to a page,
// and asks the network for nothing. .ci/run installs chromium.

func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed (apt-get install chromium)")
	}
	t.Skip("chromium is not installed (apt-get install chromium)")
	return ""
}

// chromium runs headless Chromium on the page with args, every name it
// looks up sent to resolver (host:port), and waits for it to finish.
func chromium(t *testing.T, bin, page, resolver string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
		"--user-data-dir=" + t.TempDir(), "--host-resolver-rules=MAP * " + resolver}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+page)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
}

// requestCounter is a web server that counts what pages ask it for;
// every address the browser looks up leads to it.
func requestCounter(t *testing.T) (*atomic.Int64, string) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Chromium asks its own update and time services (signed with
		// its client update protocol, "cup2key") whatever it opens, even
		// with background networking off: those are not the page's.
		if r.URL.Query().Has("cup2key") {
			return
		}
		n.Add(1)
		t.Logf("request: %s %s%s", r.Method, r.Host, r.URL)
		w.Header().Set("Content-Type", "image/png")
		_ = png.Encode(w, solid(4, 4, color.White))
	}))
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	return &n, "127.0.0.1:" + port
}

func TestHTMLInChromium(t *testing.T) {
	bin := chromiumPath(t)
	s, origin := storyFile(t, "deck.md", "---\ntitle: Colours\n---\n\n# Colours\n\nA story of two colours.\n\n---\n\n# Red\n\n"+
		"![A red field](red.png \"All red\")\n_Photo: reel's tests_\n\n---\n\n# Blue\n\n![A blue field](blue.png)\n",
		map[string][]byte{
			"red.png":  pngBytes(t, 600, 300, color.RGBA{230, 0, 0, 255}),
			"blue.png": pngBytes(t, 600, 300, color.RGBA{0, 0, 230, 255}),
		})
	out := filepath.Join(t.TempDir(), "colours.html")
	if err := WriteFile(context.Background(), out, s, Options{Format: FormatHTML, Origin: origin}); err != nil {
		t.Fatal(err)
	}
	requests, resolver := requestCounter(t)

	t.Run("control: the harness sees a request", func(t *testing.T) {
		page := filepath.Join(t.TempDir(), "control.html")
		if err := os.WriteFile(page, []byte(`<!doctype html><img src="http://pictures.example/x.png">`), 0o644); err != nil {
			t.Fatal(err)
		}
		before := requests.Load()
		chromium(t, bin, page, resolver, "--screenshot="+filepath.Join(t.TempDir(), "c.png"))
		if requests.Load() == before {
			t.Fatal("a page with a web picture made no request: the harness cannot see requests")
		}
	})

	for _, scheme := range []struct {
		name  string
		flags []string
		bg    func(color.Color) bool
	}{
		{"light", nil, func(c color.Color) bool { r, g, b, _ := c.RGBA(); return r>>8 > 235 && g>>8 > 235 && b>>8 > 235 }},
		{"dark", []string{"--blink-settings=preferredColorScheme=0"}, func(c color.Color) bool {
			r, g, b, _ := c.RGBA()
			return r>>8 < 40 && g>>8 < 40 && b>>8 < 40
		}},
	} {
		t.Run(scheme.name, func(t *testing.T) {
			shot := filepath.Join(t.TempDir(), "shot.png")
			before := requests.Load()
			chromium(t, bin, out, resolver, append(scheme.flags, "--window-size=900,1800", "--screenshot="+shot)...)
			if n := requests.Load() - before; n != 0 {
				t.Errorf("opening the export made %d requests", n)
			}
			img := readPNG(t, shot)
			if bg := img.At(3, 3); !scheme.bg(bg) {
				t.Errorf("background %v is not the %s scheme's", bg, scheme.name)
			}
			// The embedded pictures are drawn: runs of their own colours.
			red := count(img, func(r, g, b uint32) bool { return r > 200 && g < 40 && b < 40 })
			blue := count(img, func(r, g, b uint32) bool { return b > 200 && r < 40 && g < 40 })
			if red < 50_000 || blue < 50_000 {
				t.Errorf("pictures not drawn: %d red and %d blue pixels", red, blue)
			}
		})
	}

	t.Run("print: a page per section", func(t *testing.T) {
		if _, err := exec.LookPath("pdfinfo"); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatal("pdfinfo is not installed (apt-get install poppler-utils)")
			}
			t.Skip("pdfinfo is not installed (apt-get install poppler-utils)")
		}
		pdf := filepath.Join(t.TempDir(), "print.pdf")
		chromium(t, bin, out, resolver, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
		info, err := exec.Command("pdfinfo", pdf).Output()
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
		if m == nil {
			t.Fatalf("pdfinfo: %s", info)
		}
		if n, _ := strconv.Atoi(string(m[1])); n != 1+s.Len() {
			t.Errorf("printed on %d pages, want the cover and %d sections", n, s.Len())
		}
	})
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return img
}

func count(img image.Image, match func(r, g, b uint32) bool) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if match(r>>8, g>>8, bl>>8) {
				n++
			}
		}
	}
	return n
}

// box is the smallest rectangle holding the pixels match accepts, and
// how many it accepts.
func box(img image.Image, match func(r, g, b uint32) bool) (image.Rectangle, int) {
	var r image.Rectangle
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if match(cr>>8, cg>>8, cb>>8) {
				r = r.Union(image.Rect(x, y, x+1, y+1))
				n++
			}
		}
	}
	return r, n
}

func isRed(r, g, b uint32) bool  { return r > 200 && g < 40 && b < 40 }
func isBlue(r, g, b uint32) bool { return b > 200 && r < 40 && g < 40 }

// keepShot copies a screenshot to $REEL_SHOTS, when set, for a person to
// look at.
func keepShot(t *testing.T, path, name string) {
	dir := os.Getenv("REEL_SHOTS")
	if dir == "" {
		return
	}
	data, err := os.ReadFile(path)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	if err != nil {
		t.Logf("keep %s: %v", name, err)
	}
}

// TestColumnsInChromium: Chromium draws a [2, 1] layout's columns side
// by side, the first twice as wide as the second, each picture in its
// column; on a narrow screen one under the other; and in print side by
// side again.
func TestColumnsInChromium(t *testing.T) {
	bin := chromiumPath(t)
	s, origin := storyFile(t, "deck.md", columnsDeck, columnsPictures(t))
	out := filepath.Join(t.TempDir(), "columns.html")
	if err := WriteFile(context.Background(), out, s, Options{Format: FormatHTML, Origin: origin}); err != nil {
		t.Fatal(err)
	}
	requests, resolver := requestCounter(t)
	boxes := func(t *testing.T, img image.Image) (red, blue image.Rectangle) {
		t.Helper()
		red, nr := box(img, isRed)
		blue, nb := box(img, isBlue)
		// Solid pictures: their boxes are all their colour.
		if nr < 10_000 || nb < 5_000 || nr < red.Dx()*red.Dy()*9/10 || nb < blue.Dx()*blue.Dy()*9/10 {
			t.Fatalf("pictures not drawn whole: red %v (%d px), blue %v (%d px)", red, nr, blue, nb)
		}
		return red, blue
	}
	sideBySide := func(t *testing.T, red, blue image.Rectangle) {
		t.Helper()
		if red.Max.X > blue.Min.X {
			t.Errorf("red %v does not stand left of blue %v", red, blue)
		}
		if red.Min.Y >= blue.Max.Y || blue.Min.Y >= red.Max.Y {
			t.Errorf("red %v and blue %v do not share a row", red, blue)
		}
		// Each picture fills its column: their widths are the layout's
		// shares (the gap between the columns aside).
		if ratio := float64(red.Dx()) / float64(blue.Dx()); ratio < 1.7 || ratio > 2.3 {
			t.Errorf("columns %d and %d px wide: %.2f to 1, want about 2 to 1", red.Dx(), blue.Dx(), ratio)
		}
	}

	t.Run("wide: side by side", func(t *testing.T) {
		shot := filepath.Join(t.TempDir(), "wide.png")
		before := requests.Load()
		chromium(t, bin, out, resolver, "--window-size=1200,1600", "--screenshot="+shot)
		if n := requests.Load() - before; n != 0 {
			t.Errorf("opening the export made %d requests", n)
		}
		keepShot(t, shot, "columns-wide.png")
		red, blue := boxes(t, readPNG(t, shot))
		sideBySide(t, red, blue)
	})

	t.Run("narrow: one under the other", func(t *testing.T) {
		shot := filepath.Join(t.TempDir(), "narrow.png")
		chromium(t, bin, out, resolver, "--window-size=480,2000", "--screenshot="+shot)
		keepShot(t, shot, "columns-narrow.png")
		red, blue := boxes(t, readPNG(t, shot))
		if blue.Min.Y < red.Max.Y {
			t.Errorf("blue %v does not stand under red %v", blue, red)
		}
		if d := red.Dx() - blue.Dx(); d < -2 || d > 2 {
			t.Errorf("stacked columns %d and %d px wide, want one width", red.Dx(), blue.Dx())
		}
	})

	t.Run("print: side by side", func(t *testing.T) {
		if _, err := exec.LookPath("pdftoppm"); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatal("pdftoppm is not installed (apt-get install poppler-utils)")
			}
			t.Skip("pdftoppm is not installed (apt-get install poppler-utils)")
		}
		dir := t.TempDir()
		pdf := filepath.Join(dir, "print.pdf")
		chromium(t, bin, out, resolver, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
		// Page 2 is the section with the columns (the cover is page 1).
		if msg, err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", "-singlefile", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, msg)
		}
		shot := filepath.Join(dir, "page.png")
		keepShot(t, shot, "columns-print.png")
		red, blue := boxes(t, readPNG(t, shot))
		sideBySide(t, red, blue)
	})
}
