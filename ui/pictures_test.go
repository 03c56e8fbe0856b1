package ui

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"
	"github.com/charmbracelet/x/vt"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

const pictureDeck = "../testdata/pictures/deck.md"

// pictureModel is a reader of the picture deck at w×h, with pictures
// drawn in mode.
func pictureModel(t *testing.T, mode graphics.PictureMode, w, h int) Model {
	t.Helper()
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(mode), graphics.PicturePixels(mode), 0)
	return pictureModelWith(t, l, mode, w, h)
}

// pictureModelWith is pictureModel with its loader given, and so the
// pictures it already holds.
func pictureModelWith(t *testing.T, l *picture.Loader, mode graphics.PictureMode, w, h int) Model {
	t.Helper()
	return pictureModelOpts(t, Options{Theme: page.ThemeDark, Pictures: mode, Loader: l}, w, h)
}

// pictureModelOpts is a reader of the picture deck with opt, at w×h; the
// wait for the terminal's answers never times out.
func pictureModelOpts(t *testing.T, opt Options, w, h int) Model {
	t.Helper()
	m := New(loadStory(t, pictureDeck), opt)
	m.renderBudget, m.deadline, m.picDelay, m.placeDelay = time.Minute, time.Minute, 0, 0
	m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	return sized(t, m, w, h)
}

// sized sends the window size and settles the loads it starts.
func sized(t *testing.T, m Model, w, h int) Model {
	t.Helper()
	next, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = settle(t, next.(Model), cmd)
	return m
}

// settle runs cmd and the commands that follow from it, feeding picture
// and page messages back into the model, and returns the model and the
// raw output the commands asked to write.
func settle(t *testing.T, m Model, cmd tea.Cmd) (Model, []string) {
	t.Helper()
	return settleHolding(t, m, cmd, nil)
}

// settleHolding is settle, but hands the picture and page messages hold
// picks (if hold is not nil) to it instead of to the model.
func settleHolding(t *testing.T, m Model, cmd tea.Cmd, hold func(tea.Msg) bool) (Model, []string) {
	t.Helper()
	var raw []string
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.RawMsg:
			raw = append(raw, fmt.Sprint(msg.Msg))
		case pictureMsg, pictureDueMsg, kittyMsg, pageMsg, pixelsMsg, placeMsg, picturesChangedMsg:
			if hold != nil && hold(msg) {
				continue
			}
			next, more := m.Update(msg)
			m = next.(Model)
			queue = append(queue, more)
		default:
			if isClearScreen(msg) {
				raw = append(raw, clearMark)
			}
		}
	}
	return m, raw
}

// turn presses keys and settles what they start.
func turnTo(t *testing.T, m Model, list string) Model {
	t.Helper()
	for _, k := range keys(list) {
		next, cmd := m.Update(k)
		m, _ = settle(t, next.(Model), cmd)
	}
	return m
}

func TestPictureLoadsAfterPageTurn(t *testing.T) {
	// Sized before the program runs, as main does: nothing is loaded yet.
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l, Width: 100, Height: 34})
	// The page's words are rendered at the turn however loaded the machine
	// (a render over the budget would show a plain page first): what this
	// test times is the picture.
	m.renderBudget = time.Minute
	next, cmd := m.Update(keyMsg("right"))
	m = next.(Model)
	// The page turns at once, showing the words while the picture loads.
	before := m.View().Content
	if strings.Contains(before, "▀") {
		t.Fatal("the picture was drawn before it was loaded: the page turn waited for it")
	}
	if !strings.Contains(ansi.Strip(before), "The sun sets over a calm sea") {
		t.Fatalf("alt text missing while loading:\n%s", ansi.Strip(before))
	}
	m, _ = settle(t, m, cmd)
	after := m.View().Content
	if n := strings.Count(after, "▀"); n < 100 {
		t.Fatalf("%d half blocks once loaded, want a picture:\n%s", n, ansi.Strip(after))
	}
	if !strings.Contains(after, "38;2;") || !strings.Contains(after, "48;2;") {
		t.Error("the picture has no true colour cells")
	}
	plain := ansi.Strip(after)
	if !strings.Contains(plain, "The sun sets over a calm sea") || !strings.Contains(plain, "Evening") {
		t.Errorf("the caption or alt text is gone:\n%s", plain)
	}
	for i, l := range strings.Split(after, "\n") {
		if w := ansi.StringWidth(l); w > 100 {
			t.Errorf("line %d is %d columns wide", i, w)
		}
	}
}

