package read

import (
	"os"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"golang.org/x/text/encoding/japanese"
)

// TestDeclaredCharsets: a page's bytes are read in the character set its
// server or its <meta> declares, never in UTF-7.
func TestDeclaredCharsets(t *testing.T) {
	sjis, err := japanese.ShiftJIS.NewEncoder().String("京都の紅葉")
	if err != nil {
		t.Fatal(err)
	}
	page := func(meta, title string) string {
		return "<!doctype html><html><head>" + meta + "<title>" + title + "</title></head><body><article><p>" + title + "</p></article></body></html>"
	}
	tests := []struct {
		name, src, httpCharset, want string
	}{
		{"meta charset", page(`<meta charset="shift_jis">`, sjis), "", "京都の紅葉"},
		{"meta http-equiv", page(`<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">`, sjis), "", "京都の紅葉"},
		{"the server's charset, no meta", page("", sjis), "Shift_JIS", "京都の紅葉"},
		{"the server wins over the meta", page(`<meta charset="iso-8859-1">`, sjis), "shift_jis", "京都の紅葉"},
		{"KOI8-R", page(`<meta charset="koi8-r">`, "\xf0\xd2\xc9\xd7\xc5\xd4"), "", "Привет"},
		{"UTF-7 is never decoded", page(`<meta charset="utf-7">`, "+ZeVnLA-"), "", "+ZeVnLA-"},
		{"UTF-7 from the server neither", page("", "+ZeVnLA-"), "utf-7", "+ZeVnLA-"},
		{"valid UTF-8 under an old meta stays UTF-8", page(`<meta charset="shift_jis">`, "京都の紅葉"), "", "京都の紅葉"},
		{"no declaration: Windows-1252 repair as before", page("", "caf\xe9"), "", "café"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseText(tt.src, story.Options{Name: "page.html", Charset: tt.httpCharset})
			if err != nil {
				t.Fatal(err)
			}
			if s.Title != tt.want {
				t.Errorf("title %q, want %q", s.Title, tt.want)
			}
		})
	}
}

// TestShiftJISPage reads a whole Shift_JIS page from testdata/web.
func TestShiftJISPage(t *testing.T) {
	data, err := os.ReadFile("../../testdata/web/shift-jis-momiji.html")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(data, story.Options{Name: "shift-jis-momiji.html"})
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "京都の紅葉を歩く" || s.Source != "週末さんぽ" || !strings.Contains(s.FormatReason, "shift_jis") {
		t.Errorf("title %q source %q reason %q", s.Title, s.Source, s.FormatReason)
	}
	if secs := s.Sections(); len(secs) != 2 || secs[0].Pictures[0].Alt != "東福寺の通天橋から見た紅葉の谷" {
		t.Errorf("sections %+v", secs)
	}
}
