package state

import (
	"fmt"
	"testing"
	"time"
)

func TestMarkSeen(t *testing.T) {
	a, b, c := SeenID("a"), SeenID("b"), SeenID("c")
	if len(a) != seenLen || a == b {
		t.Fatalf("SeenID: %q %q", a, b)
	}
	if got := MarkSeen(a+b, c, a); got != c+a+b {
		t.Errorf("MarkSeen = %q, want %q", got, c+a+b)
	}
	var old string
	for i := range SeenLimit {
		old += SeenID(fmt.Sprint(i))
	}
	newest := SeenID("new")
	got := SeenSet(MarkSeen(old, newest))
	if len(got) != SeenLimit || !got[newest] || got[SeenID(fmt.Sprint(SeenLimit-1))] || !got[SeenID("0")] {
		t.Errorf("the newest %d are not the ones kept: %d kept", SeenLimit, len(got))
	}
}

// TestSeenKept checks that a feed's seen items survive a position saved
// without them, and that a Seen field that is not reel's is cut to what
// is.
func TestSeenKept(t *testing.T) {
	s := Open(t.TempDir())
	x, y := SeenID("x"), SeenID("y")
	if err := s.Save(Entry{Key: "url:https://e.example/feed", Section: 2, Seen: x + "NOT-HEX-AT-A" + y + "abc"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(Entry{Key: "url:https://e.example/feed", Section: 3, Time: time.Now().Add(time.Second)}); err != nil {
		t.Fatal(err)
	}
	e, ok, err := s.Lookup("url:https://e.example/feed")
	if err != nil || !ok {
		t.Fatalf("lookup: %v %v", ok, err)
	}
	if e.Section != 3 || e.Seen != x+y {
		t.Errorf("entry %+v: want section 3 and seen %q", e, x+y)
	}
}