func TestPictureGolden(t *testing.T) {
	m := turnTo(t, pictureModel(t, graphics.PicturesBlocks, 80, 24), "right right")
	goldenFrame(t, "picture-blocks-80x24", frame(m))
}

func TestPictureReasons(t *testing.T) {
	m := turnTo(t, pictureModel(t, graphics.PicturesBlocks, 100, 60), "5 enter")
	plain := ansi.Strip(m.View().Content)
	for _, want := range []string{
		"▣ damaged picture", "A damaged file",
		"▣ file not found", "A file that is not there",
		"▣ not in the story's folder", "A path out of the story's folder",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("no %q in:\n%s", want, plain)
		}
	}
}

func TestPicturesEveryFormat(t *testing.T) {
	for page := 1; page <= 4; page++ {
		m := turnTo(t, pictureModel(t, graphics.PicturesBlocks, 100, 40), fmt.Sprintf("%d enter", page))
		if n := strings.Count(m.View().Content, "▀"); n < 50 {
			t.Errorf("page %d: %d half blocks, want a picture:\n%s", page, n, ansi.Strip(m.View().Content))
		}
	}
}

func TestPictureToggleKey(t *testing.T) {
	m := turnTo(t, pictureModel(t, graphics.PicturesBlocks, 100, 34), "right")
	if !strings.Contains(m.View().Content, "▀") {
		t.Fatal("no picture to start with")
	}
	m = turnTo(t, m, "p")
	if strings.Contains(m.View().Content, "▀") {
		t.Error("p left the picture on")
	}
	if !strings.Contains(ansi.Strip(m.View().Content), "pictures off") {
		t.Errorf("p does not say pictures are off:\n%s", ansi.Strip(m.View().Content))
	}
	if !strings.Contains(ansi.Strip(m.View().Content), "▣ picture") {
		t.Error("with pictures off the panel lost its mark")
	}
	m = turnTo(t, m, "p")
	if !strings.Contains(m.View().Content, "▀") {
		t.Error("p did not bring the picture back")
	}
	if got := ansi.Strip(m.View().Content); !strings.Contains(got, "pictures on") || strings.Contains(got, "none on this page") {
		t.Errorf("p does not say pictures are on:\n%s", got)
	}
	if got := ansi.Strip(turnTo(t, m, "g p p").View().Content); !strings.Contains(got, "pictures on · none on this page") {
		t.Errorf("p on the cover does not say it has no pictures:\n%s", got)
	}
	if !m.keys.Pictures.Enabled() {
		t.Error("the pictures key is disabled though it acts")
	}
	// With nothing to turn, p says so.
	bare, err := read.Parse([]byte("# Words\n\nNo pictures at all.\n\n---\n\n## One\n\nText.\n"), story.Options{Name: "words.md"})
	if err != nil {
		t.Fatal(err)
	}
	if got := frame(runKeys(t, newTestModel(bare, 80, 24), "p")); !strings.Contains(got, "no pictures in this story") {
		t.Errorf("p in a story without pictures does not say why:\n%s", got)
	}
	// As the reader runs it: with a loader, ready for pictures that never come.
	withLoader := New(bare, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesAuto,
		Loader: picture.NewLoader(picture.Origin{Dir: t.TempDir()}, 64, 64, 0)})
	if got := frame(runKeys(t, sized(t, withLoader, 80, 24), "p")); !strings.Contains(got, "no pictures in this story") {
		t.Errorf("p in a story without pictures, with a loader, does not say why:\n%s", got)
	}
}

// TestPicturesKeySaysWhyNot: where pictures cannot be drawn, such as under
// NO_COLOR, p says why rather than nothing.
func TestPicturesKeySaysWhyNot(t *testing.T) {
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesOff, NoPictures: "pictures need colour"})
	m = runKeys(t, sized(t, m, 100, 34), "right p")
	if got := frame(m); !strings.Contains(got, "pictures need colour") {
		t.Errorf("p under NO_COLOR says nothing:\n%s", got)
	}
}

