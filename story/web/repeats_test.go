package web_test

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
)

// TestRepeatedPictureKeepsItsWords: a figure whose srcset names a picture
// shown already is dropped, but a caption, credit or alt text that no
// picture before it gave stays on the page; words said already are not
// told twice.
func TestRepeatedPictureKeepsItsWords(t *testing.T) {
	para := strings.Repeat("Words of the article about the marsh and its birds. ", 12)
	src := `<html><head><title>The heron</title></head><body><article><h1>The heron</h1>
<figure><img alt="A heron in the reeds." srcset="https://cdn.example/heron-600.jpg 600w, https://cdn.example/heron-1600.jpg 1600w"><figcaption>At dawn. <span class="credit">Photo: Ana Ruiz</span></figcaption></figure>
<p>` + para + `</p>
<figure><img alt="A heron in the reeds." srcset="https://cdn.example/heron-300.jpg 300w, https://cdn.example/heron-1600.jpg 1600w"><figcaption>An hour later it slept on one leg.</figcaption></figure>
<p>` + para + `</p>
<figure><img alt="A heron in the reeds." src="https://cdn.example/heron-1600.jpg"><figcaption>At dawn.</figcaption></figure>
<p>` + para + `</p>
</article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	// What the pages say: their text and their pictures' words (a
	// section's Caption only names it in the contents).
	pics, parts := 0, []string{s.Intro}
	for _, sec := range s.Sections() {
		pics += len(sec.Pictures)
		parts = append(parts, sec.Body)
		for _, p := range sec.Pictures {
			parts = append(parts, p.Alt, p.Caption, p.Credit)
		}
	}
	text := strings.Join(parts, "\n")
	if pics != 1 {
		t.Errorf("%d pictures, want the heron once", pics)
	}
	if !strings.Contains(text, "An hour later it slept on one leg.") {
		t.Errorf("the repeated picture's own caption is gone:\n%s", text)
	}
	for _, words := range []string{"At dawn", "A heron in the reeds", "Ana Ruiz"} {
		if n := strings.Count(text, words); n != 1 {
			t.Errorf("%q told %d times, want once:\n%s", words, n, text)
		}
	}
	dropped := 0
	for _, d := range s.Dropped {
		if d.Kind == "repeated picture" {
			dropped++
		}
	}
	if dropped != 2 {
		t.Errorf("%d repeated pictures listed as dropped, want 2: %v", dropped, s.Dropped)
	}
}
