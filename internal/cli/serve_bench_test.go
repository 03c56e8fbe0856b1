package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/reeltui/reel/internal/serve"
	"github.com/reeltui/reel/internal/serve/servetest"
	"github.com/reeltui/reel/ui/page"
)

// markerDeck writes a deck whose every page carries a marker of its own.
func markerDeck(tb testing.TB, pages int) string {
	var b strings.Builder
	b.WriteString("# Markers\n\nA deck for the follow benchmark.\n")
	for i := 1; i <= pages; i++ {
		fmt.Fprintf(&b, "\n---\n\n## Page %d\n\nmarker-%05d\n", i, i)
	}
	path := filepath.Join(tb.TempDir(), "markers.md")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// floorModel is the floor: a static view that shows the presenter's page
// as soon as it hears of it, with nothing of the reader.
type floorModel struct {
	seat *serve.Seat
	page int
}

type floorScene serve.Scene

func (m floorModel) wait() tea.Cmd {
	return func() tea.Msg {
		sc, ok := m.seat.Next()
		if !ok {
			return nil
		}
		return floorScene(sc)
	}
}

func (m floorModel) Init() tea.Cmd { return m.wait() }

func (m floorModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if sc, ok := msg.(floorScene); ok {
		m.page = sc.Turn.Page
		return m, m.wait()
	}
	return m, nil
}

func (m floorModel) View() tea.View {
	v := tea.NewView(fmt.Sprintf("floor\n\nmarker-%05d", m.page))
	v.AltScreen = true
	return v
}

const benchPages = 50

// BenchmarkFollow: 100 viewers on 100×30 windows follow a presenter; each
// turn is timed from the presenter's turn until every screen shows the
// new page's marker. "floor" serves a static view that changes on the
// same signal, "reel" the reader; both in one run, so that the reader is
// measured against the floor on the same machine at the same time.
// Reported: the 95th percentile and slowest screen (ms), the time to
// connect everyone (s), and the heap each viewer adds, client included
// (MB): the clients run in this process.
func BenchmarkFollow(b *testing.B) {
	viewers := 100
	if testing.Short() {
		viewers = 10
	}
	b.Run("floor", func(b *testing.B) {
		stage := serve.NewStage()
		srv, err := serve.New(serve.Options{Listen: "127.0.0.1:0", HostKey: filepath.Join(b.TempDir(), "key"),
			MaxViewers: viewers, Logger: log.New(io.Discard)}, func(v serve.Viewer) (tea.Model, []tea.ProgramOption) {
			seat := stage.Join(true)
			go func() { <-v.Done; seat.Leave() }()
			return floorModel{seat: seat}, []tea.ProgramOption{tea.WithFPS(120)}
		})
		if err != nil {
			b.Fatal(err)
		}
		ln, err := srv.Listen()
		if err != nil {
			b.Fatal(err)
		}
		go func() { _ = srv.Serve(ln) }()
		b.Cleanup(func() { _ = srv.Close() })
		benchFollow(b, ln.Addr().String(), viewers, stage)
	})
	b.Run("reel", func(b *testing.B) {
		sv, _, addr, _ := servedStory(b, serveConfig{config: config{theme: page.ThemeDark}, present: true, maxViewers: viewers},
			markerDeck(b, benchPages))
		benchFollow(b, addr, viewers, sv.stage)
	})
}

func benchFollow(b *testing.B, addr string, viewers int, stage *serve.Stage) {
	key := gossh.PublicKeys(servetest.NewKey(b))
	marker := func(page int) string { return fmt.Sprintf("marker-%05d", page) }
	before := liveHeap()
	start := time.Now()
	crowd := servetest.NewCrowd(b, viewers, func(i int, onWrite func(*servetest.Screen)) *servetest.Screen {
		c := servetest.MustDial(b, addr, fmt.Sprintf("v%d", i), key)
		return servetest.Open(b, c, servetest.Options{Width: 100, Height: 30, OnWrite: onWrite})
	})
	crowd.Expect(marker(1))
	stage.Present(serve.Turn{Page: 1})
	crowd.Wait()
	connect := time.Since(start)
	perViewer := float64(liveHeap()-before) / float64(viewers) / (1 << 20)
	var all []time.Duration
	b.ResetTimer()
	for i := range b.N {
		page := 2 + i%(benchPages-1)
		crowd.Expect(marker(page))
		stage.Present(serve.Turn{Page: page})
		all = append(all, crowd.Wait()...)
	}
	b.StopTimer()
	slices.Sort(all)
	b.ReportMetric(float64(servetest.Percentile(all, 95).Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(all[len(all)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(connect.Seconds(), "connect-s")
	b.ReportMetric(perViewer, "MB/viewer")
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
