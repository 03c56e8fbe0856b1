package web_test

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// A page that holds its pictures (reel's own HTML export, a saved page)
// has them as data: URIs; a lazy loader's stand-in is a data: URI too,
// of a pixel.
func TestDataPictures(t *testing.T) {
	photo := "data:image/png;base64," + strings.Repeat("iVBORw0KGgo", 100)
	pixel := "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
	page := `<html><head><title>Held</title></head><body><main>
<h2>One</h2><figure><img src="` + photo + `" alt="A held photo"><figcaption>Its caption <small>Its credit</small></figcaption></figure><p>Text one.</p>
<h2>Two</h2><figure class="row"><figure><img src="` + photo + `1" alt="The left picture"><figcaption>Left caption</figcaption></figure>` +
		`<figure><img src="` + photo + `2" alt="The right picture"><figcaption>Right caption</figcaption></figure></figure><p>Text two.</p>
<h2>Three</h2><figure><img src="` + pixel + `" data-src="https://pictures.example/real.jpg" alt="Lazy"></figure><p>Text three.</p>
</main></body></html>`
	s, err := read.Parse([]byte(page), story.Options{Name: "held.html"})
	if err != nil {
		t.Fatal(err)
	}
	secs := s.Sections()
	if len(secs) != 3 {
		t.Fatalf("%d sections, want 3", len(secs))
	}
	type want struct{ src, alt, caption, credit string }
	for i, w := range [][]want{
		{{photo, "A held photo", "Its caption", "Its credit"}},
		{{photo + "1", "The left picture", "Left caption", ""}, {photo + "2", "The right picture", "Right caption", ""}},
		{{"https://pictures.example/real.jpg", "Lazy", "", ""}},
	} {
		pics := secs[i].Pictures
		if len(pics) != len(w) {
			t.Errorf("section %d: %d pictures, want %d", i+1, len(pics), len(w))
			continue
		}
		for k, p := range pics {
			if p.Source != w[k].src || p.Alt != w[k].alt || p.Caption != w[k].caption || p.Credit != w[k].credit {
				t.Errorf("section %d picture %d: %.40q %q %q %q, want %.40q %q %q %q", i+1, k+1, p.Source, p.Alt, p.Caption, p.Credit, w[k].src, w[k].alt, w[k].caption, w[k].credit)
			}
		}
	}
}
