package cli

import "os"

// stdinHoldsStory tells whether the reader and the export, given no story,
// read one from standard input (not a terminal): a pipe, a file or a
// socket may hold one. A device (/dev/null, which scripts, cron and IDE
// runners give) or a closed standard input holds none: the bundled
// sample then, as on a terminal.
func stdinHoldsStory(stdin *os.File) bool {
	fi, ok := stdinInfo(stdin)
	return ok && fi.Mode()&(os.ModeDevice|os.ModeCharDevice) == 0
}

// storyOnStdin tells whether reel serve, given no story, reads one from
// standard input: more strictly than the reader, only from a pipe or a
// regular file with something in it. A terminal, /dev/null (a service
// manager's usual standard input), a socket or a closed standard input
// mean the bundled sample: a server started by a service manager has no
// one to give it a story there.
func storyOnStdin(stdin *os.File) bool {
	fi, ok := stdinInfo(stdin)
	if !ok {
		return false
	}
	mode := fi.Mode()
	return mode&os.ModeNamedPipe != 0 || (mode.IsRegular() && fi.Size() > 0)
}

// stdinInfo is what standard input is, if it is open.
func stdinInfo(stdin *os.File) (os.FileInfo, bool) {
	if stdin == nil {
		return nil, false
	}
	fi, err := stdin.Stat()
	return fi, err == nil
}
