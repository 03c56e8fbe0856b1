package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// clearMark stands in settle's raw output for a full repaint asked for
// (tea.ClearScreen).
const clearMark = "<clear screen>"

func isClearScreen(msg tea.Msg) bool {
	return fmt.Sprintf("%T", msg) == fmt.Sprintf("%T", tea.ClearScreen())
}

// pixelModel is a reader of the picture deck at w×h drawing pictures in
// mode (iTerm2 or sixel), whose terminal has said its cells are 10×20
// pixels, turned to page pageNo.
func pixelModel(t *testing.T, mode graphics.PictureMode, w, h, pageNo int) Model {
	t.Helper()
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(mode), graphics.PicturePixels(mode), 0)
	m := pictureModelOpts(t, Options{Theme: page.ThemeDark, Pictures: mode, Loader: l}, w, h)
	next, cmd := m.Update(uv.CellSizeEvent{Width: 10, Height: 20})
	m, _ = settle(t, next.(Model), cmd)
	for range pageNo {
		m = turnTo(t, m, "right")
	}
	return m
}

// published returns the pictures the screen layer draws after a repaint.
func published(m Model) []graphics.ScreenPicture {
	return m.screen.Pictures()
}

// halfBlockBox finds the half blocks of the frame's picture: the cell of
// their top left corner, and how many columns and rows they fill.
func halfBlockBox(t *testing.T, view string) (x, y, cols, rows int) {
	t.Helper()
	y = -1
	for i, l := range strings.Split(ansi.Strip(view), "\n") {
		at := strings.IndexAny(l, "▀▄")
		if at < 0 {
			continue
		}
		if y < 0 {
			y, x = i, ansi.StringWidth(l[:at])
		}
		rows++
		cols = max(cols, ansi.StringWidth(strings.TrimRight(l[at:], " │╯╰─")))
	}
	if y < 0 {
		t.Fatalf("no half blocks on the page:\n%s", ansi.Strip(view))
	}
	return x, y, cols, rows
}

func TestRealPixelsPlacedOverTheirHalfBlocks(t *testing.T) {
	for _, mode := range []graphics.PictureMode{graphics.PicturesSixel, graphics.PicturesITerm} {
		t.Run(fmt.Sprint(mode), func(t *testing.T) {
			m := pixelModel(t, mode, 100, 34, 1)
			pics := published(m)
			if len(pics) != 1 {
				t.Fatalf("%d pictures published, want the page's one", len(pics))
			}
			x, y, cols, rows := halfBlockBox(t, m.View().Content)
			if pics[0].X != x || pics[0].Y != y {
				t.Errorf("picture at cell %d,%d; its half blocks start at %d,%d", pics[0].X, pics[0].Y, x, y)
			}
			seq := pics[0].Seq
			switch mode {
			case graphics.PicturesSixel:
				m := regexp.MustCompile(`^\x1bP0;1q"1;1;(\d+);(\d+)`).FindStringSubmatch(seq)
				if m == nil || !strings.HasSuffix(seq, "\x1b\\") {
					t.Fatalf("not a sixel sequence: %.40q", seq)
				}
				if w, _ := strconv.Atoi(m[1]); w != cols*10 {
					t.Errorf("sixel %s pixels wide, want %d columns of 10", m[1], cols)
				}
				if h, _ := strconv.Atoi(m[2]); h != rows*20 {
					t.Errorf("sixel %s pixels high, want %d rows of 20", m[2], rows)
				}
			case graphics.PicturesITerm:
				want := fmt.Sprintf(";width=%d;height=%d;inline=1:", cols, rows)
				if !strings.HasPrefix(seq, "\x1b]1337;File=") || !strings.Contains(seq, want) {
					t.Errorf("iTerm2 sequence %.60q, want the box %s", seq, want)
				}
			}
			// The layer writes it after a full repaint, at those cells, the
			// cursor kept, inside the frame's synchronized update.
			frame := []byte(ansi.SetModeSynchronizedOutput + "\x1b[H\x1b[2Jpage" + ansi.ResetModeSynchronizedOutput)
			got := string(m.screen.Frame(frame))
			want := ansi.SetModeSynchronizedOutput + "\x1b[H\x1b[2Jpage" + "\x1b7" + fmt.Sprintf("\x1b[%d;%dH", y+1, x+1) + seq + "\x1b8" + ansi.ResetModeSynchronizedOutput
			if got != want {
				t.Errorf("frame written as %.120q…", got)
			}
			// A frame that only changes some cells leaves them alone.
			if got := string(m.screen.Frame([]byte("\x1b[5;1Hstatus"))); got != "\x1b[5;1Hstatus" {
				t.Errorf("a partial frame became %.80q", got)
			}
		})
	}
}

// press sends one key, and returns the model before its commands run, and
// those commands.
func press(t *testing.T, m Model, k string) (Model, tea.Cmd) {
	t.Helper()
	next, cmd := m.Update(keyMsg(k))
	return next.(Model), cmd
}

