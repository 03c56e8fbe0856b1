package serve

import (
	"sync"

	"charm.land/ssh"
)

// window is one session's window as its client last described it: in
// its pty request, then in each window change.
type window struct {
	mu sync.Mutex
	w  ssh.Window
}

func newWindow(w ssh.Window) *window { return &window{w: w} }

func (w *window) set(win ssh.Window) {
	w.mu.Lock()
	w.w = win
	w.mu.Unlock()
}

// pixels is the window in cells and in pixels, as TIOCGWINSZ gives a
// local tty's (ui.Options.WindowPixels): OpenSSH's client sends its own
// tty's, which xterm, kitty, foot and WezTerm fill. Pixels are zero where
// the client left them so, or sent what golang.org/x/crypto/ssh's
// clients send whatever the terminal: 8 pixels a cell each way. They are
// zero too where a cell would be over maxCellX×maxCellY: no terminal's is,
// and pictures are encoded at the cell's size, in the shared server.
// (A cell typed in as an answer to reel's CSI 16 t is capped where
// pictures are encoded: ui/graphics's EncodePixels.)
func (w *window) pixels() (cols, rows, xpx, ypx int) {
	w.mu.Lock()
	win := w.w
	w.mu.Unlock()
	cols, rows, xpx, ypx = win.Width, win.Height, win.WidthPixels, win.HeightPixels
	if xpx == 8*cols && ypx == 8*rows {
		xpx, ypx = 0, 0
	}
	if xpx > maxCellX*cols || ypx > maxCellY*rows {
		xpx, ypx = 0, 0
	}
	return cols, rows, xpx, ypx
}

// maxCellX, maxCellY are the largest cell, in pixels, a client's window
// may say it has: 64×128 is a very large font on a high-density screen
// (a 40-point one at twice the pixels); no one reads a story in larger.
const maxCellX, maxCellY = 64, 128
