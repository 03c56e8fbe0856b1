package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// TestPrintToAPipeTakesTheTerminalsWidth runs `reel deck.md | less` in a
// 50-column terminal: standard output is a pipe, standard error the
// terminal, and the printed story fits the terminal, not 80 columns.
func TestPrintToAPipeTakesTheTerminalsWidth(t *testing.T) {
	t.Parallel()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 20, Cols: 50}); err != nil {
		t.Fatal(err)
	}
	go func() { _, _ = bytes.NewBuffer(nil).ReadFrom(ptmx) }()
	for _, tt := range []struct {
		args []string
		max  int
	}{
		{[]string{"testdata/kim-rally.txt"}, 50},
		{[]string{"testdata/kim-rally.txt", "--width", "70"}, 70}, // --width still wins
	} {
		cmd := exec.Command(binary, tt.args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, tty
		if err := cmd.Run(); err != nil {
			t.Fatal(err)
		}
		widest := 0
		for _, l := range strings.Split(out.String(), "\n") {
			widest = max(widest, ansi.StringWidth(l))
		}
		if widest > tt.max || widest < tt.max-15 {
			t.Errorf("reel %v | cat in a 50-column terminal: widest line %d, want at most %d and near it", tt.args, widest, tt.max)
		}
	}
}

func TestStandardInputOnATerminalSaysItIsReading(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, nil, true, "-")
	tm.waitFor("reading a story from standard input; ctrl+d ends it")
	tm.send("In Pics: Typed by hand\n\nA story typed at the terminal.\n\nFirst caption\n\nIt was typed.\n\x04")
	tm.waitFor("Typed by hand")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}
}

func TestFIFOWithNoWriterSaysWhatItWaitsFor(t *testing.T) {
	t.Parallel()
	fifo := filepath.Join(t.TempDir(), "story.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	tm := startTerm(t, nil, true, fifo)
	tm.waitFor("waiting for a writer on")
	data, err := os.ReadFile("testdata/kim-rally.txt")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(data)
	f.Close()
	tm.waitFor("5 sections follow")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}
}

func TestStartPastTheEndSaysSo(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, nil, true, "testdata/kim-rally.txt", "--start", "99")
	tm.waitFor("the story has 5 sections: opened the last")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}
}
