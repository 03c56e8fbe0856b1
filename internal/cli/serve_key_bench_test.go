package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
	gossh "golang.org/x/crypto/ssh"

	"github.com/reeltui/reel/internal/serve/servetest"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/ui"
	"github.com/reeltui/reel/ui/page"
)

// BenchmarkKeyToScreen: how long → takes to show the next page's marker,
// for one viewer over SSH on loopback ("served") and for the reader on a
// local pseudo-terminal ("local"), on the same deck and window.
func BenchmarkKeyToScreen(b *testing.B) {
	deck := markerDeck(b, benchPages)
	b.Run("local", func(b *testing.B) {
		ptmx, tty, err := pty.Open()
		if err != nil {
			b.Fatal(err)
		}
		defer ptmx.Close()
		defer tty.Close()
		_ = pty.Setsize(ptmx, &pty.Winsize{Rows: 30, Cols: 100})
		ld, err := source.Load(source.Request{Path: deck, MaxSize: 8 << 20}, nil, true, nil, func() {})
		if err != nil {
			b.Fatal(err)
		}
		m := ui.New(ld.Story, ui.Options{Theme: page.ThemeDark, Width: 100, Height: 30})
		prog := tea.NewProgram(m, tea.WithInput(tty), tea.WithOutput(tty), tea.WithFPS(120), tea.WithoutSignalHandler())
		go func() { _, _ = prog.Run() }()
		defer prog.Kill()
		emu := vt.NewSafeEmulator(100, 30)
		go func() { _, _ = io.Copy(emu, ptmx) }()
		go func() { _, _ = io.Copy(ptmx, emu) }()
		keyToScreen(b, func(k string) { _, _ = ptmx.Write([]byte(k)) }, func() string { return ansi.Strip(emu.Render()) })
	})
	b.Run("served", func(b *testing.B) {
		_, _, addr, _ := servedStory(b, serveConfig{config: config{theme: page.ThemeDark}}, deck)
		v := servetest.Open(b, servetest.MustDial(b, addr, "v", gossh.PublicKeys(servetest.NewKey(b))), servetest.Options{Width: 100, Height: 30})
		keyToScreen(b, v.Send, v.Text)
	})
}

// keyToScreen presses → b.N times (← back at the end of the deck) and
// times each until the screen shows the page's marker.
func keyToScreen(b *testing.B, send func(string), screen func() string) {
	wait := func(text string) time.Duration {
		start := time.Now()
		for !strings.Contains(screen(), text) {
			if time.Since(start) > servetest.Wait {
				b.Fatalf("the screen never showed %s:\n%s", text, screen())
			}
			time.Sleep(100 * time.Microsecond)
		}
		return time.Since(start)
	}
	wait("A deck for the follow benchmark.")
	var all []time.Duration
	page, step := 0, 1
	b.ResetTimer()
	for range b.N {
		if page+step > benchPages || page+step < 1 {
			step = -step
		}
		page += step
		key := "\x1b[C"
		if step < 0 {
			key = "\x1b[D"
		}
		send(key)
		all = append(all, wait(fmt.Sprintf("marker-%05d", page)))
	}
	b.StopTimer()
	slices.Sort(all)
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(servetest.Percentile(all, 95).Microseconds())/1000, "p95-ms")
}
