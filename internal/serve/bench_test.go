package serve

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/reeltui/reel/internal/serve/servetest"
)

// floorModel is the floor the reader is measured against: a static view
// that shows the presenter's page as soon as it hears of it.
type floorModel struct {
	seat *Seat
	page int
}

type sceneMsg Scene

func (m floorModel) wait() tea.Cmd {
	return func() tea.Msg {
		sc, ok := m.seat.Next()
		if !ok {
			return nil
		}
		return sceneMsg(sc)
	}
}

func (m floorModel) Init() tea.Cmd { return m.wait() }

func (m floorModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if sc, ok := msg.(sceneMsg); ok {
		m.page = sc.Turn.Page
		return m, m.wait()
	}
	return m, nil
}

func (m floorModel) View() tea.View {
	v := tea.NewView(fmt.Sprintf("floor\nmarker-%05d", m.page))
	v.AltScreen = true
	return v
}

// BenchmarkFollowFloor: 100 viewers on 100×30 windows follow a presenter
// whose view is the floor's; each turn is timed until every screen shows
// it. Reports the 95th percentile and the slowest screen, the time to
// connect everyone and the memory each viewer takes.
func BenchmarkFollowFloor(b *testing.B) {
	stage := NewStage()
	BenchFollow(b, 100, func(v Viewer) (tea.Model, []tea.ProgramOption) {
		return floorModel{seat: stage.Join(true)}, nil
	}, func(page int) { stage.Present(Turn{Page: page}) }, func(page int) string { return fmt.Sprintf("marker-%05d", page) })
}

// BenchFollow connects viewers to a server of newModel, then b.N times
// calls turn(page) and waits until every screen shows marker(page).
func BenchFollow(b *testing.B, viewers int, newModel NewModel, turn func(page int), marker func(page int) string) {
	srv := startServer(b, Options{MaxViewers: viewers, Idle: time.Hour}, newModel)
	key := gossh.PublicKeys(servetest.NewKey(b))
	before := heap()
	start := time.Now()
	crowd := servetest.NewCrowd(b, viewers, func(i int, onWrite func(*servetest.Screen)) *servetest.Screen {
		c := servetest.MustDial(b, srv.addr, fmt.Sprintf("viewer%d", i), key)
		return servetest.Open(b, c, servetest.Options{Width: 100, Height: 30, OnWrite: onWrite})
	})
	crowd.Expect(marker(0))
	turn(0)
	crowd.Wait()
	connect := time.Since(start)
	perViewer := float64(heap()-before) / float64(viewers) / (1 << 20)
	var all []time.Duration
	b.ResetTimer()
	for i := range b.N {
		crowd.Expect(marker(i + 1))
		turn(i + 1)
		all = append(all, crowd.Wait()...)
	}
	b.StopTimer()
	slices.Sort(all)
	b.ReportMetric(float64(servetest.Percentile(all, 95).Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(all[len(all)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(connect.Seconds(), "connect-s")
	b.ReportMetric(perViewer, "MB/viewer")
}

// heap is the live heap after a collection.
func heap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