func TestPictureShrinksThenHides(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(graphics.PicturesBlocks), graphics.PicturePixels(graphics.PicturesBlocks), 0)
	var last int
	for _, h := range []int{60, 34, 24, 16, 12} {
		m := turnTo(t, pictureModelWith(t, l, graphics.PicturesBlocks, 100, h), "right")
		view := m.View().Content
		rows := 0
		for _, l := range strings.Split(view, "\n") {
			if strings.Contains(l, "▀") {
				rows++
			}
		}
		if last > 0 && rows > last {
			t.Errorf("%d rows high: the picture grew to %d rows from %d", h, rows, last)
		}
		last = max(rows, 1)
		plain := ansi.Strip(view)
		if !strings.Contains(plain, "Evening") || !strings.Contains(plain, "The sun sets") {
			t.Errorf("%d rows high: the caption or alt text is off the screen:\n%s", h, plain)
		}
		if !strings.Contains(plain, "The last light of the day") || strings.Contains(plain, "more below") {
			t.Errorf("%d rows high: the picture pushed the page's words off the screen:\n%s", h, plain)
		}
		if h == 12 && rows > 0 {
			t.Errorf("12 rows high: a %d-row picture, want none", rows)
		}
	}
	// Every size down to 1×1, without a panic.
	for w := 1; w <= 41; w += 5 {
		for h := 1; h <= 21; h += 4 {
			m := turnTo(t, pictureModelWith(t, l, graphics.PicturesBlocks, w, h), "right")
			_ = m.View()
		}
	}
}

func TestNoPicturesWithoutColour(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeNoTTY, Pictures: graphics.PicturesBlocks, Loader: l})
	m = sized(t, m, 100, 34)
	m = turnTo(t, m, "right")
	if view := m.View().Content; strings.Contains(view, "▀") || strings.Contains(view, "\x1b[") {
		t.Errorf("notty drew a picture:\n%q", view)
	}
}

func TestSlowPictureNeverDelaysAPageTurn(t *testing.T) {
	hang := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-hang }))
	defer srv.Close()
	defer close(hang)
	base, _ := url.Parse(srv.URL + "/story.html")
	fetch := func(ctx context.Context, u string, limit int64) ([]byte, error) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		resp.Body.Close()
		return nil, nil
	}
	// A picture that takes an hour: a page turn that waited for it would
	// not return before the test's own timeout.
	l := picture.NewLoader(picture.Origin{Base: base, Fetch: fetch, Timeout: time.Hour}, 64, 64, 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l, Width: 100, Height: 34})
	m.renderBudget = time.Minute
	next, _ := m.Update(keyMsg("right"))
	if plain := ansi.Strip(next.(Model).View().Content); !strings.Contains(plain, "The sun sets over a calm sea") {
		t.Errorf("the turned page lacks its words while the picture loads:\n%s", plain)
	}
	// The same picture with a timeout says why it never came.
	l = picture.NewLoader(picture.Origin{Base: base, Fetch: fetch, Timeout: 200 * time.Millisecond}, 64, 64, 0)
	m = New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l, Width: 100, Height: 34})
	next, cmd := m.Update(keyMsg("right"))
	m, _ = settle(t, next.(Model), cmd)
	if plain := ansi.Strip(m.View().Content); !strings.Contains(plain, "▣ download timed out") {
		t.Errorf("no reason for the picture that never came:\n%s", plain)
	}
}

