package realterm

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// plainColour is the colour of the second page's picture: not
// saturated enough to pass for the stripes.
var plainColour = color.RGBA{150, 120, 90, 255}

// deck is the story the terminals show: a page with the stripes, then a
// page with a plain picture, narrower and taller, which does not cover
// where the stripes were.
const deck = `# Stripes

A picture of fine colour stripes, then a plain one.

---

## Stripes

![fine colour stripes](stripes.png)

---

## Plain

![a plain brown picture](plain.png)
`

// harness is what every terminal case shares: one X display, one reel
// binary, one story.
type harness struct {
	display *Display
	reel    string
	story   string
	home    string
	shots   string
	// last is the last screenshot waitFor took.
	last image.Image
}

// requireTools skips the test unless REEL_REALTERM=1, and fails it when
// that is set but a tool is missing: CI sets it after installing them,
// and a harness that skipped there would prove nothing.
func requireTools(t testing.TB) {
	t.Helper()
	if os.Getenv("REEL_REALTERM") != "1" {
		t.Skip("real terminals: set REEL_REALTERM=1 (.ci/run does, after installing " + strings.Join(Tools, ", ") + ")")
	}
	for _, tool := range Tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("REEL_REALTERM=1 but %s is missing: apt-get install xvfb xterm kitty xdotool imagemagick tmux", tool)
		}
	}
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	dir := t.TempDir()
	h := &harness{reel: filepath.Join(dir, "reel"), home: filepath.Join(dir, "home"), story: filepath.Join(dir, "story", "deck.md")}
	build := exec.Command("go", "build", "-o", h.reel, "github.com/reeltui/reel")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build reel: %v\n%s", err, out)
	}
	storyDir := filepath.Dir(h.story)
	for _, d := range []string{h.home, storyDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string][]byte{
		h.story:                                []byte(deck),
		filepath.Join(storyDir, "stripes.png"): Stripes(480, 240),
		filepath.Join(storyDir, "plain.png"):   Solid(120, 240, plainColour),
	}
	for name, data := range files {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Screenshots go where REEL_REALTERM_SHOTS says, to be looked at.
	h.shots = os.Getenv("REEL_REALTERM_SHOTS")
	if h.shots == "" {
		h.shots = filepath.Join(dir, "shots")
	}
	if err := os.MkdirAll(h.shots, 0o755); err != nil {
		t.Fatal(err)
	}
	d, err := StartDisplay()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	h.display = d
	return h
}

// terminalCase is a terminal as people have it, and what reel must draw
// in it in auto mode.
type terminalCase struct {
	name string
	// kitty: the case runs kitty; otherwise xterm, with args.
	kitty bool
	args  []string
	want  Kind
	// maxColours, when set, bounds the colours of the drawing.
	maxColours int
	// pageTurn: turning the page must erase the picture.
	pageTurn bool
	// tmux runs reel inside tmux 3.3a in the terminal, with
	// allow-passthrough as passthrough says.
	tmux, passthrough bool
	// reelArgs are flags for reel (auto mode without them).
	reelArgs []string
	// env is added to the terminal's environment.
	env []string
}

var terminalCases = []terminalCase{
	// Debian's xterm as sixel users run it: allowWindowOps off, so it
	// does not say its cell size when asked (CSI 16 t).
	{name: "xterm-vt340", args: []string{"-ti", "vt340"}, want: RealPixels, pageTurn: true},
	{name: "xterm-vt340-windowops", args: []string{"-ti", "vt340", "-xrm", "XTerm*allowWindowOps: true"}, want: RealPixels, pageTurn: true},
	// Without sixel: half blocks, in the colours TERM promises.
	{name: "xterm-16-colours", args: []string{"-tn", "xterm"}, want: HalfBlocks, maxColours: 16},
	{name: "xterm-256color", args: []string{"-tn", "xterm-256color"}, want: HalfBlocks},
	// NO_COLOR: pictures in real pixels are content and stay; half
	// blocks are colour and go (the second page's plain picture is the
	// sign reel has drawn: it has none either).
	{name: "xterm-vt340-no-color", args: []string{"-ti", "vt340"}, env: []string{"NO_COLOR=1"}, want: RealPixels},
	// kitty 0.26 (Debian 12, Ubuntu 22.04) has no Unicode placeholders.
	{name: "kitty", kitty: true, want: RealPixels, pageTurn: true},
	// tmux as people have it: passthrough off, its default. Nothing
	// passes, so half blocks (and a note), never placeholders' tofu, even
	// when kitty graphics are asked for.
	{name: "kitty-tmux", kitty: true, tmux: true, want: HalfBlocks},
	{name: "kitty-tmux-pictures-kitty", kitty: true, tmux: true, reelArgs: []string{"--pictures", "kitty"}, want: HalfBlocks},
	// With passthrough on, kitty 0.26 still has no placeholders, and a
	// picture placed at the cursor would not follow tmux's panes.
	{name: "kitty-tmux-passthrough", kitty: true, tmux: true, passthrough: true, want: HalfBlocks},
}

