package graphics

import (
	"bytes"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/story"
)

// writeNoise writes a w×h PNG of random colours: its half blocks change
// colour every cell, as a photograph's do.
func writeNoise(t *testing.T, path string, w, h int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = byte(r.IntN(256))
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The half blocks drawn are kept within maxArtBytes, however many sizes
// a picture is drawn at (a window resized again and again), the most
// recently drawn kept.
func TestDrawnLinesStayWithinTheirBytes(t *testing.T) {
	dir := t.TempDir()
	writeNoise(t, filepath.Join(dir, "noise.png"), 160, 160)
	l := picture.NewLoader(picture.Origin{Dir: dir}, blocksPixels, blocksPixels, 0)
	if _, err := l.Load(t.Context(), "noise.png"); err != nil {
		t.Fatal(err)
	}
	a := NewArt(l, PicturesBlocks, false)
	p := story.Picture{Source: "noise.png"}
	var drawn int64
	for iw := 160; iw > 40; iw-- {
		lines, _ := a.panelArt(p, iw, 80)
		if lines == nil {
			t.Fatalf("nothing drawn %d wide", iw)
		}
		drawn += linesCost(lines)
	}
	if drawn < maxArtBytes*3/2 {
		t.Fatalf("drew %d bytes, not enough to overfill the cache", drawn)
	}
	if used := a.lines.Used(); used > maxArtBytes || used < maxArtBytes/2 {
		t.Errorf("drawn lines keep %d bytes, want at most %d (and more than half)", used, maxArtBytes)
	}
	// The picture drawn last is held: drawing it again draws nothing new.
	before := a.lines.Snapshot()
	a.panelArt(p, 41, 80)
	after := a.lines.Snapshot()
	for k := range after {
		if _, ok := before[k]; !ok || len(after) != len(before) {
			t.Fatalf("the picture drawn last was drawn again: %d drawings held, then %d", len(before), len(after))
		}
	}
}

// The pictures encoded for the terminal are kept within
// maxEncodedBytes, the least recently used dropped; kitty's pictures
// placed at their cells that are dropped are deleted in the terminal,
// once off screen, unless encoded again meanwhile.
func TestEncodedPicturesStayWithinTheirBytes(t *testing.T) {
	a := NewArt(nil, PicturesKittyPlace, false)
	seq := strings.Repeat("x", 1<<20)
	key := func(i int) Key {
		return Key{Src: "p.png", Cols: 10 + i, Rows: 5, Mode: PicturesKittyPlace, cell: image.Point{X: 8, Y: 16}}
	}
	for i := range 40 {
		a.Encoded(key(i), seq)
		if i == 2 || i == 20 {
			a.Sequence(key(0)) // 0 is used again: it stays
		}
	}
	if used := a.pixels.Used(); used > maxEncodedBytes || used < maxEncodedBytes-(1<<20) {
		t.Errorf("encoded pictures keep %d bytes, want at most %d", used, maxEncodedBytes)
	}
	if a.Sequence(key(0)) == "" || a.Sequence(key(1)) != "" || a.Sequence(key(39)) == "" {
		t.Error("not the least recently used pictures were dropped")
	}
	// 1 is shown still; 2 is encoded again; the others evicted go.
	a.Encoded(key(2), seq)
	shown := func(k Key) bool { return k == key(1) }
	ids := a.TakeGone(shown)
	want := map[int]bool{}
	for i := 3; i < 40 && a.Sequence(key(i)) == ""; i++ {
		want[KittyPlaceID(key(i))] = true
	}
	if len(ids) != len(want) || len(want) == 0 {
		t.Errorf("deleted %d evicted pictures, want %d", len(ids), len(want))
	}
	for _, id := range ids {
		if !want[id] {
			t.Errorf("deleted id %d, shown or encoded again", id)
		}
	}
	if again := a.TakeGone(shown); len(again) != 0 {
		t.Errorf("deleted %v twice", again)
	}
	// Once 1 is off screen it goes too; on exit, it is among those
	// deleted until then.
	if !containsInt(a.PlacedKittyIDs(), KittyPlaceID(key(1))) {
		t.Error("an evicted picture still on screen is not deleted on exit")
	}
	if ids := a.TakeGone(func(Key) bool { return false }); len(ids) != 1 || ids[0] != KittyPlaceID(key(1)) {
		t.Errorf("off screen, deleted %v, want only picture 1's id", ids)
	}
	if containsInt(a.PlacedKittyIDs(), KittyPlaceID(key(1))) {
		t.Error("a picture deleted is deleted again on exit")
	}
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// Kitty's placeholder ids are bounded by what a 256-colour foreground
// can name; once all are taken, the placement drawn longest ago gives
// its id up, and no two placements held share one.
func TestKittyIDsReuseTheLeastRecentlyDrawn(t *testing.T) {
	dir := t.TempDir()
	writePNG(t, filepath.Join(dir, "a.png"), 64, 64)
	l := picture.NewLoader(picture.Origin{Dir: dir}, 64, 64, 0)
	if _, err := l.Load(t.Context(), "a.png"); err != nil {
		t.Fatal(err)
	}
	a := NewArt(l, PicturesKitty, false)
	key := func(i int) Key {
		return Key{Src: "p" + string(rune('A'+i%26)) + ".png", Cols: 4 + i, Rows: 4, Mode: PicturesKitty}
	}
	first := story.Picture{Source: "a.png"}
	a.panelArt(first, 40, 10)
	firstKey := a.TakeWanted()[0]
	id, _, _ := a.ReserveID()
	a.Placed(firstKey, id)
	var took []Key
	for i := range 600 {
		if i%50 == 0 {
			a.panelArt(first, 40, 10) // drawn again: it keeps its id
		}
		id, old, ok := a.ReserveID()
		if !ok || id < 1 || id > encode.MaxKittyID || id == encode.KittyQueryID {
			t.Fatalf("placement %d: id %d (ok %v)", i, id, ok)
		}
		if old != nil {
			took = append(took, *old)
		}
		a.Placed(key(i), id)
	}
	ids := a.SentIDs()
	seen := map[int]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("id %d held by two placements", id)
		}
		seen[id] = true
	}
	if len(ids) != kittyIDCount {
		t.Errorf("%d placements held, want %d", len(ids), kittyIDCount)
	}
	if !a.ids.placed.Contains(firstKey) {
		t.Error("a placement drawn again and again lost its id")
	}
	if len(took) != 600+1-kittyIDCount || took[0] != key(0) {
		t.Errorf("%d ids taken back, the first from %+v; want %d, from placement 0", len(took), took[0], 600+1-kittyIDCount)
	}
}