func TestKittyPictures(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(graphics.PicturesKitty), graphics.PicturePixels(graphics.PicturesKitty), 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesKitty, Loader: l})
	m.renderBudget, m.deadline, m.picDelay, m.placeDelay = time.Minute, time.Minute, 0, 0
	m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 100, Height: 34})
	m, raw := settle(t, next.(Model), cmd)
	// Page 1's picture is sent while the cover is read: it was prefetched
	// with the neighbours, so the turn to it finds it on the terminal.
	early := len(raw)
	next, cmd = m.Update(keyMsg("right"))
	m, more := settle(t, next.(Model), cmd)
	raw = append(raw, more...)
	view := m.View().Content
	// The picture is sent once, as PNG chunks, as a virtual placement
	// (U=1) whose id the placeholders carry as their colour.
	var id, cols, rows int
	if _, err := fmt.Sscanf(view[strings.Index(view, "\x1b[38;5;"):], "\x1b[38;5;%dm\U0010EEEE", &id); err != nil {
		t.Fatalf("no placeholder in the view: %v", err)
	}
	var sent string
	for _, r := range raw {
		if k := kittyKeys(r); k["a"] == "T" && k["U"] == "1" && k["f"] == "100" && k["i"] == strconv.Itoa(id) {
			sent = r
		}
	}
	if sent == "" {
		t.Fatalf("picture %d never sent; raw output %q", id, raw)
	}
	if !slices.Contains(raw[:early], sent) {
		t.Errorf("picture %d was sent only once its page was shown, not with the neighbours", id)
	}
	k := kittyKeys(sent)
	cols, _ = strconv.Atoi(k["c"])
	rows, _ = strconv.Atoi(k["r"])
	if cols < 1 || rows < 1 || k["q"] != "2" {
		t.Fatalf("transmission %q", sent[:60])
	}
	if id < 1 || id > encode.MaxKittyID || id == encode.KittyQueryID {
		t.Errorf("id %d", id)
	}
	_, payload, _ := strings.Cut(sent, ";")
	if !strings.HasSuffix(sent, "\x1b\\") || payload == "" {
		t.Errorf("transmission not terminated or empty: %q", sent[len(sent)-20:])
	}
	// Row r, column c: U+10EEEE, diacritic r, diacritic c, in the id's
	// colour.
	for r := range rows {
		var want strings.Builder
		want.WriteString(fmt.Sprintf("\x1b[38;5;%dm", id))
		for c := range cols {
			want.WriteRune(kitty.Placeholder)
			want.WriteRune(kitty.Diacritic(r))
			want.WriteRune(kitty.Diacritic(c))
		}
		if !strings.Contains(view, want.String()) {
			t.Fatalf("row %d of the placeholders is missing from the view", r)
		}
	}
	if strings.Contains(view, "▀") {
		t.Error("half blocks drawn in kitty mode")
	}
	// On exit the picture is deleted from the terminal's memory.
	if got, want := m.KittyCleanup(), encode.KittyDelete(id); !strings.Contains(got, want) {
		t.Errorf("KittyCleanup = %q, want it to hold %q", got, want)
	}
	// The same page again sends nothing new.
	next, cmd = m.Update(keyMsg("left"))
	m, _ = settle(t, next.(Model), cmd)
	next, cmd = m.Update(keyMsg("right"))
	_, raw = settle(t, next.(Model), cmd)
	for _, r := range raw {
		if k := kittyKeys(r); k["a"] == "T" && k["i"] == strconv.Itoa(id) {
			t.Error("the picture was sent twice")
		}
	}
}

// kittyKeys returns the keys of a kitty graphics sequence (APC G keys ;
// payload ST), in any order; none for another sequence.
func kittyKeys(seq string) map[string]string {
	head, ok := strings.CutPrefix(seq, "\x1b_G")
	if !ok {
		return nil
	}
	if i := strings.IndexAny(head, ";\x1b"); i >= 0 {
		head = head[:i]
	}
	keys := map[string]string{}
	for _, kv := range strings.Split(head, ",") {
		if k, v, ok := strings.Cut(kv, "="); ok {
			keys[k] = v
		}
	}
	return keys
}

func TestKittyDetection(t *testing.T) {
	yes := uv.KittyGraphicsEvent{Options: kitty.Options{ID: encode.KittyQueryID}, Payload: []byte("OK")}
	da := uv.PrimaryDeviceAttributesEvent{62, 4}
	tests := []struct {
		name  string
		msgs  []tea.Msg
		kitty bool
	}{
		{"kitty 0.35 answers", []tea.Msg{tea.TerminalVersionMsg{Name: "kitty(0.35.2)"}, yes, da}, true},
		// kitty 0.26 has no placeholders: its pictures are placed at
		// their cells, over half blocks.
		{"kitty 0.26 answers", []tea.Msg{tea.TerminalVersionMsg{Name: "kitty(0.26.5)"}, yes, da}, false},
		{"only the attributes", []tea.Msg{da}, false},
		{"an answer after the attributes", []tea.Msg{da, yes}, false},
		{"an error answer", []tea.Msg{uv.KittyGraphicsEvent{Options: kitty.Options{ID: encode.KittyQueryID}, Payload: []byte("ENOTSUPPORTED")}, da}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := pictureModel(t, graphics.PicturesAuto, 100, 34)
			// Auto mode asks for the attributes whose answer ends the
			// wait, which the terminal below sends.
			m, raw := settle(t, m, m.Init())
			if !strings.Contains(strings.Join(raw, ""), ansi.RequestPrimaryDeviceAttributes) {
				t.Fatalf("auto mode did not ask for the terminal's attributes: %q", raw)
			}
			m = send(m, tt.msgs...)
			m = turnTo(t, m, "right")
			view := m.View().Content
			if got := strings.ContainsRune(view, kitty.Placeholder); got != tt.kitty {
				t.Errorf("kitty placeholders drawn: %v, want %v", got, tt.kitty)
			}
			if !tt.kitty && !strings.Contains(view, "▀") {
				t.Error("no half blocks either")
			}
		})
	}
}

