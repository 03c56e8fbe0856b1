package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/reeltui/reel/internal/serve"
	"github.com/reeltui/reel/internal/serve/servetest"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/ui"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

func TestServeArgs(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string // part of the usage error; "" for none
	}{
		{[]string{"deck.md"}, ""},
		{[]string{"--present", "--style", "dark", "deck.md", "--listen=localhost:2000"}, ""},
		{[]string{"--listen", ":2222", "deck.md"}, "needs --authorized-keys"},
		{[]string{"--listen", "0.0.0.0:2222"}, "needs --authorized-keys"},
		{[]string{"--listen", ":2222", "--authorized-keys", "keys", "deck.md"}, ""},
		{[]string{"--presenter-key", "me.pub", "deck.md"}, "--presenter-key needs --present"},
		{[]string{"--print", "deck.md"}, "--print does not apply"},
		{[]string{"--idle", "10s"}, "--idle 10s: at least a minute"},
		{[]string{"--max-viewers", "0"}, "--max-viewers 0: at least 1"},
		{[]string{"--listen"}, "flag needs an argument: --listen"},
		{[]string{"--style", "plaid"}, "unknown style"},
	} {
		_, err := parseServeArgs(tt.args, os.Stdout, "dev")
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.args, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: %v, want an error about %q", tt.args, err, tt.want)
		}
		if _, ok := err.(usageError); err != nil && !ok {
			t.Errorf("%q: %T is not a usage error (exit 2)", tt.args, err)
		}
	}
	sc, err := parseServeArgs([]string{"--start", "2", "--present", "--max-viewers", "7", "--no-steps", "d.md"}, os.Stdout, "dev")
	if err != nil || sc.start != 2 || !sc.present || sc.maxViewers != 7 || !sc.noSteps || sc.path != "d.md" {
		t.Errorf("flags read as %+v, %v", sc, err)
	}
}

