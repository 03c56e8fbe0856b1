package serve

import (
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// A burst of 1,000 connection attempts neither crashes the server nor
// stops it serving the viewer already in.
func TestBurstOfConnections(t *testing.T) {
	srv := startServer(t, Options{MaxViewers: 5, RateEvery: time.Hour}, newPages)
	sc := openScreen(t, mustDial(t, srv.addr, "in", gossh.PublicKeys(newKey(t))))
	sc.WaitFor("hello in")
	var wg sync.WaitGroup
	for i := range 1000 {
		wg.Go(func() {
			conn, err := net.Dial("tcp", srv.addr)
			if err != nil {
				return
			}
			if i%2 == 0 {
				// Half hang up at once; half speak nonsense.
				_, _ = conn.Write([]byte("GET / HTTP/1.0\r\n\r\n"))
				_, _ = conn.Read(make([]byte, 64))
			}
			conn.Close()
		})
	}
	wg.Wait()
	waitLog(t, srv.log, "refused", "rate limit")
	if n := strings.Count(srv.log.String(), "rate limit"); n != 1 {
		t.Errorf("the flood took %d log lines, want 1", n)
	}
	sc.Send(right)
	sc.WaitFor("page 2")
	sc.Send("q")
	if code := sc.Exit(); code != 0 {
		t.Errorf("the viewer in ended with %d", code)
	}
}