func TestInitQueries(t *testing.T) {
	// Auto mode asks for the terminal's name, its cell size, its text
	// area, its sixel geometry and its attributes, and about kitty
	// graphics only where placeholders may work; real pixels ask only
	// what sizes them; others ask nothing.
	sizes := requestCellSize + requestAreaSize
	tests := []struct {
		mode         graphics.PictureMode
		placeholders bool
		want         string
	}{
		{graphics.PicturesAuto, true, ansi.RequestNameVersion + sizes + kittyQuery + requestSixelGeometry + ansi.RequestPrimaryDeviceAttributes},
		{graphics.PicturesAuto, false, ansi.RequestNameVersion + sizes + requestSixelGeometry + ansi.RequestPrimaryDeviceAttributes},
		{graphics.PicturesBlocks, true, ""},
		// Which kitty: placeholders from 0.28, pictures placed before.
		{graphics.PicturesKitty, true, ansi.RequestNameVersion + sizes + ansi.RequestPrimaryDeviceAttributes},
		{graphics.PicturesITerm, false, sizes},
		{graphics.PicturesSixel, false, sizes + requestSixelGeometry + ansi.RequestPrimaryDeviceAttributes},
	}
	for _, tt := range tests {
		l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)
		m := pictureModelOpts(t, Options{Theme: page.ThemeDark, Pictures: tt.mode, Loader: l, KittyPlaceholders: tt.placeholders}, 100, 34)
		_, raw := settle(t, m, m.Init())
		got := ""
		for _, r := range raw {
			if kittyKeys(r)["a"] != "T" { // not a kitty picture sent
				got += r
			}
		}
		if got != tt.want {
			t.Errorf("mode %d, placeholders %v: wrote %q, want %q", tt.mode, tt.placeholders, got, tt.want)
		}
	}
}

func TestPrintDrawsPicturesOnlyInColour(t *testing.T) {
	s := loadStory(t, pictureDeck)
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)
	var styled, plain bytes.Buffer
	if err := Print(&styled, s, page.PrintOptions{Width: 80, Theme: page.ThemeDark, Pictures: l}); err != nil {
		t.Fatal(err)
	}
	if err := Print(&plain, s, page.PrintOptions{Width: 80, Theme: page.ThemeNoTTY, Pictures: l}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(styled.String(), "▀"); n < 200 {
		t.Errorf("styled print has %d half blocks, want the four pictures", n)
	}
	if strings.Contains(plain.String(), "▀") || strings.Contains(plain.String(), "\x1b") {
		t.Error("plain print carries a picture")
	}
	if !strings.Contains(plain.String(), "The sun sets over a calm sea") {
		t.Error("plain print lost the alt text")
	}
}

// writePNG writes a w×h PNG of one colour.
func writePNG(t *testing.T, path string, w, h int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	img.Set(0, 0, color.Black)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSeveralPicturesSideBySide(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a", "b"} {
		writePNG(t, filepath.Join(dir, n+".png"), 40, 30)
	}
	md := "# Two\n\n![first](a.png)\n\n![second](b.png)\n"
	path := filepath.Join(dir, "deck.md")
	if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := read.Parse([]byte(md), story.Options{Name: path})
	if err != nil {
		t.Fatal(err)
	}
	l := picture.NewLoader(picture.Origin{Dir: dir}, 64, 64, 0)
	m := New(s, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l})
	m.renderBudget, m.deadline, m.picDelay = time.Minute, time.Minute, 0
	m = sized(t, m, 100, 40)
	m = turnTo(t, m, "right")
	// Two panels in a row, as words-only panels are laid out at this
	// width: some line holds two runs of blocks.
	found := false
	for _, l := range strings.Split(ansi.Strip(m.View().Content), "\n") {
		if len(strings.FieldsFunc(l, func(r rune) bool { return r != '▀' })) == 2 {
			found = true
		}
	}
	if !found {
		t.Errorf("no row with two pictures side by side:\n%s", ansi.Strip(m.View().Content))
	}
}