func TestPageTurnErasesPicturesAndDrawsTheNext(t *testing.T) {
	m := pixelModel(t, graphics.PicturesSixel, 100, 34, 1)
	first := published(m)
	if len(first) != 1 {
		t.Fatalf("%d pictures on page 1", len(first))
	}
	// The turn withdraws the picture before the new frame is drawn, and
	// asks for a repaint, which erases it from the terminal.
	m, cmd := press(t, m, "right")
	// Page 2's picture was encoded with the neighbours while page 1 was
	// read: it goes out with the frame of the turn, page 1's never.
	if got := published(m); len(got) != 1 || got[0].Seq == first[0].Seq {
		t.Fatalf("after the turn %d pictures published, page 1's or none: prefetched, page 2's goes with the turn", len(got))
	}
	m, raw := settle(t, m, cmd)
	if !slices.Contains(raw, clearMark) {
		t.Error("no repaint asked for: the old picture would stay on screen")
	}
	// Page 2's picture is published once its frame is the renderer's.
	second := published(m)
	if len(second) != 1 || second[0].Seq == first[0].Seq {
		t.Fatalf("page 2 publishes %d pictures, or page 1's again", len(second))
	}
	x, y, _, _ := halfBlockBox(t, m.View().Content)
	if second[0].X != x || second[0].Y != y {
		t.Errorf("page 2's picture at %d,%d, its half blocks at %d,%d", second[0].X, second[0].Y, x, y)
	}
}

func TestOverlaysErasePicturesAndDrawNoneUnderThem(t *testing.T) {
	for _, k := range []string{"?", "t", "i"} {
		t.Run(k, func(t *testing.T) {
			// A picture on screen: the overlay withdraws it and repaints.
			m := pixelModel(t, graphics.PicturesITerm, 100, 34, 1)
			if len(published(m)) != 1 {
				t.Fatal("no picture on page 1")
			}
			m, open := press(t, m, k)
			if got := published(m); len(got) != 0 {
				t.Fatalf("%d pictures still published as the overlay opens", len(got))
			}
			m, raw := settle(t, m, open)
			if !slices.Contains(raw, clearMark) {
				t.Error("the overlay asked for no repaint: the picture would stay over it")
			}
			if got := published(m); len(got) != 0 {
				t.Fatalf("%d pictures published under the overlay", len(got))
			}
			// Closed, the page's picture comes back.
			m, closeCmd := press(t, m, "esc")
			m, _ = settle(t, m, closeCmd)
			if got := published(m); len(got) != 1 {
				t.Errorf("%d pictures once the overlay closed, want 1", len(got))
			}

			// A page turn's publication still on its way when the overlay
			// opens must not draw under it. (It waits when the pictures
			// changed a moment before: a reader turning pages quickly.)
			m.placeChanged = time.Now().Add(time.Hour)
			m, turn := press(t, m, "right")
			var late []tea.Msg
			m = settleExcept(t, m, turn, func(msg tea.Msg) bool {
				if _, ok := msg.(placeMsg); ok {
					late = append(late, msg)
					return true
				}
				return false
			})
			if len(late) == 0 {
				t.Fatal("the page turn published nothing")
			}
			m, open = press(t, m, k)
			m, _ = settle(t, m, open)
			for _, msg := range late {
				next, cmd := m.Update(msg)
				m, _ = settle(t, next.(Model), cmd)
			}
			if got := published(m); len(got) != 0 {
				t.Errorf("a late publication drew %d pictures under the overlay", len(got))
			}
		})
	}
}

// settleExcept is settle, but hands the messages hold picks to it instead
// of to the model.
func settleExcept(t *testing.T, m Model, cmd tea.Cmd, hold func(tea.Msg) bool) Model {
	t.Helper()
	m, _ = settleHolding(t, m, cmd, hold)
	return m
}