// TestTerminals runs reel in auto mode in each terminal, on the page
// with the stripes, and reads from the screen how the picture came out;
// then turns the page and checks that the picture went with it.
func TestTerminals(t *testing.T) {
	requireTools(t)
	h := newHarness(t)
	for _, tc := range terminalCases {
		t.Run(tc.name, func(t *testing.T) { h.run(t, tc) })
	}
}

func (h *harness) run(t *testing.T, tc terminalCase) {
	reel := append(append([]string{h.reel, "--no-state", "--start", "1"}, tc.reelArgs...), h.story)
	if tc.tmux {
		conf := filepath.Join(h.home, tc.name+".tmux.conf")
		text := "set -g default-terminal tmux-256color\nset -g status off\n"
		if tc.passthrough {
			text += "set -g allow-passthrough on\n"
		}
		if err := os.WriteFile(conf, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		tmux := []string{"tmux", "-L", "reel-" + tc.name, "-f", conf}
		defer func() {
			// The server outlives the terminal: end it.
			kill := exec.Command(tmux[0], append(tmux[1:], "kill-server")...)
			kill.Env = h.display.Env(h.home)
			_ = kill.Run()
		}()
		reel = append(append(tmux, "new-session"), reel...)
	}
	var argv, env []string
	if tc.kitty {
		argv = append([]string{"kitty", "--config", "NONE", "-o", "remember_window_size=no",
			"-o", "initial_window_width=800", "-o", "initial_window_height=500"}, reel...)
		env = h.display.Env(h.home, append(tc.env, "LIBGL_ALWAYS_SOFTWARE=1")...)
	} else {
		argv = append([]string{"xterm", "-geometry", "100x30+0+0"}, tc.args...)
		argv = append(append(argv, "-e"), reel...)
		env = h.display.Env(h.home, tc.env...)
	}
	var log bytes.Buffer
	cmd, err := h.display.Start(env, &log, argv...)
	if err != nil {
		t.Fatal(err)
	}
	stopped := false
	stop := func() {
		if !stopped {
			Stop(cmd)
			stopped = true
		}
	}
	defer stop()
	shot, d := h.waitFor(t, tc.name+"-1", 30*time.Second, func(img image.Image) bool {
		return Analyse(img).Kind == tc.want
	})
	if d.Kind != tc.want {
		stop()
		t.Fatalf("%s: the picture came out as %s, want %s (%+v); terminal said:\n%s", tc.name, d.Kind, tc.want, d, log.String())
	}
	t.Logf("%s: %s, %+v, screenshot %s", tc.name, d.Kind, d, shot)
	if tc.maxColours > 0 && d.Colours > tc.maxColours {
		t.Errorf("%s: %d colours, want at most %d", tc.name, d.Colours, tc.maxColours)
	}
	if tc.pageTurn {
		if err := h.display.Keys(50, 50, "Right"); err != nil {
			t.Fatal(err)
		}
		// The plain picture on the screen is the sign the page has turned.
		shot, _ = h.waitFor(t, tc.name+"-2", 20*time.Second, func(img image.Image) bool {
			return CountNear(img, plainColour, 24) >= 2000
		})
		img := h.last
		if CountNear(img, plainColour, 24) < 2000 {
			t.Fatalf("%s: the plain picture never came after the page turn: %s", tc.name, shot)
		}
		if after := Analyse(img); after.Kind != Nothing {
			t.Errorf("%s: the stripes stayed after the page turn as %s (%+v): %s", tc.name, after.Kind, after, shot)
		}
	}
	stop()
	if strings.Contains(log.String(), "Malformed GraphicsCommand") {
		t.Errorf("%s: the terminal could not read reel's graphics commands:\n%s", tc.name, log.String())
	}
}

// waitFor takes screenshots until ok says yes or timeout passes, saves
// the last one as name.png in the shots folder and returns its path and
// what Analyse found on it.
func (h *harness) waitFor(t *testing.T, name string, timeout time.Duration, ok func(image.Image) bool) (string, Drawing) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var img image.Image
	for {
		var err error
		img, err = h.display.Screenshot()
		if err != nil {
			t.Fatal(err)
		}
		if ok(img) || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	h.last = img
	path := filepath.Join(h.shots, name+".png")
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, Analyse(img)
}