func TestPagesPassedThroughLoadNoPictures(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l, Width: 100, Height: 34})
	// Three quick page turns: their commands run only after the last.
	var cmds []tea.Cmd
	for _, k := range keys("right right right") {
		next, cmd := m.Update(k)
		m = next.(Model)
		cmds = append(cmds, cmd)
	}
	m, _ = settle(t, m, tea.Batch(cmds...))
	if _, _, ok := l.Cached("img/sunset.png"); ok {
		t.Error("the picture of page 1, only passed through, was loaded")
	}
	for _, src := range []string{"img/mountains.jpg", "img/kite.gif", "img/flag.webp"} {
		if _, _, ok := l.Cached(src); !ok {
			t.Errorf("%s, on page 3 or beside it, was not loaded", src)
		}
	}
	if !strings.Contains(m.View().Content, "▀") {
		t.Error("no picture on the page turned to")
	}
}

// TestKittyThroughBubbleTea runs the reader in a Bubble Tea program, in
// kitty mode, and reads what the program writes to the terminal: the
// picture's transmission, and placeholders that Bubble Tea's renderer
// kept whole (each with its two diacritics) in the picture's colour.
func TestKittyThroughBubbleTea(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(graphics.PicturesKitty), graphics.PicturePixels(graphics.PicturesKitty), 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesKitty, Loader: l, Start: 1})
	m.picDelay = 0
	var out syncBuffer
	p := tea.NewProgram(m, tea.WithOutput(&out), tea.WithInput(nil), tea.WithWindowSize(100, 34),
		tea.WithEnvironment([]string{"TERM=xterm-kitty"}), tea.WithColorProfile(colorprofile.TrueColor))
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := p.Run(); err != nil {
			t.Error(err)
		}
	}()
	// placed reports whether a terminal showing got has drawn the
	// picture's last row whole: every column's placeholder with its row
	// and column marks. The renderer may reach that over several frames
	// and write a row in pieces, so the screen is what counts, not the
	// byte stream.
	placed := func(got string) (bool, error) {
		var cols, rows int
		for _, seq := range strings.SplitAfter(got, "\x1b\\") {
			if i := strings.Index(seq, "\x1b_G"); i >= 0 {
				if k := kittyKeys(seq[i:]); k["a"] == "T" && k["U"] == "1" {
					cols, _ = strconv.Atoi(k["c"])
					rows, _ = strconv.Atoi(k["r"])
				}
			}
		}
		if cols < 1 || rows < 1 {
			return false, nil
		}
		emu := vt.NewEmulator(100, 34)
		// Not the questions --pictures kitty asks (which kitty?): the
		// emulator would answer them into a pipe nobody reads.
		got = strings.NewReplacer(ansi.RequestNameVersion, "", requestCellSize, "", ansi.RequestPrimaryDeviceAttributes, "").Replace(got)
		_, _ = emu.Write([]byte(got))
		want := map[string]bool{}
		for c := range cols {
			want[string([]rune{kitty.Placeholder, kitty.Diacritic(rows - 1), kitty.Diacritic(c)})] = true
		}
		for y := range 34 {
			for x := range 100 {
				if cell := emu.CellAt(x, y); cell != nil && want[cell.Content] {
					delete(want, cell.Content)
				}
			}
		}
		return len(want) == 0, nil
	}
	// Until the last row has been drawn whole, or 10 s.
	ok, err := false, error(nil)
	for start := time.Now(); time.Since(start) < 10*time.Second && !ok && err == nil; time.Sleep(20 * time.Millisecond) {
		ok, err = placed(out.String())
	}
	p.Quit()
	<-done
	switch {
	case err != nil:
		t.Fatal(err)
	case !ok:
		t.Errorf("the picture's last row of placeholders never stood whole on the screen (%d bytes of output)", len(out.String()))
	}
}

