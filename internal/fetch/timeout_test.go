package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestSilentServerNamesTheTotalLimit: a server that takes the connection
// and never answers runs into the total limit, and the message names that
// limit, never the connect timeout. Both the request's deadline and the
// transport's header timeout used to fire at the same moment, and about
// half the runs said "no answer within" the connect limit.
func TestSilentServerNamesTheTotalLimit(t *testing.T) {
	done := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-done:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(done)
	c := New(Options{Timeout: 100 * time.Millisecond, ConnectTimeout: 7 * time.Second})
	for range 8 {
		_, err := c.Page(context.Background(), srv.URL)
		if err == nil || !strings.Contains(err.Error(), "took longer than 100ms") || strings.Contains(err.Error(), "7s") {
			t.Fatalf("err = %v, want one message naming the 100ms limit", err)
		}
	}
}
