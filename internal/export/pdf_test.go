package export

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The PDF export read back with poppler's tools: pdftotext for its words,
// pdfimages for its pictures, pdfinfo for its pages, paper and metadata.
// .ci/run installs poppler-utils.

func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (apt-get install poppler-utils)", tool)
		}
		t.Skipf("%s is not installed (apt-get install poppler-utils)", tool)
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	return string(out)
}

func writePDFFile(t *testing.T, path string, opt Options) (string, int) {
	t.Helper()
	s, origin := readStory(t, path)
	opt.Format, opt.Origin = FormatPDF, origin
	out := filepath.Join(t.TempDir(), "out.pdf")
	if err := WriteFile(context.Background(), out, s, opt); err != nil {
		t.Fatal(err)
	}
	return out, s.Len()
}

func pdfField(t *testing.T, info, name string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + name + `:\s+(.*)$`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo has no %s:\n%s", name, info)
	}
	return strings.TrimSpace(m[1])
}

func TestPDF(t *testing.T) {
	out, sections := writePDFFile(t, "../../testdata/pictures/deck.md", Options{})
	info := poppler(t, "pdfinfo", out)
	if got := pdfField(t, info, "Pages"); got != strconv.Itoa(1+sections) {
		t.Errorf("%s pages, want a cover and %d sections", got, sections)
	}
	if got := pdfField(t, info, "Page size"); !strings.HasPrefix(got, "841.89 x 595.28 pts (A4)") {
		t.Errorf("page size %q, want A4 landscape", got)
	}
	if got := pdfField(t, info, "Title"); got != "Weather Over the Coast" {
		t.Errorf("title %q", got)
	}
	if got := pdfField(t, info, "Author"); got != "reel's test pictures" {
		t.Errorf("author %q", got)
	}

	text := poppler(t, "pdftotext", out, "-")
	pages := strings.Split(text, "\f")
	wantPages := []([]string){
		{"Weather Over the Coast", "Four pictures, one of each kind reel reads", "By reel's test pictures", "1 / 6"},
		{"Evening", "Drawn by reel's tests / PNG", "The last light of the day", "2 / 6"},
		{"The ridge", "Drawn by reel's tests / JPEG", "A JPEG, scaled to the panel"},
		{"A kite", "GIF, first frame of twelve", "An animated GIF shows its first frame."},
		{"Flags", "Drawn by reel's tests / WebP"},
		{"What cannot be shown", "A damaged file", "damaged picture", "A file that is not there", "file not found", "not in the story's folder", "6 / 6"},
	}
	for i, want := range wantPages {
		if i >= len(pages) {
			t.Fatalf("only %d pages of text", len(pages))
		}
		// pdftotext reads "1 / 6" as "1/6": spaces about a slash are
		// not compared.
		slash := strings.NewReplacer(" / ", "/")
		flat := slash.Replace(strings.Join(strings.Fields(pages[i]), " "))
		for _, w := range want {
			if !strings.Contains(flat, slash.Replace(w)) {
				t.Errorf("page %d lacks %q:\n%s", i+1, w, flat)
			}
		}
	}

	// The four pictures that can be read, one on each of pages 2 to 5,
	// the WebP and GIF ones encoded again for the PDF.
	list := poppler(t, "pdfimages", "-list", out)
	var onPages []string
	for _, line := range strings.Split(list, "\n")[2:] {
		if f := strings.Fields(line); len(f) > 3 && f[2] == "image" {
			onPages = append(onPages, f[0])
		}
	}
	if strings.Join(onPages, " ") != "2 3 4 5" {
		t.Errorf("pictures on pages %v, want 2 3 4 5:\n%s", onPages, list)
	}

	// A bookmark for the cover and each section.
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(raw, []byte("<</Title (")); n != 1+sections {
		t.Errorf("%d bookmarks, want %d", n, 1+sections)
	}
}