// syncBuffer is a bytes.Buffer safe to read while a program writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestKittyInsideTmuxPassesThrough(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesKitty, Loader: l, Tmux: true})
	m.renderBudget, m.deadline, m.picDelay = time.Minute, time.Minute, 0
	m = sized(t, m, 100, 34)
	next, cmd := m.Update(keyMsg("right"))
	m, raw := settle(t, next.(Model), cmd)
	if len(raw) == 0 {
		t.Fatal("nothing sent")
	}
	for _, r := range raw {
		// Every sequence wrapped whole, its ESCs doubled.
		if !strings.HasPrefix(r, "\x1bPtmux;\x1b\x1b_G") || !strings.HasSuffix(r, "\x1b\x1b\\\x1b\\") {
			t.Errorf("not passed through tmux: %q…", r[:min(len(r), 40)])
		}
		if n, m := strings.Count(r, "\x1bPtmux;"), strings.Count(r, "\x1b\x1b_G"); n != m {
			t.Errorf("%d passthroughs for %d sequences", n, m)
		}
	}
	if c := m.KittyCleanup(); !strings.HasPrefix(c, "\x1bPtmux;\x1b\x1b_G") || !strings.Contains(c, "a=d") || !strings.Contains(c, "d=I") {
		t.Errorf("cleanup not passed through: %q", c)
	}
}

func TestReasonShownOnASmallScreen(t *testing.T) {
	// 16 rows leave no room for a picture, but the reason still fits on
	// the panel's mark line.
	m := turnTo(t, pictureModel(t, graphics.PicturesBlocks, 100, 16), "5 enter")
	if plain := ansi.Strip(m.View().Content); !strings.Contains(plain, "▣ damaged picture") {
		t.Errorf("no reason on a small screen:\n%s", plain)
	}
}

// A picture on a page of few words is drawn as large as the screen allows,
// not held to a third of it, and never pushes the page past the screen.
func TestPictureFillsAPageOfFewWords(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {100, 40}, {60, 20}, {120, 50}} {
		w, h := size[0], size[1]
		m := turnTo(t, pictureModel(t, graphics.PicturesBlocks, w, h), "right")
		plain := ansi.Strip(m.View().Content)
		lines := strings.Split(plain, "\n")
		if strings.Contains(plain, "more below") || !strings.Contains(plain, "The last light of the day") {
			t.Errorf("%d×%d: the page no longer fits the screen:\n%s", w, h, plain)
			continue
		}
		last := 0 // the last line with words, the status bar aside
		for i, l := range lines[:len(lines)-1] {
			if strings.TrimSpace(l) != "" {
				last = i
			}
		}
		inner, widest := 0, 0 // the panel's inner width; the picture's
		for _, l := range lines {
			if strings.Contains(l, "╭") {
				inner = ansi.StringWidth(strings.TrimSpace(l)) - 2
			}
			widest = max(widest, strings.Count(l, "▀"))
		}
		if widest >= inner-2 {
			continue // as wide as its panel: the width holds it back
		}
		if free := len(lines) - 2 - last; free > 3 {
			t.Errorf("%d×%d: %d rows left empty under a page whose picture could fill them:\n%s", w, h, free, plain)
		}
	}
}

func TestArrivingPictureIsDrawnInTheBackground(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(graphics.PicturesBlocks), graphics.PicturePixels(graphics.PicturesBlocks), 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l, Width: 100, Height: 34})
	m.renderBudget, m.deadline = time.Minute, time.Minute
	m = send(m, keyMsg("right")) // no command run: nothing loaded
	src := m.story.Section(0).Pictures[0].Source
	if _, err := l.Load(t.Context(), src); err != nil {
		t.Fatal(err)
	}
	next, cmd := m.Update(pictureMsg{src: src})
	m = next.(Model)
	if strings.Contains(m.View().Content, "▀") {
		t.Fatal("Update drew the arriving picture itself: a key pressed meanwhile waited for it")
	}
	if !strings.Contains(ansi.Strip(m.View().Content), "The sun sets over a calm sea") {
		t.Errorf("the page lost its alt text while its picture is drawn:\n%s", ansi.Strip(m.View().Content))
	}
	m, _ = settle(t, m, cmd)
	if n := strings.Count(m.View().Content, "▀"); n < 100 {
		t.Errorf("%d half blocks once drawn, want the picture:\n%s", n, ansi.Strip(m.View().Content))
	}
}

