package ui

import "github.com/charmbracelet/x/ansi"

// PushTitle and PopTitle keep the terminal's window title across a run:
// reel sets its own, and Bubble Tea blanks it on the way out. Write
// PushTitle before the program starts and PopTitle after it ends, on
// every way out. They are xterm's window operations 22 and 23 ("save" and
// "restore" the icon and window title, parameter 0); terminals without a
// title stack ignore them.
var (
	PushTitle = ansi.WindowOp(22, 0)
	PopTitle  = ansi.WindowOp(23, 0)
)
