package ui

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi/kitty"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

func TestChoosePictures(t *testing.T) {
	tests := []struct {
		name string
		a    terminalAnswers
		want graphics.PictureMode
	}{
		{"iTerm2 by environment", terminalAnswers{itermEnv: true, attributes: []int{62, 22}}, graphics.PicturesITerm},
		{"WezTerm by name", terminalAnswers{version: "WezTerm 20240203-110809-5046fc22", attributes: []int{65, 4, 6, 18, 22}}, graphics.PicturesITerm},
		{"iTerm2 by name", terminalAnswers{version: "iTerm2 3.5.4", attributes: []int{62, 4}}, graphics.PicturesITerm},
		{"foot: sixel", terminalAnswers{version: "foot(1.16.2)", attributes: []int{62, 4, 22}, cellKnown: true}, graphics.PicturesSixel},
		{"xterm as a VT340", terminalAnswers{version: "XTerm(390)", attributes: []int{63, 1, 2, 4, 6, 9, 15, 16, 22, 28}, cellKnown: true}, graphics.PicturesSixel},
		{"sixel, but no cell size", terminalAnswers{attributes: []int{62, 4, 22}}, graphics.PicturesBlocks},
		{"no sixel", terminalAnswers{version: "XTerm(390)", attributes: []int{65, 1, 9}}, graphics.PicturesBlocks},
		{"a class of 4 is not sixel", terminalAnswers{attributes: []int{4}}, graphics.PicturesBlocks},
		{"no answers", terminalAnswers{}, graphics.PicturesBlocks},
		{"iTerm2 inside tmux", terminalAnswers{itermEnv: true, tmux: true, version: "tmux 3.3a", attributes: []int{1, 2}}, graphics.PicturesBlocks},
		{"tmux that draws sixel, in a terminal that does", terminalAnswers{tmux: true, version: "tmux 3.4", attributes: []int{61, 4, 6, 21, 22}, cellKnown: true,
			passthrough: true, outerAttrs: []int{63, 1, 2, 4, 6}}, graphics.PicturesSixel},
		// A tmux built with sixel says 4 whatever the terminal outside
		// can do (viu #140, tmux #4104).
		{"tmux's sixel bit alone", terminalAnswers{tmux: true, version: "tmux 3.4", attributes: []int{61, 4, 6, 21, 22}, cellKnown: true}, graphics.PicturesBlocks},
		{"tmux's sixel bit, the terminal outside without", terminalAnswers{tmux: true, version: "tmux 3.4", attributes: []int{61, 4}, cellKnown: true,
			passthrough: true, outerAttrs: []int{64, 1, 2, 6}}, graphics.PicturesBlocks},
		{"kitty 0.35: placeholders", terminalAnswers{kitty: true, version: "kitty(0.35.2)", attributes: []int{62}}, graphics.PicturesKitty},
		{"kitty 0.26: placed at the cells", terminalAnswers{kitty: true, version: "kitty(0.26.5)", attributes: []int{62}}, graphics.PicturesKittyPlace},
		{"Ghostty: placeholders", terminalAnswers{kitty: true, version: "ghostty 1.1.3", attributes: []int{62, 22}}, graphics.PicturesKitty},
		{"kitty graphics, no version: placed", terminalAnswers{kitty: true, attributes: []int{62}}, graphics.PicturesKittyPlace},
		{"kitty 0.35 in tmux, passthrough on", terminalAnswers{tmux: true, passthrough: true, outerKitty: true, outerVersion: "kitty(0.35.2)"}, graphics.PicturesKitty},
		{"kitty 0.26 in tmux, passthrough on", terminalAnswers{tmux: true, passthrough: true, outerKitty: true, outerVersion: "kitty(0.26.5)"}, graphics.PicturesBlocks},
		{"kitty in tmux, passthrough off", terminalAnswers{tmux: true, version: "tmux 3.3a", attributes: []int{1, 2}}, graphics.PicturesBlocks},
	}
	for _, tt := range tests {
		if got, _ := choosePictures(tt.a); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestAutoModeFollowsTheAnswers(t *testing.T) {
	okKitty := uv.KittyGraphicsEvent{Options: kitty.Options{ID: encode.KittyQueryID}, Payload: []byte("OK")}
	cell := uv.CellSizeEvent{Width: 9, Height: 18}
	tests := []struct {
		name string
		opt  Options
		msgs []tea.Msg
		want graphics.PictureMode
	}{
		{"kitty", Options{KittyPlaceholders: true}, []tea.Msg{okKitty, tea.TerminalVersionMsg{Name: "kitty(0.35.2)"}, cell, uv.PrimaryDeviceAttributesEvent{62, 4}}, graphics.PicturesKitty},
		{"WezTerm", Options{}, []tea.Msg{tea.TerminalVersionMsg{Name: "WezTerm 20240203"}, cell, uv.PrimaryDeviceAttributesEvent{65, 4, 6}}, graphics.PicturesITerm},
		{"iTerm2 by its environment", Options{ITermImages: true}, []tea.Msg{cell, uv.PrimaryDeviceAttributesEvent{62, 22}}, graphics.PicturesITerm},
		{"foot", Options{}, []tea.Msg{tea.TerminalVersionMsg{Name: "foot(1.16.2)"}, cell, uv.PrimaryDeviceAttributesEvent{62, 4, 22}}, graphics.PicturesSixel},
		{"a terminal of text", Options{}, []tea.Msg{uv.PrimaryDeviceAttributesEvent{62, 22}}, graphics.PicturesBlocks},
		{"sixel without a cell size", Options{}, []tea.Msg{uv.PrimaryDeviceAttributesEvent{62, 4, 22}}, graphics.PicturesBlocks},
		{"answers after the wait", Options{}, []tea.Msg{detectTimeoutMsg{}, tea.TerminalVersionMsg{Name: "WezTerm"}, uv.PrimaryDeviceAttributesEvent{65, 4}}, graphics.PicturesBlocks},
		{"iTerm2 inside tmux", Options{ITermImages: true, Tmux: true}, []tea.Msg{tea.TerminalVersionMsg{Name: "tmux 3.3a"}, uv.PrimaryDeviceAttributesEvent{62, 22}}, graphics.PicturesBlocks},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			opt.Theme, opt.Pictures = page.ThemeDark, graphics.PicturesAuto
			opt.Loader = picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(graphics.PicturesKitty), graphics.PicturePixels(graphics.PicturesKitty), 0)
			m := pictureModelOpts(t, opt, 100, 34)
			for _, msg := range tt.msgs {
				next, cmd := m.Update(msg)
				m, _ = settle(t, next.(Model), cmd)
			}
			m = turnTo(t, m, "right")
			if got := m.art.DrawMode(); got != tt.want {
				t.Fatalf("drawing with %d, want %d", got, tt.want)
			}
			view := m.View().Content
			switch tt.want {
			case graphics.PicturesKitty:
				if !strings.ContainsRune(view, kitty.Placeholder) {
					t.Error("no kitty placeholders")
				}
			case graphics.PicturesITerm, graphics.PicturesSixel:
				if len(published(m)) != 1 {
					t.Errorf("%d pictures published, want 1", len(published(m)))
				}
			default:
				if !strings.Contains(view, "▀") || m.screen != nil && len(published(m)) != 0 {
					t.Error("not half blocks alone")
				}
			}
		})
	}
}

