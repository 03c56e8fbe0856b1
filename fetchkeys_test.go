package main

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestFetchQuitKeys: q and esc typed while a page is fetched cancel the
// fetch and end reel as ctrl+c does, with status 130; ctrl+c, typed on the
// terminal reel now reads, still does.
func TestFetchQuitKeys(t *testing.T) {
	t.Parallel()
	for name, key := range map[string]string{"q": "q", "esc": "\x1b", "ctrl+c": "\x03"} {
		t.Run(name, func(t *testing.T) {
			asked := make(chan struct{}, 1)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				asked <- struct{}{}
				<-r.Context().Done()
			}))
			t.Cleanup(srv.Close)
			tm := startTerm(t, nil, true, "--no-state", srv.URL+"/hang")
			<-asked
			tm.waitFor("q or ctrl+c cancels")
			tm.send(key)
			if code := tm.exit(); code != 130 {
				t.Errorf("%s during a fetch: exit %d, want 130:\n%s", name, code, tm.screen())
			}
		})
	}
}
