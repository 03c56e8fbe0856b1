package page

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reeltui/reel/internal/golden"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// The stories the tests read: copies of ui's test helpers (test files
// are not shared across packages).

func loadStory(t testing.TB, path string) *story.Story {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := read.Parse(data, story.Options{Name: path})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sample(t testing.TB) *story.Story { return loadStory(t, "../../testdata/kim-rally.txt") }

func parseStory(t testing.TB, name, src string) *story.Story {
	t.Helper()
	s, err := read.Parse([]byte(src), story.Options{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// marketAlt, marketCaption and marketCredit are the words of
// testdata/md/market.md's picture, every one of which must be shown.
const (
	marketAlt     = "A very long description of a photograph showing a crowded market square in the early morning with vendors setting up stalls of fruit, vegetables, fish and flowers while children run between them and a brass band plays near the fountain"
	marketCaption = "The market at dawn, shortly before the first customers arrived"
	marketCredit  = "Photograph: Very Long Agency Name International Press Photo Service / Jane Q. Photographer-Smithson"
)

// goldenFrame checks a frame against testdata/golden/name.golden.
func goldenFrame(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("..", "..", "testdata", "golden", name+".golden"), got)
}