func TestITermInsideTmuxDrawsHalfBlocks(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(graphics.PicturesKitty), graphics.PicturePixels(graphics.PicturesKitty), 0)
	m := pictureModelOpts(t, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesITerm, Loader: l, Tmux: true}, 100, 34)
	if !strings.Contains(m.View().Content, "no iTerm2 pictures in tmux") {
		t.Error("the status bar does not say why")
	}
	m = turnTo(t, m, "right")
	if m.art.DrawMode() != graphics.PicturesBlocks || m.screen != nil {
		t.Errorf("mode %d inside tmux, want half blocks", m.art.DrawMode())
	}
	if !strings.Contains(m.View().Content, "▀") {
		t.Error("no half blocks")
	}
}

func TestSixelWaitsForTheCellSize(t *testing.T) {
	// Without the cell size a sixel picture could spill out of its panel:
	// it is not drawn until the terminal has said.
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(graphics.PicturesKitty), graphics.PicturePixels(graphics.PicturesKitty), 0)
	m := pictureModelOpts(t, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesSixel, Loader: l, Start: 1}, 100, 34)
	if n := len(published(m)); n != 0 {
		t.Fatalf("%d sixel pictures drawn before the cell size was known", n)
	}
	// The attributes without a cell size before them: none is coming.
	if view := send(m, uv.PrimaryDeviceAttributesEvent{62, 4}).View().Content; !strings.Contains(view, "sixel needs the cell size") {
		t.Error("the status bar does not say why there is no sixel")
	}
	next, cmd := m.Update(uv.CellSizeEvent{Width: 10, Height: 20})
	m, _ = settle(t, next.(Model), cmd)
	if n := len(published(m)); n != 1 {
		t.Fatalf("%d pictures once the cell size is known, want 1", n)
	}
	// A new cell size (the font grew) redraws the picture for it.
	before := published(m)[0].Seq
	next, cmd = m.Update(uv.CellSizeEvent{Width: 12, Height: 24})
	m, _ = settle(t, next.(Model), cmd)
	if pics := published(m); len(pics) != 1 || pics[0].Seq == before {
		t.Error("the picture was not encoded again for the new cell size")
	}
}

