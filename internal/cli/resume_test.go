package cli

import (
	"path/filepath"
	"testing"
)

func TestStoryKey(t *testing.T) {
	data := []byte("# A story\n")
	abs, err := filepath.Abs("../../testdata/md/deck.md")
	if err != nil {
		t.Fatal(err)
	}
	id := newStoryID(config{path: "../../testdata/md/deck.md"}, "../../testdata/md/deck.md", string(data))
	hash := id.Hash()
	if id.Key() != "file:"+abs || hash == "" {
		t.Errorf("a file's key %q, hash %q", id.Key(), hash)
	}
	if other := newStoryID(config{path: "../../testdata/md/deck.md"}, "../../testdata/md/deck.md", "# Another\n").Hash(); other == hash {
		t.Error("two contents, one hash")
	}
	if pipe := newStoryID(config{path: "-"}, "-", string(data)).Key(); pipe != "pipe:"+hash {
		t.Errorf("a pipe's key %q", pipe)
	}
	if sample := newStoryID(config{}, "kim-rally.txt", string(data)).Key(); sample != "pipe:"+hash {
		t.Errorf("the sample's key %q", sample)
	}
	if u := newStoryID(config{path: "https://example.com/story?id=3"}, "example.com/story", string(data)).Key(); u != "url:https://example.com/story?id=3" {
		t.Errorf("a URL's key %q", u)
	}
	if watchable(config{path: "https://example.com/x.md"}, "example.com/x.md") || watchable(config{path: "-"}, "-") || watchable(config{path: "../../testdata/md/deck.md", noWatch: true}, "../../testdata/md/deck.md") {
		t.Error("a URL, a pipe or --no-watch is watched")
	}
	if !watchable(config{path: "../../testdata/md/deck.md"}, "../../testdata/md/deck.md") {
		t.Error("a file is not watched")
	}
}
