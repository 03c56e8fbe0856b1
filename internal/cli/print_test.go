package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/graphics"
)

// Print never cuts text: with --pictures off too, the photos a text left
// out keep their line, and with it their credits.
func TestPrintPicturesOffKeepsCredits(t *testing.T) {
	src, err := os.ReadFile("../../testdata/text/bbc-in-pictures.txt")
	if err != nil {
		t.Fatal(err)
	}
	s, err := read.Parse(src, story.Options{Name: "bbc-in-pictures.txt"})
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := printStory(out, os.Stderr, s, config{pictures: graphics.PicturesOff, width: 80}, false, ""); err != nil {
		t.Fatal(err)
	}
	got := readBack(t, out)
	for _, credit := range []string{"Getty Images", "PA Media", "Jane Example/BBC", "Reuters"} {
		if !strings.Contains(got, credit) {
			t.Errorf("--pictures off printed no %q:\n%s", credit, got)
		}
	}
}