func TestPartlyScrolledOffPictureIsNotDrawn(t *testing.T) {
	// A page whose picture stands below a long text, in a low window:
	// scrolling brings it in from below and takes it out above.
	dir := t.TempDir()
	png, err := os.ReadFile("../testdata/pictures/img/sunset.png")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sunset.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	var md strings.Builder
	md.WriteString("# Tall\n\n")
	for i := range 30 {
		fmt.Fprintf(&md, "Line %d of the text above the picture.\n\n", i)
	}
	md.WriteString("![A sunset](sunset.png)\n\n")
	for i := range 30 {
		fmt.Fprintf(&md, "Line %d of the text below it.\n\n", i)
	}
	deck := filepath.Join(dir, "tall.md")
	if err := os.WriteFile(deck, []byte(md.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	l := picture.NewLoader(picture.Origin{Dir: dir}, graphics.PicturePixels(graphics.PicturesKitty), graphics.PicturePixels(graphics.PicturesKitty), 0)
	m := New(loadStory(t, deck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesSixel, Loader: l, Start: 1})
	m.renderBudget, m.deadline, m.picDelay, m.placeDelay = time.Minute, time.Minute, 0, 0
	m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	m = sized(t, m, 80, 24)
	next, cmd := m.Update(uv.CellSizeEvent{Width: 8, Height: 16})
	m, _ = settle(t, next.(Model), cmd)

	body := m.bodyHeight()
	var whole, partial, drawn int
	for range 120 {
		m = turnTo(t, m, "down")
		view := m.View().Content
		pics := published(m)
		if len(m.cur.pictures) != 1 {
			t.Fatalf("%d pictures marked on the page", len(m.cur.pictures))
		}
		full := m.cur.pictures[0].Key.Rows
		rows := 0
		top := -1
		for i, l := range strings.Split(ansi.Strip(view), "\n")[:body] {
			if strings.ContainsAny(l, "▀▄") {
				rows++
				if top < 0 {
					top = i
				}
			}
		}
		switch {
		case rows == full:
			whole++
		case rows > 0:
			partial++
		}
		if len(pics) > 0 {
			drawn++
			if rows != full || pics[0].Y != top {
				t.Fatalf("drawn at row %d while %d of its %d rows show from row %d:\n%s", pics[0].Y, rows, full, top, ansi.Strip(view))
			}
			if pics[0].Y+full > body {
				t.Fatalf("drawn at row %d, %d rows, over the status bar (body %d rows)", pics[0].Y, full, body)
			}
		} else if rows == full {
			t.Fatalf("the picture shows whole from row %d but is not drawn:\n%s", top, ansi.Strip(view))
		}
	}
	if whole == 0 || partial == 0 || drawn == 0 {
		t.Errorf("scrolling showed the picture whole %d times, in part %d, drawn %d: the test saw too little", whole, partial, drawn)
	}
}

func TestToggleAndResizeMovePictures(t *testing.T) {
	m := pixelModel(t, graphics.PicturesSixel, 100, 34, 1)
	if len(published(m)) != 1 {
		t.Fatal("no picture on page 1")
	}
	// p: off withdraws and repaints, on brings the picture back.
	m, cmd := press(t, m, "p")
	if len(published(m)) != 0 {
		t.Fatal("pictures turned off, one still published")
	}
	m, raw := settle(t, m, cmd)
	if !slices.Contains(raw, clearMark) || len(published(m)) != 0 {
		t.Errorf("off: repaint asked %v, %d published", slices.Contains(raw, clearMark), len(published(m)))
	}
	m, cmd = press(t, m, "p")
	m, _ = settle(t, m, cmd)
	if len(published(m)) != 1 {
		t.Fatalf("pictures back on: %d published", len(published(m)))
	}
	// A new size moves the panel: the picture is withdrawn with the old
	// frame and published where the new one has its half blocks.
	old := published(m)[0]
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 70, Height: 30})
	m = next.(Model)
	for _, p := range published(m) {
		if p == old {
			t.Fatal("the old size's picture still published where it was after the resize")
		}
	}
	m, raw = settle(t, m, cmd)
	if !strings.Contains(strings.Join(raw, ""), requestCellSize) {
		t.Error("a resize did not ask the cell size again (a new font size changes it)")
	}
	pics := published(m)
	if len(pics) != 1 || pics[0].X == old.X && pics[0].Y == old.Y {
		t.Fatalf("after the resize: %d published, at %v (was at %d,%d)", len(pics), pics, old.X, old.Y)
	}
	x, y, _, _ := halfBlockBox(t, m.View().Content)
	if pics[0].X != x || pics[0].Y != y {
		t.Errorf("picture at %d,%d, its half blocks at %d,%d", pics[0].X, pics[0].Y, x, y)
	}
	// Too small a window for a picture: none.
	m = sized(t, m, 30, 10)
	if len(published(m)) != 0 {
		t.Errorf("%d pictures published in a 30×10 window", len(published(m)))
	}
}

// TestPicturesWaitOnlyWhenPagesTurnQuickly: a page turned to after a
// pause has its prefetched picture drawn with the frame of the turn; one
// turned to a moment after the last change waits placeDelay, so that a
// reader paging quickly is not sent a picture for every page.
func TestPicturesWaitOnlyWhenPagesTurnQuickly(t *testing.T) {
	m := pixelModel(t, graphics.PicturesSixel, 100, 34, 2)
	m.placeDelay = time.Hour
	m.placeChanged = time.Now().Add(-2 * time.Hour)
	m, _ = press(t, m, "left")
	if got := published(m); len(got) == 0 {
		t.Fatal("after a pause, the turn's prefetched picture waited")
	}
	m, cmd := press(t, m, "right")
	if got := published(m); len(got) != 0 {
		t.Fatalf("a turn right after another published %d pictures at once", len(got))
	}
	if cmd == nil {
		t.Fatal("the quick turn's pictures are never placed")
	}
}
