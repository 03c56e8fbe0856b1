package realterm

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// Tools are the programs the harness runs.
var Tools = []string{"Xvfb", "xterm", "kitty", "xdotool", "import", "tmux"}

// Display is an Xvfb server of its own.
type Display struct {
	// Name is the DISPLAY value, ":N".
	Name   string
	xvfb   *exec.Cmd
	exited chan struct{}
}

// StartDisplay starts Xvfb on the first free display number from 90,
// 1024×768 in true colour, and waits for its socket.
func StartDisplay() (*Display, error) {
	for n := 90; n < 190; n++ {
		if _, err := os.Stat("/tmp/.X11-unix/X" + strconv.Itoa(n)); err == nil {
			continue
		}
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); err == nil {
			continue
		}
		name := ":" + strconv.Itoa(n)
		cmd := exec.Command("Xvfb", name, "-screen", "0", "1024x768x24", "-nolisten", "tcp", "-noreset")
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			return nil, fmt.Errorf("start Xvfb: %w", err)
		}
		exited := make(chan struct{})
		go func() { _ = cmd.Wait(); close(exited) }()
		if waitForSocket(exited, n) {
			return &Display{Name: name, xvfb: cmd, exited: exited}, nil
		}
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-exited
		// Another server took the number first, or this one failed: try
		// the next.
	}
	return nil, errors.New("no free X display between :90 and :189")
}

// waitForSocket waits up to 10 s for the Xvfb on display n to make its
// socket, and reports whether it did before it exited.
func waitForSocket(exited <-chan struct{}, n int) bool {
	socket := "/tmp/.X11-unix/X" + strconv.Itoa(n)
	for range 100 {
		select {
		case <-exited:
			return false
		case <-time.After(100 * time.Millisecond):
		}
		if _, err := os.Stat(socket); err == nil {
			return true
		}
	}
	return false
}

// Close stops the server.
func (d *Display) Close() {
	if d != nil && d.xvfb.Process != nil {
		_ = syscall.Kill(-d.xvfb.Process.Pid, syscall.SIGTERM)
		<-d.exited
	}
}

// Env is the environment a program on the display starts with: only
// what a desktop session would set, so that nothing of the test's own
// environment (COLORTERM, TMUX, NO_COLOR) decides what reel sees.
func (d *Display) Env(home string, extra ...string) []string {
	env := []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + home, "DISPLAY=" + d.Name,
		"LANG=C.UTF-8", "XDG_CONFIG_HOME=" + home + "/.config", "XDG_RUNTIME_DIR=" + home, "TMUX_TMPDIR=" + home}
	return append(env, extra...)
}

// Screenshot takes a picture of the whole screen (import -window root).
func (d *Display) Screenshot() (image.Image, error) {
	cmd := exec.Command("import", "-display", d.Name, "-window", "root", "png:-")
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("import: %w: %s", err, errs.Bytes())
	}
	return png.Decode(&out)
}

// Keys types keys (xdotool names: Right, q) into the window under the
// pointer, which it first moves to (x, y). Without a window manager the
// window under the pointer has the focus.
func (d *Display) Keys(x, y int, keys ...string) error {
	args := append([]string{"mousemove", strconv.Itoa(x), strconv.Itoa(y), "key", "--delay", "60"}, keys...)
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+d.Name)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("xdotool: %w: %s", err, out)
	}
	return nil
}

// Start runs argv on the display with env, in a process group of its
// own; stop it with Stop.
func (d *Display) Start(env []string, log *bytes.Buffer, argv ...string) (*exec.Cmd, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", argv[0], err)
	}
	return cmd, nil
}

// Stop ends a program Start started, and everything it started, and
// waits for it.
func Stop(cmd *exec.Cmd) {
	if cmd == nil || cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
}
