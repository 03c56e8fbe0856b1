package ui

// The wheel without the mouse: reel reports no mouse by default, so that a
// reader can select a caption or an address with the terminal's own
// selection. In the alternate screen, alternate-scroll mode (DECSET 1007)
// has the terminal send the wheel as up and down keys, which scroll the
// page; terminals without the mode ignore it. The command sets it before
// the program starts and resets it after, whichever way the reader ended.
const (
	AltScrollOn  = "\x1b[?1007h"
	AltScrollOff = "\x1b[?1007l"
)
