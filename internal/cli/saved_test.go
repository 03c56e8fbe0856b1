package cli

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/ui/graphics"
)

// TestSavedPagesShowTheirPictures: Chrome's .mhtml draws its pictures
// from its own parts, with nothing fetched; Firefox's "Web Page,
// complete" from the _files folder beside it.
func TestSavedPagesShowTheirPictures(t *testing.T) {
	for _, path := range []string{"../../testdata/saved/chrome-gallery.mhtml", "../../testdata/saved/firefox-gallery.html"} {
		t.Run(path, func(t *testing.T) {
			cfg, err := parseArgs([]string{path}, io.Discard, "test")
			if err != nil {
				t.Fatal(err)
			}
			ld, err := source.Load(source.Request{Path: cfg.path, Format: cfg.format, MaxSize: cfg.maxSize}, os.Stdin, false, io.Discard, func() {})
			if err != nil {
				t.Fatal(err)
			}
			l := storyPictureLoader(cfg, graphics.PicturesBlocks, ld.Base, ld.Story)
			secs := ld.Story.Sections()
			if len(secs) != 2 {
				t.Fatalf("%d sections", len(secs))
			}
			for _, sec := range secs {
				if _, err := l.Load(context.Background(), sec.Pictures[0].Source); err != nil {
					t.Errorf("%s: %v", sec.Pictures[0].Source, err)
				}
			}
			// A picture the page names but did not keep is not fetched.
			if _, err := l.Load(context.Background(), "https://cdn.alpineweekly.example/2026/10/not-saved.jpg"); picture.Reason(err) != "web picture in a local story: not fetched" {
				t.Errorf("a picture not saved: %v", err)
			}
		})
	}
}

// TestSavedPageExportsItsPictures: `reel export page.mhtml -o out.html`
// embeds the pictures the saved page carries, with nothing fetched.
func TestSavedPageExportsItsPictures(t *testing.T) {
	out := t.TempDir() + "/out.html"
	devnull, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	if err := runExport([]string{"../../testdata/saved/chrome-gallery.mhtml", "-o", out}, devnull, devnull, devnull, Build{}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`src="data:image/jpeg`, `src="data:image/png`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the export lacks %s", want)
		}
	}
}
