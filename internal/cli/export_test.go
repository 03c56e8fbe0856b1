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
	// A story read through a descriptor (reel export <(curl …)) is a
	// pipe's: it has no folder to read pictures from.
	for _, fd := range []string{"/dev/fd/63", "/proc/self/fd/7", "/proc/4242/fd/0", "/dev/stdin"} {
		if o := exportOrigin(fd, "", "reel/test"); o.Dir != "" || o.Base != nil {
			t.Errorf("%s: %+v, want a pipe's origin", fd, o)
		}
	}
	if o := exportOrigin("https://example.org/g", "https://example.org/g", "reel/test"); o.Base == nil || o.Fetch == nil || o.Dir != "" {
		t.Errorf("web: %+v", o)
	}
}

// A mistake in reel export's command line points to export's own help,
// which lists export's flags.
func TestExportUsagePointsToExportHelp(t *testing.T) {
	for _, args := range [][]string{
		{"export", "../../testdata/kim-rally.txt"},                   // no -o
		{"export", "../../testdata/kim-rally.txt", "-o", "out.docx"}, // unknown extension
		{"export", "--bogus"},
	} {
		stdout, stderr := tempFile(t), tempFile(t)
		if code := Main(args, devNull(t), stdout, stderr, Build{Version: "dev"}); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		if got := readBack(t, stderr); !strings.Contains(got, "Run 'reel export --help' for usage.") {
			t.Errorf("%q: stderr %q", args, got)
		}
	}
	stdout, stderr := tempFile(t), tempFile(t)
	if code := Main([]string{"export", "--help"}, devNull(t), stdout, stderr, Build{Version: "dev"}); code != 0 {
		t.Fatalf("export --help: exit %d: %s", code, readBack(t, stderr))
	}
	help := readBack(t, stdout)
	for _, flag := range []string{"--output", "--to", "--notes", "--page", "--steps", "--format", "--max-size", "--debug"} {
		if !strings.Contains(help, flag) {
			t.Errorf("export --help lists no %s:\n%s", flag, help)
		}
	}
	// --format reads what the reader's reads.
	for _, f := range []string{"text", "markdown", "html", "mhtml", "feed"} {
		if _, err := parseExportArgs([]string{"x", "-o", "x.html", "--format", f}, &bytes.Buffer{}, "dev"); err != nil {
			t.Errorf("--format %s: %v", f, err)
		} else if !strings.Contains(help, f) {
			t.Errorf("export --help does not name --format %s", f)
		}
	}
	// The reader's own mistakes still point to reel --help.
	stdout, stderr = tempFile(t), tempFile(t)
	if code := Main([]string{"--bogus"}, devNull(t), stdout, stderr, Build{Version: "dev"}); code != 2 || !strings.Contains(readBack(t, stderr), "Run 'reel --help'") {
		t.Errorf("reel --bogus: exit %d", code)
	}
}
