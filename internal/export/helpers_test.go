package export

import (
	"bytes"
	"context"
	"encoding/base64"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// storyFile writes text to a file named name in a new folder, with the
// given pictures beside it, and reads it as reel would.
func storyFile(t *testing.T, name, text string, pictures map[string][]byte) (*story.Story, picture.Origin) {
	t.Helper()
	dir := t.TempDir()
	for p, data := range pictures {
		path := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return readStory(t, path)
}

// readStory reads the story file at path, and the origin its pictures
// come from.
func readStory(t testing.TB, path string) (*story.Story, picture.Origin) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := read.Parse(data, story.Options{Name: path})
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return s, picture.Origin{Dir: filepath.Dir(path)}
}

// exportString writes the story in opt.Format to memory.
func exportString(t *testing.T, s *story.Story, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, s, opt); err != nil {
		t.Fatalf("export: %v", err)
	}
	return buf.String()
}

func parseHTML(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("parse html: %v", err)
	}
	return doc
}

// elements returns the elements under n named tag ("" for all), in
// document order.
func elements(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (tag == "" || n.Data == tag) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

// textOf is the text inside n, white space folded.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// firstWithClass returns the first element under n of the class.
func firstWithClass(n *html.Node, class string) *html.Node {
	for _, e := range elements(n, "") {
		if hasClass(e, class) {
			return e
		}
	}
	return nil
}

// dataImage decodes the picture a data: URI holds.
func dataImage(t *testing.T, uri string) (image.Image, string, []byte) {
	t.Helper()
	meta, payload, ok := strings.Cut(strings.TrimPrefix(uri, "data:"), ",")
	if !ok || !strings.HasSuffix(meta, ";base64") {
		t.Fatalf("not a base64 data: URI: %.40s", uri)
	}
	data, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		t.Fatalf("data: URI: %v", err)
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("data: URI picture: %v", err)
	}
	return img, format, data
}

// solid returns a w×h picture of one colour.
func solid(w, h int, c color.Color) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, c)
		}
	}
	return img
}

func jpegBytes(t testing.TB, w, h int, c color.Color) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, solid(w, h, c), &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pngBytes(t testing.TB, w, h int, c color.Color) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, solid(w, h, c)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
