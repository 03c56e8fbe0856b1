package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestExportArgs(t *testing.T) {
	cfg, err := parseExportArgs([]string{"deck.md", "-o", "out.pdf", "--page", "letter", "--notes", "--steps", "--format", "markdown"}, &bytes.Buffer{}, "dev")
	if err != nil || cfg.path != "deck.md" || cfg.out != "out.pdf" || cfg.page != "letter" || !cfg.notes || !cfg.steps {
		t.Errorf("parsed %+v, %v", cfg, err)
	}
	for _, args := range [][]string{
		{"deck.md"},                      // no -o
		{"a.md", "b.md", "-o", "x.html"}, // two stories
		{"deck.md", "-o", "x.html", "--format", "pdf"},
		{"deck.md", "-o", "x.html", "--max-size", "0"},
	} {
		var usage usageError
		if _, err := parseExportArgs(args, &bytes.Buffer{}, "dev"); !errors.As(err, &usage) {
			t.Errorf("%q: %v, want a usage error", args, err)
		}
	}
	var help bytes.Buffer
	if _, err := parseExportArgs([]string{"--help"}, &help, "dev"); !isHelp(err) || !strings.Contains(help.String(), "--output") {
		t.Errorf("--help: %v\n%s", err, help.String())
	}
}

func TestExportProgress(t *testing.T) {
	var out bytes.Buffer
	// A file's pictures: nothing said in the first second.
	p := newProgress(&out, false)
	p.update(1, 3)
	if out.Len() != 0 {
		t.Errorf("progress within a second: %q", out.String())
	}
	p.start = time.Now().Add(-2 * time.Second)
	p.update(2, 3)
	p.done()
	if got := out.String(); !strings.Contains(got, "exporting 2 of 3 pictures") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("progress %q", got)
	}
	// A web story's: from the first picture.
	out.Reset()
	p = newProgress(&out, true)
	p.update(1, 40)
	if !strings.Contains(out.String(), "exporting 1 of 40 pictures") {
		t.Errorf("web progress %q", out.String())
	}
}

func TestExportOrigin(t *testing.T) {
	if o := exportOrigin("stories/deck.md", "", "reel/test"); o.Dir != "stories" || o.Base != nil || o.Fetch != nil {
		t.Errorf("file: %+v", o)
	}
	if o := exportOrigin("-", "", "reel/test"); o.Dir != "" || o.Base != nil {
		t.Errorf("pipe: %+v", o)
	}
	if o := exportOrigin("https://example.org/g", "https://example.org/g", "reel/test"); o.Base == nil || o.Fetch == nil || o.Dir != "" {
		t.Errorf("web: %+v", o)
	}
}