func TestAutoModeKeepsHalfBlocksPicturesUntilRealPixels(t *testing.T) {
	// A 600×400 photograph: larger than half blocks keep, smaller than
	// real pixels do.
	dir := t.TempDir()
	var pngData bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 600, 400))
	for i := range img.Pix {
		img.Pix[i] = uint8(i / 7)
	}
	if err := png.Encode(&pngData, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "field.png"), pngData.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	deck := filepath.Join(dir, "deck.md")
	if err := os.WriteFile(deck, []byte("# A field\n\n![A field at noon](field.png)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	yes := uv.KittyGraphicsEvent{Options: kitty.Options{ID: encode.KittyQueryID}, Payload: []byte("OK")}
	da := uv.PrimaryDeviceAttributesEvent{62, 4}
	for _, tt := range []struct {
		name    string
		answers []tea.Msg
		width   int // of the picture kept
	}{
		{"no graphics", []tea.Msg{da}, graphics.PicturePixels(graphics.PicturesBlocks)},
		{"kitty", []tea.Msg{yes, da}, 600},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// As main makes it: the loader sized for the mode asked for.
			l := picture.NewLoader(picture.Origin{Dir: dir}, graphics.PicturePixels(graphics.PicturesAuto), graphics.PicturePixels(graphics.PicturesAuto), 0)
			m := New(loadStory(t, deck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesAuto, Loader: l, KittyPlaceholders: true})
			m.renderBudget, m.deadline, m.picDelay, m.placeDelay = time.Minute, time.Minute, 0, 0
			m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
			m = sized(t, m, 100, 34)
			m = send(m, tt.answers...)
			m = turnTo(t, m, "right")
			got, _, ok := l.Cached("field.png")
			if !ok || got == nil {
				t.Fatal("the picture was not loaded")
			}
			if w := got.Bounds().Dx(); w != tt.width {
				t.Errorf("picture kept %d pixels wide, want %d", w, tt.width)
			}
		})
	}
}
func TestPlaceholders(t *testing.T) {
	for v, want := range map[string]bool{
		"kitty(0.26.5)": false, "kitty(0.27.1)": false, "kitty(0.28.0)": true, "kitty(0.35.2)": true,
		"kitty(1.0.0)": true, "ghostty 1.1.3": true, "XTerm(379)": false, "": false, "kitty(x)": false,
	} {
		if got := placeholders(v); got != want {
			t.Errorf("placeholders(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestCellFromWindow(t *testing.T) {
	tests := []struct {
		cols, rows, xpx, ypx int
		want                 image.Point
		ok                   bool
	}{
		{100, 30, 604, 394, image.Pt(6, 13), true}, // xterm, its border counted
		{88, 25, 792, 500, image.Pt(9, 20), true},  // kitty
		{100, 29, 600, 377, image.Pt(6, 13), true}, // tmux 3.3a in xterm
		{80, 24, 0, 0, image.Point{}, false},       // a terminal that leaves them zero
		{80, 24, 80, 24, image.Point{}, false},     // one that fills in cells
	}
	for _, tt := range tests {
		got, ok := CellFromWindow(tt.cols, tt.rows, tt.xpx, tt.ypx)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CellFromWindow(%d, %d, %d, %d) = %v, %v; want %v, %v", tt.cols, tt.rows, tt.xpx, tt.ypx, got, ok, tt.want, tt.ok)
		}
	}
}

// The note on how tmux could pass pictures is said where there is a
// picture to pass, not over a story of words alone.
func TestPassthroughNoteOnlyWithPictures(t *testing.T) {
	msgs := []tea.Msg{tea.TerminalVersionMsg{Name: "tmux 3.3a"}, uv.PrimaryDeviceAttributesEvent{62, 22}, tmuxWaitMsg{}, detectTimeoutMsg{}}
	for _, tt := range []struct {
		name string
		s    func(t *testing.T) *story.Story
		note bool
	}{
		{"pictures", func(t *testing.T) *story.Story { return loadStory(t, pictureDeck) }, true},
		{"words alone", func(t *testing.T) *story.Story { return loadStory(t, "../testdata/md/steps.md") }, false},
	} {
		m := New(tt.s(t), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesAuto, Tmux: true,
			Loader: picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)})
		m = sized(t, m, 100, 30)
		for _, msg := range msgs {
			next, cmd := m.Update(msg)
			m, _ = settle(t, next.(Model), cmd)
		}
		if got := strings.Contains(m.hint, "allow-passthrough"); got != tt.note {
			t.Errorf("%s: the passthrough note said: %v (hint %q)", tt.name, got, m.hint)
		}
	}
}

