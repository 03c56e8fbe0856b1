package fetch

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
)

// The namespace's two hosts: one with a public address, one private.
// Both live on the loopback interface of a network namespace of the test's
// own (unshare -rn), so no packet leaves the machine.
const (
	nsPublic  = "11.22.33.44"
	nsPrivate = "10.9.8.7"
)

// inNamespace runs the calling test again inside a new user and network
// namespace where nsPublic and nsPrivate are local addresses, and reports
// whether the caller is that inner run.
func inNamespace(t *testing.T) bool {
	t.Helper()
	if os.Getenv("REEL_TEST_NETNS") == "1" {
		for _, args := range [][]string{
			{"link", "set", "lo", "up"},
			{"addr", "add", nsPublic + "/32", "dev", "lo"},
			{"addr", "add", nsPrivate + "/32", "dev", "lo"},
		} {
			if out, err := exec.Command("ip", args...).CombinedOutput(); err != nil {
				t.Fatalf("ip %s: %v: %s", strings.Join(args, " "), err, out)
			}
		}
		return true
	}
	cmd := exec.Command("unshare", "-rn", os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), "REEL_TEST_NETNS=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("in a network namespace: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("the run in a network namespace did not pass:\n%s", out)
	}
	return false
}

// serve starts a server on addr that counts its requests and answers
// with h.
func serve(t *testing.T, addr string, h http.HandlerFunc) (string, *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", addr+":0")
	if err != nil {
		t.Fatal(err)
	}
	var hits atomic.Int32
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		h(w, r)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String(), &hits
}

func redirectTo(target string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, target, http.StatusFound) }
}

func localPage(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html")
	w.Write([]byte("<title>local</title>"))
}

func TestRedirectIntoPrivateNetwork(t *testing.T) {
	if !inNamespace(t) {
		return
	}
	private, privateHits := serve(t, nsPrivate, localPage)
	public, _ := serve(t, nsPublic, redirectTo(private+"/secret"))
	publicPage, _ := serve(t, nsPublic, localPage)
	hopPublic, _ := serve(t, nsPublic, redirectTo(publicPage+"/"))
	hopPrivate, _ := serve(t, nsPrivate, redirectTo(private+"/"))
	c := New(Options{})

	_, err := c.Page(context.Background(), public+"/")
	var into *RedirectError
	if !errors.As(err, &into) || into.Addr.String() != nsPrivate {
		t.Fatalf("a public page redirecting to a private host: err = %v", err)
	}
	if n := privateHits.Load(); n != 0 {
		t.Errorf("the private host was asked %d times", n)
	}
	if !strings.Contains(err.Error(), "redirect from a public address") {
		t.Errorf("the error says %q", err)
	}
	// The user's own network may redirect within itself, and a public
	// page to another public one.
	for name, start := range map[string]string{"private to private": hopPrivate, "public to public": hopPublic} {
		if res, err := c.Page(context.Background(), start+"/"); err != nil || string(res.Body) != "<title>local</title>" {
			t.Errorf("%s: %v", name, err)
		}
	}
	// A picture client keeps its own rule: never a private address.
	if _, err := New(Options{PublicOnly: true}).Picture(context.Background(), public+"/a.png"); !errors.As(err, new(*BlockedError)) {
		t.Errorf("a picture redirected into a private host: err = %v", err)
	}
}
