package export

import (
	"context"
	"errors"
	"image/color"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFormatFor(t *testing.T) {
	tests := []struct {
		out, to string
		want    Format
		usage   bool
	}{
		{out: "a.html", want: FormatHTML},
		{out: "a.HTM", want: FormatHTML},
		{out: "dir.x/a.pdf", want: FormatPDF},
		{out: "a.md", want: FormatMarkdown},
		{out: "a.markdown", want: FormatMarkdown},
		{out: "a.txt", to: "md", want: FormatMarkdown},
		{out: "a.html", to: "html", want: FormatHTML},
		{out: "a.data", to: "pdf", want: FormatPDF},
		// Named for one format, written in another: it would open in the
		// wrong program.
		{out: "a.html", to: "pdf", usage: true},
		{out: "deck.md", to: "html", usage: true},
		{out: "-", want: FormatHTML},
		{out: "-", to: "markdown", want: FormatMarkdown},
		{out: "-", to: "pdf", usage: true},
		{out: "a.txt", usage: true},
		{out: "noextension", usage: true},
		{out: "a.html", to: "docx", usage: true},
	}
	for _, tt := range tests {
		got, err := FormatFor(tt.out, tt.to)
		if tt.usage {
			if !errors.Is(err, ErrUsage) {
				t.Errorf("FormatFor(%q, %q) = %v, %v; want a usage error", tt.out, tt.to, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("FormatFor(%q, %q) = %v, %v; want %v", tt.out, tt.to, got, err, tt.want)
		}
	}
	if p, err := ParsePage("Letter"); err != nil || p != PageLetter {
		t.Errorf("ParsePage(Letter) = %v, %v", p, err)
	}
	if _, err := ParsePage("a3"); !errors.Is(err, ErrUsage) {
		t.Errorf("ParsePage(a3) = %v", err)
	}
}

// names lists a folder's entries.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteFileReplaces(t *testing.T) {
	s, origin := storyFile(t, "deck.md", sampleDeck, samplePictures(t))
	dir := t.TempDir()
	out := filepath.Join(dir, "story.html")
	if err := os.WriteFile(out, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}

	// Cancelled: the old file stays, and nothing is left beside it.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WriteFile(ctx, out, s, Options{Format: FormatHTML, Origin: origin}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled export: %v", err)
	}
	if data, _ := os.ReadFile(out); string(data) != "old" {
		t.Errorf("a cancelled export changed the file")
	}
	if got := names(t, dir); !slices.Equal(got, []string{"story.html"}) {
		t.Errorf("a cancelled export left %v", got)
	}

	if err := WriteFile(context.Background(), out, s, Options{Format: FormatHTML, Origin: origin}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(data), "<!DOCTYPE html>") {
		t.Errorf("file not replaced: %.40q", data)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", info.Mode().Perm())
	}
	if got := names(t, dir); !slices.Equal(got, []string{"story.html"}) {
		t.Errorf("export left %v", got)
	}
}

func TestWriteFileRefuses(t *testing.T) {
	s, origin := storyFile(t, "deck.md", sampleDeck, nil)
	dir := t.TempDir()
	for _, out := range []string{
		filepath.Join(dir, "no such folder", "a.html"),
		dir, // a folder
	} {
		if err := WriteFile(context.Background(), out, s, Options{Format: FormatHTML, Origin: origin}); err == nil {
			t.Errorf("export to %s: no error", out)
		} else if strings.Contains(err.Error(), ".part") {
			t.Errorf("error names the temporary file: %v", err)
		}
	}
}

func TestWriteFileMarkdownFolder(t *testing.T) {
	s, origin := storyFile(t, "deck.md", sampleDeck, samplePictures(t))
	dir := t.TempDir()
	out := filepath.Join(dir, "trip.md")
	files := filepath.Join(dir, "trip_files")
	if err := os.MkdirAll(files, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(files, "stale.png"), pngBytes(t, 2, 2, color.Black), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(context.Background(), out, s, Options{Format: FormatMarkdown, Origin: origin}); err != nil {
		t.Fatal(err)
	}
	if got := names(t, files); !slices.Equal(got, []string{"01.jpg", "02.png", "03.png"}) {
		t.Errorf("trip_files holds %v", got)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"trip.md", "trip_files"}) {
		t.Errorf("folder holds %v", got)
	}

	// A story with no pictures leaves no folder, not the old one.
	plain, porigin := storyFile(t, "plain.md", "# A\n\nText.\n\n---\n\n# B\n\nMore.\n", nil)
	if err := WriteFile(context.Background(), out, plain, Options{Format: FormatMarkdown, Origin: porigin}); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"trip.md"}) {
		t.Errorf("folder holds %v", got)
	}
}

// A deck keeps the web address of a picture it could not read only when
// the address is public: loopback written the ways browsers read it is
// not.
func TestWebAddressKeepsOnlyPublic(t *testing.T) {
	for raw, want := range map[string]bool{
		"https://pictures.example/a.jpg": true,
		"https://93.184.216.34/a.jpg":    true,
		"http://127.0.0.1/a.jpg":         false,
		"http://127.1/a.jpg":             false,
		"http://2130706433/a.jpg":        false,
		"http://0x7f000001/a.jpg":        false,
		"http://localhost/a.jpg":         false,
		"http://[::1]/a.jpg":             false,
		"file:///etc/passwd":             false,
		"https://x1.example/a.jpg":       true,
		"https://abc.cafe/a.jpg":         true,
		"http://0177.0.0.1/a.jpg":        false,
	} {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := webAddress(u); got != want {
			t.Errorf("webAddress(%s) = %v, want %v", raw, got, want)
		}
	}
}