// Under NO_COLOR, a terminal found to have no real pixels shows no
// pictures: the reader says why, at once and on p.
func TestNoColourSaysWhyNoPictures(t *testing.T) {
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesAuto, NoHalfBlocks: true,
		Loader: picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)})
	m = sized(t, m, 100, 30)
	for _, msg := range []tea.Msg{uv.PrimaryDeviceAttributesEvent{62, 22}, detectTimeoutMsg{}} {
		next, cmd := m.Update(msg)
		m, _ = settle(t, next.(Model), cmd)
	}
	if !strings.Contains(m.hint, "NO_COLOR") {
		t.Errorf("no word of NO_COLOR once detected: hint %q", m.hint)
	}
	m = send(m, keyMsg("p"), keyMsg("p"))
	if !strings.Contains(m.hint, "NO_COLOR") {
		t.Errorf("p on says nothing of NO_COLOR: hint %q", m.hint)
	}
}

// Pictures turned off before the terminal has answered stay off, and the
// reader still sees that they are: the answer's note about how pictures
// would be drawn does not take the place of "pictures off".
func TestAnswerAfterPicturesOffKeepsTheirNote(t *testing.T) {
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesAuto, NoHalfBlocks: true,
		Loader: picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)})
	m = sized(t, m, 100, 30)
	m = send(m, keyMsg("p"))
	if m.picOn {
		t.Fatal("p did not turn pictures off")
	}
	next, cmd := m.Update(uv.PrimaryDeviceAttributesEvent{62, 22})
	m, _ = settle(t, next.(Model), cmd)
	if m.picOn || m.hint != "pictures off · p turns them on" {
		t.Errorf("after the answer: pictures on %v, hint %q", m.picOn, m.hint)
	}
	m = send(m, keyMsg("p"))
	if !strings.Contains(m.hint, "NO_COLOR") {
		t.Errorf("p on says nothing of NO_COLOR: hint %q", m.hint)
	}
}

// The answer may come after p has turned pictures off and on again, or
// after the reader's place was resumed: the word a key (or the start)
// put on the status line stays, and the note joins it.
func TestAnswerKeepsTheStatusWord(t *testing.T) {
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesAuto, NoHalfBlocks: true,
		Loader: picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)})
	m = sized(t, m, 100, 30)
	m = send(m, keyMsg("p"), keyMsg("p"))
	next, cmd := m.Update(uv.PrimaryDeviceAttributesEvent{62, 22})
	m, _ = settle(t, next.(Model), cmd)
	if !m.picOn || !strings.HasPrefix(m.hint, "pictures on") || !strings.Contains(m.hint, "NO_COLOR") {
		t.Errorf("after p, p and the answer: pictures on %v, hint %q", m.picOn, m.hint)
	}
}
