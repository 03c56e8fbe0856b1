package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/ui/graphics"
)

// Once every kitty id is taken, a new placement takes the id of the one
// drawn longest ago. A page kept with that placement's placeholders
// would show the new picture in its place: it is drawn again, and its
// picture placed anew under another id.
func TestKittyIDTakenBackRedrawsItsPage(t *testing.T) {
	m := turnTo(t, pictureModel(t, graphics.PicturesKitty, 100, 34), "right")
	// The page's placement is the one its placeholders name (its
	// neighbours' pictures are sent too, prefetched).
	view := m.View().Content
	at := strings.Index(view, "\x1b[38;5;")
	var id int
	if at < 0 {
		t.Fatal("no placeholders on the page")
	}
	if _, err := fmt.Sscanf(view[at:], "\x1b[38;5;%dm\U0010EEEE", &id); err != nil {
		t.Fatalf("no placeholder id: %v", err)
	}
	was := fmt.Sprintf("\x1b[38;5;%dm", id)
	// Other pictures, elsewhere, take every other id, then this one's.
	var raw []string
	for i := 0; ; i++ {
		got, old, ok := m.art.ReserveID()
		if !ok || i > 1000 {
			t.Fatal("the page's placement never gave its id up")
		}
		other := graphics.Key{Src: fmt.Sprintf("other%d.png", i), Cols: 4, Rows: 2, Mode: graphics.PicturesKitty}
		if old == nil {
			m.art.Placed(other, got)
			continue
		}
		next, cmd := m.Update(kittyMsg{key: other, id: got, seq: "(picture)", old: old})
		m, raw = settle(t, next.(Model), cmd)
		if got == id {
			break
		}
	}
	if strings.Contains(m.View().Content, was) {
		t.Errorf("the page still shows placeholders of id %d, now another picture's", id)
	}
	now := m.art.SentIDs()
	placedAgain := false
	for _, r := range raw {
		placedAgain = placedAgain || strings.Contains(r, "a=T")
	}
	if !placedAgain || len(now) == 0 {
		t.Error("the page's picture was not placed again")
	}
}

// Kitty pictures placed at their cells (kitty before 0.28) whose
// encodings the art lets go past its memory bound are deleted from the
// terminal, which would otherwise hold them until reel exits.
func TestEvictedKittyPicturesAreDeleted(t *testing.T) {
	m := pixelModel(t, graphics.PicturesKittyPlace, 100, 34, 1)
	if len(m.placed) != 1 {
		t.Fatalf("%d pictures placed on the page, want 1", len(m.placed))
	}
	shown := m.placed[0].key
	seq := strings.Repeat("x", 1<<20)
	var raw []string
	var first graphics.Key
	for i := range 40 {
		k := shown
		k.Src = fmt.Sprintf("other%d.png", i)
		if i == 0 {
			first = k
		}
		next, cmd := m.Update(pixelsMsg{key: k, seq: seq})
		var out []string
		m, out = settle(t, next.(Model), cmd)
		raw = append(raw, out...)
	}
	all := strings.Join(raw, "")
	if !strings.Contains(all, encode.KittyDelete(graphics.KittyPlaceID(first))) {
		t.Error("the picture evicted first was not deleted from the terminal")
	}
	if n := strings.Count(all, "a=d"); n < 40-24 {
		t.Errorf("%d pictures deleted, want at least %d", n, 40-24)
	}
}
