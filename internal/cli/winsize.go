//go:build unix

package cli

import (
	"os"

	"golang.org/x/sys/unix"
)

// windowPixels returns a function that reads the size of the terminal on
// f in cells and in pixels (TIOCGWINSZ; pixels zero where the terminal
// does not fill them), for the reader to learn the size of a cell without
// asking the terminal: xterm refuses CSI 16 t unless allowWindowOps is on,
// but fills these fields, as kitty, foot, WezTerm and tmux do.
func windowPixels(f *os.File) func() (cols, rows, xpx, ypx int) {
	return func() (cols, rows, xpx, ypx int) {
		ws, err := unix.IoctlGetWinsize(int(f.Fd()), unix.TIOCGWINSZ)
		if err != nil {
			return 0, 0, 0, 0
		}
		return int(ws.Col), int(ws.Row), int(ws.Xpixel), int(ws.Ypixel)
	}
}
