package realterm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// Answers is what a terminal said to the questions reel may ask about
// pictures, and the size its tty reports.
type Answers struct {
	// Winsize is TIOCGWINSZ: rows, columns and (when the terminal fills
	// them) the text area's size in pixels.
	Rows, Cols, XPixel, YPixel int
	// Each answer as the terminal sent it (escape as \x1b), or "" when
	// none came before the primary device attributes that follow each
	// question.
	DA1, XTVersion, Cell16t, Area14t, Chars18t, SixelGeometry, ColorRegisters, Kitty string
	// The same questions wrapped for tmux to pass to the terminal outside
	// (tmux's DCS passthrough): answered only when tmux allows it and
	// hands the answer back.
	TmuxKitty, TmuxXTVersion, TmuxDA1 string
	// Env is what the terminal set in the environment.
	Env map[string]string
}

// queries are the questions Probe asks, one at a time, each followed by
// DA1, which every terminal answers: the answer to the question, if any,
// comes before it.
var queries = []struct {
	name, seq string
}{
	{"XTVersion", "\x1b[>0q"},
	{"Cell16t", "\x1b[16t"},
	{"Area14t", "\x1b[14t"},
	{"Chars18t", "\x1b[18t"},
	{"SixelGeometry", "\x1b[?2;1;0S"},
	{"ColorRegisters", "\x1b[?1;1;0S"},
	{"Kitty", "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\"},
	{"TmuxKitty", tmuxWrap("\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\")},
	{"TmuxXTVersion", tmuxWrap("\x1b[>0q")},
	{"TmuxDA1", tmuxWrap("\x1b[c")},
}

// tmuxWrap wraps seq in tmux's passthrough: DCS tmux; seq with each ESC
// doubled ST.
func tmuxWrap(seq string) string {
	return "\x1bPtmux;" + strings.ReplaceAll(seq, "\x1b", "\x1b\x1b") + "\x1b\\"
}

// Probe asks the terminal on tty what it can do and returns its answers.
func Probe(tty *os.File) (Answers, error) {
	var a Answers
	fd := int(tty.Fd())
	ws, err := unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ)
	if err != nil {
		return a, fmt.Errorf("TIOCGWINSZ: %w", err)
	}
	a.Rows, a.Cols, a.XPixel, a.YPixel = int(ws.Row), int(ws.Col), int(ws.Xpixel), int(ws.Ypixel)
	old, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return a, fmt.Errorf("termios: %w", err)
	}
	raw := *old
	raw.Lflag &^= unix.ICANON | unix.ECHO | unix.ISIG
	raw.Iflag &^= unix.ICRNL | unix.IXON
	raw.Cc[unix.VMIN], raw.Cc[unix.VTIME] = 0, 1 // reads return after 0.1 s
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, &raw); err != nil {
		return a, fmt.Errorf("raw mode: %w", err)
	}
	defer func() { _ = unix.IoctlSetTermios(fd, unix.TCSETS, old) }()
	da1, err := ask(tty, "\x1b[c")
	if err != nil {
		return a, err
	}
	a.DA1 = da1
	found := map[string]string{}
	for _, q := range queries {
		if strings.HasPrefix(q.name, "Tmux") {
			// An answer from outside tmux takes longer than tmux's own
			// answer to the attributes: let it come first.
			if _, err := tty.WriteString(q.seq); err != nil {
				return a, err
			}
			time.Sleep(500 * time.Millisecond)
			q.seq = ""
		}
		got, err := ask(tty, q.seq+"\x1b[c")
		if err != nil {
			return a, err
		}
		// What came before the attributes' answer is the question's (for
		// TmuxDA1, the outer terminal's attributes come first).
		if i := strings.LastIndex(got, "\x1b[?"); i >= 0 {
			got = got[:i]
		}
		found[q.name] = got
	}
	a.XTVersion, a.Cell16t, a.Area14t, a.Chars18t = found["XTVersion"], found["Cell16t"], found["Area14t"], found["Chars18t"]
	a.SixelGeometry, a.ColorRegisters, a.Kitty = found["SixelGeometry"], found["ColorRegisters"], found["Kitty"]
	a.TmuxKitty, a.TmuxXTVersion, a.TmuxDA1 = found["TmuxKitty"], found["TmuxXTVersion"], found["TmuxDA1"]
	a.Env = map[string]string{}
	for _, k := range []string{"TERM", "COLORTERM", "KITTY_WINDOW_ID", "TERM_PROGRAM", "XTERM_VERSION", "TMUX", "WINDOWID"} {
		a.Env[k] = os.Getenv(k)
	}
	return a, nil
}

// ask writes q and reads until an answer to the primary device attributes
// (CSI ? ... c) has come, or 3 seconds have passed.
func ask(tty *os.File, q string) (string, error) {
	if _, err := tty.WriteString(q); err != nil {
		return "", err
	}
	var got []byte
	buf := make([]byte, 4096)
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		n, err := tty.Read(buf)
		if n > 0 {
			got = append(got, buf[:n]...)
			if endsWithDA1(got) {
				return string(got), nil
			}
		}
		if err != nil && n == 0 {
			continue // VMIN 0: no byte this time
		}
	}
	return string(got), fmt.Errorf("no answer to %q: got %q", q, got)
}

// endsWithDA1 reports whether b ends with a primary device attributes
// answer, CSI ? digits and semicolons c.
func endsWithDA1(b []byte) bool {
	i := bytes.LastIndex(b, []byte("\x1b[?"))
	if i < 0 || b[len(b)-1] != 'c' {
		return false
	}
	for _, c := range b[i+3 : len(b)-1] {
		if (c < '0' || c > '9') && c != ';' {
			return false
		}
	}
	return true
}

// WriteAnswers writes a as JSON to path.
func WriteAnswers(path string, a Answers) error {
	b, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
