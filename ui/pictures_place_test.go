package ui

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
)

// clearMark stands in settle's raw output for a full repaint asked for
// (tea.ClearScreen).
const clearMark = "<clear screen>"

func isClearScreen(msg tea.Msg) bool {
	return fmt.Sprintf("%T", msg) == fmt.Sprintf("%T", tea.ClearScreen())
}

// pixelModel is a reader of the picture deck at w×h drawing pictures in
// mode (iTerm2 or sixel), whose terminal has said its cells are 10×20
// pixels, turned to page.
func pixelModel(t *testing.T, mode PictureMode, w, h, page int) Model {
	t.Helper()
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, PicturePixels(mode), PicturePixels(mode), 0)
	m := pictureModelOpts(t, Options{Theme: ThemeDark, Pictures: mode, Loader: l}, w, h)
	next, cmd := m.Update(uv.CellSizeEvent{Width: 10, Height: 20})
	m, _ = settle(t, next.(Model), cmd)
	for range page {
		m = turnTo(t, m, "right")
	}
	return m
}

// published returns the pictures the screen layer draws after a repaint.
func published(m Model) []screenPicture {
	m.screen.mu.Lock()
	defer m.screen.mu.Unlock()
	return m.screen.pictures
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
	for _, mode := range []PictureMode{PicturesSixel, PicturesITerm} {
		t.Run(fmt.Sprint(mode), func(t *testing.T) {
			m := pixelModel(t, mode, 100, 34, 1)
			pics := published(m)
			if len(pics) != 1 {
				t.Fatalf("%d pictures published, want the page's one", len(pics))
			}
			x, y, cols, rows := halfBlockBox(t, m.View().Content)
			if pics[0].x != x || pics[0].y != y {
				t.Errorf("picture at cell %d,%d; its half blocks start at %d,%d", pics[0].x, pics[0].y, x, y)
			}
			seq := pics[0].seq
			switch mode {
			case PicturesSixel:
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
			case PicturesITerm:
				want := fmt.Sprintf(";width=%d;height=%d;inline=1:", cols, rows)
				if !strings.HasPrefix(seq, "\x1b]1337;File=") || !strings.Contains(seq, want) {
					t.Errorf("iTerm2 sequence %.60q, want the box %s", seq, want)
				}
			}
			// The layer writes it after a full repaint, at those cells, the
			// cursor kept, inside the frame's synchronized update.
			frame := []byte(ansi.SetModeSynchronizedOutput + "\x1b[H\x1b[2Jpage" + ansi.ResetModeSynchronizedOutput)
			got := string(m.screen.frame(frame))
			want := ansi.SetModeSynchronizedOutput + "\x1b[H\x1b[2Jpage" + "\x1b7" + fmt.Sprintf("\x1b[%d;%dH", y+1, x+1) + seq + "\x1b8" + ansi.ResetModeSynchronizedOutput
			if got != want {
				t.Errorf("frame written as %.120q…", got)
			}
			// A frame that only changes some cells leaves them alone.
			if got := string(m.screen.frame([]byte("\x1b[5;1Hstatus"))); got != "\x1b[5;1Hstatus" {
				t.Errorf("a partial frame became %.80q", got)
			}
		})
	}
}
