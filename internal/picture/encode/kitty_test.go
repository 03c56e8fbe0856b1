package encode

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"slices"
	"strings"
	"testing"
)

func TestKittyTransmitChunks(t *testing.T) {
	// A noisy picture, so that its PNG needs several chunks.
	img := sunset(200, 120)
	for i := range img.Pix {
		img.Pix[i] ^= uint8(i * 7919 >> 3)
	}
	seq, err := KittyTransmit(img, 7, 20, 6)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitAfter(seq, "\x1b\\")
	parts = parts[:len(parts)-1] // after the last terminator
	if len(parts) < 3 {
		t.Fatalf("%d chunks, want several", len(parts))
	}
	var payload strings.Builder
	for i, p := range parts {
		head, data, ok := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(p, "\x1b_G"), "\x1b\\"), ";")
		if !ok {
			t.Fatalf("chunk %d has no payload: %q", i, p)
		}
		var want string
		switch i {
		case 0:
			want = "a=T,U=1,f=100,i=7,c=20,r=6,q=2,m=1"
		case len(parts) - 1:
			want = "q=2,m=0"
		default:
			want = "q=2,m=1"
		}
		if !sameKeys(head, want) {
			t.Errorf("chunk %d keys %q, want %q", i, head, want)
		}
		if len(data) > 4096 || i < len(parts)-1 && len(data) != 4096 {
			t.Errorf("chunk %d carries %d bytes", i, len(data))
		}
		payload.WriteString(data)
	}
	raw, err := base64.StdEncoding.DecodeString(payload.String())
	if err != nil {
		t.Fatalf("payload: %v", err)
	}
	got, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("payload is not a PNG: %v", err)
	}
	if got.Bounds() != img.Bounds() {
		t.Errorf("sent %v, want %v", got.Bounds(), img.Bounds())
	}
}

func TestKittyTransmitSmallIsOneSequence(t *testing.T) {
	seq, err := KittyTransmit(twoTone(2, 2, sunset(1, 1).RGBAAt(0, 0), sunset(1, 1).RGBAAt(0, 0)), 3, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(strings.TrimPrefix(seq, "\x1b_G"), ";")
	if !sameKeys(head, "a=T,U=1,f=100,i=3,c=1,r=1,q=2,m=0") || strings.Count(seq, "\x1b_G") != 1 {
		t.Errorf("KittyTransmit = %q", seq)
	}
}

// TestKittyPlace: a picture placed at the cursor, for kitty before 0.28:
// no U=1 (which kitty 0.26 calls malformed), the cursor left where it is.
func TestKittyPlace(t *testing.T) {
	seq, err := KittyPlace(sunset(4, 4), 5, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(strings.TrimPrefix(seq, "\x1b_G"), ";")
	if !sameKeys(head, "a=T,C=1,f=100,i=5,c=2,r=1,q=2,m=0") {
		t.Errorf("KittyPlace keys %q", head)
	}
}

// sameKeys reports whether two lists of kitty keys hold the same keys
// and values, in any order (kitty reads them in any order).
func sameKeys(a, b string) bool {
	as, bs := strings.Split(a, ","), strings.Split(b, ",")
	slices.Sort(as)
	slices.Sort(bs)
	return slices.Equal(as, bs)
}

func TestKittyPlaceholders(t *testing.T) {
	lines := KittyPlaceholders(42, 3, 2)
	// Each cell: U+10EEEE, then the row's and the column's diacritics
	// (U+0305, U+030D, U+030E are 0, 1, 2); the id is the colour.
	want := []string{
		"\x1b[38;5;42m\U0010EEEE\u0305\u0305\U0010EEEE\u0305\u030D\U0010EEEE\u0305\u030E\x1b[39m",
		"\x1b[38;5;42m\U0010EEEE\u030D\u0305\U0010EEEE\u030D\u030D\U0010EEEE\u030D\u030E\x1b[39m",
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d", len(lines), len(want))
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, lines[i], want[i])
		}
	}
	if KittyPlaceholders(1, 0, 4) != nil {
		t.Error("placeholders for no columns")
	}
}

func TestKittyDeleteAndPassthrough(t *testing.T) {
	got := KittyDelete(9)
	head, ok := strings.CutPrefix(got, "\x1b_G")
	head, ok2 := strings.CutSuffix(head, "\x1b\\")
	if !ok || !ok2 || !sameKeys(head, "a=d,d=I,i=9,q=2") {
		t.Errorf("KittyDelete = %q, want a=d,d=I,i=9,q=2", got)
	}
}
