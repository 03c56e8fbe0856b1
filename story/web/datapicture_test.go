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

// A figure whose only picture is a small data: URI (an icon, a chart of a
// few pixels, a stand-in whose real address the page never names) keeps
// that picture with its caption and credit: the figure says what it
// shows, and is never lost with them. A captionless stand-in pixel is
// left out, and --debug names it.
func TestSmallDataPictureKeepsItsFigure(t *testing.T) {
	dot := "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
	page := `<html><head><title>Dots</title></head><body><main>
<h2>One</h2><figure><img src="` + dot + `" alt="A small round mark, painted red"><figcaption>A red dot on a white wall. <small>Photo: Ann Example</small></figcaption></figure><p>Text one.</p>
<h2>Two</h2><figure><img src="` + dot + `2"></figure><p>Text two.</p>
</main></body></html>`
	s, err := read.Parse([]byte(page), story.Options{Name: "dots.html"})
	if err != nil {
		t.Fatal(err)
	}
	secs := s.Sections()
	if len(secs) != 2 {
		t.Fatalf("%d sections, want 2", len(secs))
	}
	pics := secs[0].Pictures
	if len(pics) != 1 || pics[0].Source != dot || pics[0].Alt != "A small round mark, painted red" || pics[0].Caption != "A red dot on a white wall." || pics[0].Credit != "Ann Example" {
		t.Errorf("the captioned figure: %+v", pics)
	}
	if len(secs[1].Pictures) != 0 {
		t.Errorf("a captionless stand-in pixel was kept: %+v", secs[1].Pictures)
	}
	var named bool
	for _, d := range s.Dropped {
		named = named || strings.Contains(d.Text, "data:")
	}
	if !named {
		t.Errorf("the stand-in pixel left out is not named: %+v", s.Dropped)
	}
}
