package cli

import "os"

// stdinHoldsStory tells whether the reader and the export, given no story,
// read one from standard input (not a terminal): a pipe, a file or a
// socket may hold one. A device (/dev/null, which scripts, cron and IDE
// runners give) or a closed standard input holds none: the bundled
// sample then, as on a terminal.
func stdinHoldsStory(stdin *os.File) bool {
	if stdin == nil {
		return false
	}
	fi, err := stdin.Stat()
	if err != nil {
		return false
	}
	return fi.Mode()&(os.ModeDevice|os.ModeCharDevice) == 0
}
