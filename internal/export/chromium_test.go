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