func TestPDFLetterAndSteps(t *testing.T) {
	out, sections := writePDFFile(t, "../../testdata/md/steps.md", Options{Page: PageLetter})
	info := poppler(t, "pdfinfo", out)
	if got := pdfField(t, info, "Page size"); !strings.HasPrefix(got, "792 x 612 pts (letter)") {
		t.Errorf("page size %q, want letter landscape", got)
	}
	if got := pdfField(t, info, "Pages"); got != strconv.Itoa(1+sections) {
		t.Errorf("%s pages without --steps, want %d", got, 1+sections)
	}

	s, _ := readStory(t, "../../testdata/md/steps.md")
	want := 1
	for _, sec := range s.Sections() {
		want += len(sec.Steps) + 1
	}
	if want == 1+sections {
		t.Fatal("the deck has no reveal steps to test with")
	}
	out, _ = writePDFFile(t, "../../testdata/md/steps.md", Options{Steps: true})
	if got := pdfField(t, poppler(t, "pdfinfo", out), "Pages"); got != strconv.Itoa(want) {
		t.Errorf("%s pages with --steps, want %d (a page per step)", got, want)
	}
	text := poppler(t, "pdftotext", out, "-")
	pages := strings.Split(text, "\f")
	// "Tides" in three steps: the first shows only its first line.
	if !strings.Contains(pages[1], "The sea goes out.") || strings.Contains(pages[1], "It comes back.") || !strings.Contains(pages[2], "It comes back.") {
		t.Errorf("steps not a page each:\n%q\n%q", pages[1], pages[2])
	}
}

func TestPDFScripts(t *testing.T) {
	tests := []struct {
		name, text string
		shown      []string // text pdftotext must find
		warn       []string // kinds of text the cover must warn of; nil for none
	}{
		{
			name:  "Latin, Greek and Cyrillic",
			text:  "# Ελληνικά και русский\n\nĐây là tiếng Việt, ελληνικά, кириллица, Ærøskøbing.\n\n---\n\n# Второй\n\nΚαλημέρα κόσμε.\n",
			shown: []string{"Ελληνικά και русский", "Đây là tiếng Việt, ελληνικά, кириллица, Ærøskøbing.", "Второй", "Καλημέρα κόσμε."},
		},
		{
			name:  "CJK and Arabic",
			text:  "# Mixed scripts\n\nIntro.\n\n---\n\n# 東京の写真\n\nمرحبا بالعالم and some English.\n",
			shown: []string{"Mixed scripts", "and some English."},
			warn:  []string{"Arabic", "CJK"},
		},
		{
			name:  "emoji",
			text:  "# Party\n\nIntro.\n\n---\n\n# Fun 🎉\n\nText.\n",
			shown: []string{"Party"},
			warn:  []string{"emoji"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, origin := storyFile(t, "story.md", tt.text, nil)
			var warnings []string
			out := filepath.Join(t.TempDir(), "out.pdf")
			err := WriteFile(context.Background(), out, s, Options{Format: FormatPDF, Origin: origin, Warn: func(w string) { warnings = append(warnings, w) }})
			if err != nil {
				t.Fatal(err)
			}
			text := poppler(t, "pdftotext", out, "-")
			flat := strings.Join(strings.Fields(text), " ")
			for _, w := range tt.shown {
				if !strings.Contains(flat, w) {
					t.Errorf("PDF text lacks %q:\n%s", w, flat)
				}
			}
			cover := strings.Join(strings.Fields(strings.Split(text, "\f")[0]), " ")
			if tt.warn == nil {
				if len(warnings) > 0 || strings.Contains(cover, "cannot show") {
					t.Errorf("warned for text the font shows: %v", warnings)
				}
				return
			}
			if len(warnings) != 1 || !strings.Contains(cover, "cannot show") || !strings.Contains(cover, "HTML") {
				t.Fatalf("no warning: %v\ncover: %s", warnings, cover)
			}
			for _, kind := range tt.warn {
				if !strings.Contains(warnings[0], kind) || !strings.Contains(cover, kind) {
					t.Errorf("warning %q / cover %q does not name %s", warnings[0], cover, kind)
				}
			}
		})
	}
}