// Beyond loopback without --authorized-keys, reel serve says why and
// exits 2, before it listens or makes a key.
func TestServeOpenToAllExits2(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	stdout, stderr := tempFile(t), tempFile(t)
	code := Main([]string{"serve", "--listen", "0.0.0.0:0", "../../testdata/kim-rally.txt"}, devNull(t), stdout, stderr, Build{Version: "dev"})
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if got := readBack(t, stderr); !strings.Contains(got, "--authorized-keys") || strings.Count(got, "\n") > 2 {
		t.Errorf("stderr %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "reel")); !os.IsNotExist(err) {
		t.Errorf("a refused server made its key directory: %v", err)
	}
}

// serve is a subcommand only as the first argument: "reel ./serve"
// reads a file named serve.
func TestServeOnlyFirst(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../testdata/kim-rally.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "serve"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	stdout, stderr := tempFile(t), tempFile(t)
	if code := Main([]string{"./serve"}, devNull(t), stdout, stderr, Build{Version: "dev"}); code != 0 {
		t.Fatalf("reel ./serve: exit %d: %s", code, readBack(t, stderr))
	}
	if got := readBack(t, stdout); !strings.Contains(got, "mass rally") {
		t.Errorf("reel ./serve did not print the file named serve:\n%.200s", got)
	}
}

// servedStory serves a story file as reel serve would, on a loopback port
// of the test's, and returns its address and log.
func servedStory(t testing.TB, sc serveConfig, path string) (*served, *serve.Server, string, *servetest.Buffer) {
	t.Helper()
	sc.path, sc.listen = path, "127.0.0.1:0"
	sc.hostKey = filepath.Join(t.TempDir(), "host_key")
	if sc.maxSize == 0 {
		sc.maxSize = 8 << 20
	}
	ld, err := source.Load(source.Request{Path: path, MaxSize: sc.maxSize}, nil, true, nil, func() {})
	if err != nil {
		t.Fatal(err)
	}
	sv := newServed(sc, ld)
	logs := &servetest.Buffer{}
	srv, ln, err := startServing(sc, sv, &logSink{out: logs})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return sv, srv, ln.Addr().String(), logs
}

const right = "\x1b[C"

// Each viewer gets its own reader: its own window size and page.
func TestServeEachViewerReads(t *testing.T) {
	_, _, addr, logs := servedStory(t, serveConfig{config: config{theme: page.ThemeDark}}, "../../testdata/kim-rally.txt")
	key := gossh.PublicKeys(servetest.NewKey(t))
	a := servetest.Open(t, servetest.MustDial(t, addr, "ann", key), servetest.Options{Width: 100, Height: 30})
	b := servetest.Open(t, servetest.MustDial(t, addr, "ben", key), servetest.Options{Width: 60, Height: 20})
	a.WaitFor("5 sections follow")
	b.WaitFor("5 sections follow")
	a.Send(right)
	a.WaitFor("1 / 5")
	b.Send(right + right)
	b.WaitFor("2 / 5")
	if strings.Contains(a.Text(), "2 / 5") {
		t.Errorf("a turn of ben's moved ann:\n%s", a.Text())
	}
	if w := len([]rune(strings.Split(b.Text(), "\n")[0])); w > 60 {
		t.Errorf("ben's 60-column screen has a %d-column line", w)
	}
	a.Send("q")
	if code := a.Exit(); code != 0 {
		t.Errorf("q: exit %d", code)
	}
	servetest.WaitLog(t, logs, "disconnect", "user=ann", "duration=")
}

// The reader's flags shape what every viewer sees.
func TestServeStoryFlags(t *testing.T) {
	sc := serveConfig{config: config{theme: page.ThemeNoTTY, start: 3}}
	_, _, addr, _ := servedStory(t, sc, "../../testdata/kim-rally.txt")
	v := servetest.Open(t, servetest.MustDial(t, addr, "v", gossh.PublicKeys(servetest.NewKey(t))), servetest.Options{})
	v.WaitFor("3 / 5")
	if strings.Contains(v.Raw.String(), "\x1b[38;") {
		t.Errorf("--style notty, yet the viewer got colours")
	}
}

// With --present, a viewer follows the presenter's pages and steps, may
// read on its own with F and come back, and is told when the presenter
// ends, then let go.
func TestServePresent(t *testing.T) {
	pat := servetest.NewKey(t)
	keys := servetest.WriteKeys(t, pat)
	sc := serveConfig{config: config{theme: page.ThemeDark}, present: true, presenterKey: keys}
	sv, _, addr, _ := servedStory(t, sc, "../../testdata/md/steps.md")
	follower := servetest.Open(t, servetest.MustDial(t, addr, "fay", gossh.PublicKeys(servetest.NewKey(t))), servetest.Options{})
	follower.WaitFor("following")
	presenter := servetest.Open(t, servetest.MustDial(t, addr, "pat", gossh.PublicKeys(pat)), servetest.Options{})
	presenter.WaitFor("1 watching")
	presenter.Send(right)
	follower.WaitFor("The sea goes out.")
	presenter.Send(right)
	follower.WaitFor("It comes back.")
	follower.Send("j") // a scroll is the follower's own, and clears the hint
	follower.WaitFor("? help")
	follower.Send(right) // a page key while following says why it does not turn
	follower.WaitFor("following the presenter · F")
	if strings.Contains(follower.Text(), "twice a day") {
		t.Errorf("a follower's → revealed a step the presenter has not:\n%s", follower.Text())
	}
	follower.Send("F" + right)
	follower.WaitFor("on your own")
	follower.WaitFor("twice a day")
	follower.Send("F")
	follower.WaitFor("following")
	presenter.Send("q")
	presenter.Exit()
	follower.WaitFor(ui.PresenterEnded)
	start := time.Now()
	if code := follower.Exit(); code != 0 {
		t.Errorf("the follower ended with %d", code)
	}
	if waited := time.Since(start); waited < 3*time.Second {
		t.Errorf("the follower was let go after %v, before it could read why", waited)
	}
	if n := sv.stage.Scene().Followers; n != 0 {
		t.Errorf("%d followers left on the stage", n)
	}
}

func tempFile(t *testing.T) *os.File {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func devNull(t *testing.T) *os.File {
	t.Helper()
	f, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func readBack(t *testing.T, f *os.File) string {
	t.Helper()
	data, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// When the served file changes, every viewer reads the new story.
func TestServeReloadsForEveryone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deck.md")
	write := func(text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("# Deck\n\nFirst words.\n\n---\n\n## One\n\nOld page.\n")
	sv, srv, addr, _ := servedStory(t, serveConfig{config: config{theme: page.ThemeDark}}, path)
	stop := reloadAll(sv, srv.Broadcast)
	defer stop()
	key := gossh.PublicKeys(servetest.NewKey(t))
	a := servetest.Open(t, servetest.MustDial(t, addr, "a", key), servetest.Options{})
	b := servetest.Open(t, servetest.MustDial(t, addr, "b", key), servetest.Options{})
	a.WaitFor("First words.")
	b.WaitFor("First words.")
	a.Send(right)
	a.WaitFor("Old page.")
	write("# Deck\n\nFirst words.\n\n---\n\n## One\n\nNew page.\n")
	a.WaitFor("New page.")
	b.Send(right)
	b.WaitFor("New page.")
}

// A mistake on reel serve's command line points to reel serve --help,
// which lists serve's own flags; reel export's to reel export --help.
func TestServeUsagePointsToServeHelp(t *testing.T) {
	for _, tt := range []struct {
		args []string
		help string
	}{
		{[]string{"serve", "--max-viewers", "0"}, "Run 'reel serve --help' for usage."},
		{[]string{"serve", "--style", "plaid"}, "Run 'reel serve --help' for usage."},
		{[]string{"export", "--to", "html"}, "Run 'reel export --help' for usage."},
		{[]string{"--style", "plaid"}, "Run 'reel --help' for usage."},
	} {
		stdout, stderr := tempFile(t), tempFile(t)
		if code := Main(tt.args, devNull(t), stdout, stderr, Build{Version: "dev"}); code != 2 {
			t.Errorf("%q: exit %d, want 2", tt.args, code)
		}
		if got := readBack(t, stderr); !strings.HasSuffix(got, "\n"+tt.help+"\n") {
			t.Errorf("%q: stderr %q, want it to end %q", tt.args, got, tt.help)
		}
	}
	stdout, stderr := tempFile(t), tempFile(t)
	if code := Main([]string{"serve", "--help"}, devNull(t), stdout, stderr, Build{Version: "dev"}); code != 0 {
		t.Fatalf("reel serve --help: exit %d: %s", code, readBack(t, stderr))
	}
	help := readBack(t, stdout)
	for name := range serveFlags {
		if !strings.Contains(help, "--"+name+" ") {
			t.Errorf("reel serve --help does not list --%s:\n%s", name, help)
		}
	}
}

// Of two sessions with a presenter's key, the first presents; the second
// follows, told why, and presents once the first has left, from the page
// it left on.
func TestServeOnePresenterAtATime(t *testing.T) {
	pat, quinn := servetest.NewKey(t), servetest.NewKey(t)
	sc := serveConfig{config: config{theme: page.ThemeDark}, present: true, presenterKey: servetest.WriteKeys(t, pat, quinn)}
	sv, _, addr, _ := servedStory(t, sc, "../../testdata/md/steps.md")
	wide := servetest.Options{Width: 100, Height: 30}
	first := servetest.Open(t, servetest.MustDial(t, addr, "pat", gossh.PublicKeys(pat)), wide)
	first.WaitFor("0 watching")
	second := servetest.Open(t, servetest.MustDial(t, addr, "quinn", gossh.PublicKeys(quinn)), wide)
	second.WaitFor(ui.StandbyHint)
	fay := servetest.Open(t, servetest.MustDial(t, addr, "fay", gossh.PublicKeys(servetest.NewKey(t))), wide)
	first.WaitFor("2 watching")
	second.Send(right) // the second does not drive
	second.WaitFor(ui.FollowHint)
	first.Send(right)
	fay.WaitFor("The sea goes out.")
	second.WaitFor("The sea goes out.")
	if strings.Contains(fay.Text(), "It comes back.") {
		t.Fatalf("the second presenter's → turned a follower's page:\n%s", fay.Text())
	}
	first.Send("q")
	first.Exit()
	second.WaitFor(ui.HandedOverHint)
	second.WaitFor("1 watching")
	second.Send(right)
	fay.WaitFor("It comes back.")
	if sc := sv.stage.Scene(); sc.Ended || sc.Followers != 1 {
		t.Errorf("after the hand-over the stage is %+v", sc)
	}
}

// A viewer's sixel pictures are sized by the cell its client's pty
// request gives in pixels (1000×600 for 100×30: 10×20), the terminal
// having answered no question about its cells.
func TestServeSixelSizedByThePtyPixels(t *testing.T) {
	sc := serveConfig{config: config{theme: page.ThemeDark, pictures: graphics.PicturesSixel, start: 1}}
	_, _, addr, _ := servedStory(t, sc, "../../testdata/pictures/deck.md")
	v := servetest.Open(t, servetest.MustDial(t, addr, "v", gossh.PublicKeys(servetest.NewKey(t))),
		servetest.Options{Width: 100, Height: 30, XPixels: 1000, YPixels: 600})
	v.WaitFor("Evening")
	sixel := regexp.MustCompile(`\x1bP0;1q"1;1;(\d+);(\d+)`)
	deadline := time.Now().Add(servetest.Wait)
	var m []string
	for m = sixel.FindStringSubmatch(v.Raw.String()); m == nil; m = sixel.FindStringSubmatch(v.Raw.String()) {
		if time.Now().After(deadline) {
			t.Fatalf("no sixel picture drawn; the screen:\n%s", v.Text())
		}
		time.Sleep(10 * time.Millisecond)
	}
	w, _ := strconv.Atoi(m[1])
	h, _ := strconv.Atoi(m[2])
	if w == 0 || h == 0 || w%10 != 0 || h%20 != 0 {
		t.Errorf("sixel picture %d×%d pixels: not whole cells of 10×20", w, h)
	}
}
