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

// --pictures off folds the placeholders of photos a text left out in
// print as it does in the reader; without it they are printed.
func TestPrintPicturesOffFoldsPlaceholders(t *testing.T) {
	src, err := os.ReadFile("../../testdata/text/guardian-in-pictures.txt")
	if err != nil {
		t.Fatal(err)
	}
	s, err := read.Parse(src, story.Options{Name: "guardian-in-pictures.txt"})
	if err != nil {
		t.Fatal(err)
	}
	printed := func(mode graphics.PictureMode) string {
		out, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := printStory(out, os.Stderr, s, config{pictures: mode, width: 80}, false, ""); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out.Name())
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got := printed(graphics.PicturesAuto); !strings.Contains(got, "photo not in the text") {
		t.Fatalf("print shows no placeholder:\n%s", got)
	}
	got := printed(graphics.PicturesOff)
	if strings.Contains(got, "photo not in the text") {
		t.Errorf("--pictures off printed the placeholders:\n%s", got)
	}
	if !strings.Contains(got, "A fishing boat returns to Seahaven harbour") {
		t.Errorf("--pictures off lost a caption:\n%s", got)
	}
}