func TestHalfBlockPicturesKeptNoLargerThanNeeded(t *testing.T) {
	// Half blocks draw a pixel a column, within the reading width: a
	// picture kept at more than twice that is memory spent for nothing,
	// a hundred times over in a deck of a hundred pictures; kept at less,
	// the widest panel would draw it blurred.
	kept := graphics.PicturePixels(graphics.PicturesBlocks)
	if kept > 2*page.MaxReadingWidth {
		t.Errorf("pictures kept %d pixels across for half blocks: more than twice the %d-column reading width", kept, page.MaxReadingWidth)
	}
	// The widest panel draws a landscape photograph from no fewer pixels
	// than it has columns.
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, kept, kept, 0)
	m := turnTo(t, pictureModelWith(t, l, graphics.PicturesBlocks, 200, 60), "2 enter") // the ridge, a JPEG
	img, err, ok := l.Cached(m.story.Section(1).Pictures[0].Source)
	if !ok || err != nil {
		t.Fatalf("the picture did not load: %v", err)
	}
	drawn := 0
	for _, line := range strings.Split(m.View().Content, "\n") {
		drawn = max(drawn, strings.Count(line, "▀"))
	}
	if w := img.Bounds().Dx(); drawn < 20 || w < drawn {
		t.Errorf("a picture drawn %d columns wide from %d pixels", drawn, w)
	}
}

// TestPassedPagesLoadsAreCancelled checks that the downloads of a page
// the reader has paged away from are cancelled, and those of the page
// shown are not.
func TestPassedPagesLoadsAreCancelled(t *testing.T) {
	cancelled := make(chan string, 8)
	fetch := func(ctx context.Context, raw string, _ int64) ([]byte, error) {
		<-ctx.Done() // a server that never answers
		cancelled <- raw
		return nil, ctx.Err()
	}
	base, _ := url.Parse("https://example.com/story/deck.html")
	l := picture.NewLoader(picture.Origin{Base: base, Fetch: fetch}, 64, 64, 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l, Width: 100, Height: 34})
	m.picDelay = 0
	start := func(cmd tea.Cmd) {
		var run func(tea.Cmd)
		run = func(c tea.Cmd) {
			if c == nil {
				return
			}
			go func() {
				if batch, ok := c().(tea.BatchMsg); ok {
					for _, c := range batch {
						run(c)
					}
				}
			}()
		}
		run(cmd)
	}
	// On the cover, its neighbour's picture (the sunset) starts to load.
	next, cmd := m.Update(pictureDueMsg{page: 0})
	m = next.(Model)
	start(cmd)
	for range 4 {
		next, _ = m.Update(keyMsg("right"))
		m = next.(Model)
	}
	next, cmd = m.Update(pictureDueMsg{page: m.pos.page})
	m = next.(Model)
	start(cmd) // the pictures near the page now shown
	select {
	case raw := <-cancelled:
		if !strings.HasSuffix(raw, "img/sunset.png") {
			t.Errorf("cancelled %s, want the sunset of the page passed", raw)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the load of a page passed was not cancelled")
	}
	if len(m.picLoads) == 0 || m.picLoads[1] != nil {
		t.Errorf("loads under way for pages %v: want the pages near %d only", m.picLoads, m.pos.page)
	}
	for i := range m.picLoads {
		m.picLoads[i]() // end the test's hanging downloads
	}
}

// TestNoHalfBlocksUnderNoColour: with NO_COLOR the command layer asks for
// no half blocks; the panels keep their words, and real pixels are still
// drawn where the terminal has them.
func TestNoHalfBlocksUnderNoColour(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)
	m := pictureModelOpts(t, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l, NoHalfBlocks: true}, 100, 34)
	m = turnTo(t, m, "right")
	if view := m.View().Content; strings.Contains(view, "▀") || !strings.Contains(ansi.Strip(view), "img/") {
		t.Errorf("half blocks drawn under NO_COLOR, or the panel lost its words:\n%s", ansi.Strip(view))
	}
	l2 := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 640, 640, 0)
	m = pictureModelOpts(t, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesSixel, Loader: l2, NoHalfBlocks: true}, 100, 34)
	m = send(m, uv.CellSizeEvent{Width: 9, Height: 18})
	m = turnTo(t, m, "right")
	if m.art.DrawMode() != graphics.PicturesSixel || len(m.placements()) == 0 {
		t.Errorf("no sixel picture placed under NO_COLOR (mode %d)", m.art.DrawMode())
	}
}
