package servetest

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// RequireSSH skips the test when the system's ssh or ssh-keygen is
// missing, except under CI, where the end-to-end tests must run.
func RequireSSH(tb testing.TB) {
	tb.Helper()
	for _, tool := range []string{"ssh", "ssh-keygen"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				tb.Fatalf("no %s on this CI machine", tool)
			}
			tb.Skipf("no %s on this machine", tool)
		}
	}
}

// SSHKeygen makes a key pair with ssh-keygen in dir and returns the
// private key's path (the public one is beside it, .pub).
func SSHKeygen(tb testing.TB, dir, name string) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path).CombinedOutput(); err != nil {
		tb.Fatalf("ssh-keygen: %v: %s", err, out)
	}
	return path
}

// sshArgs are the arguments that make ssh log in to addr as viewer with
// key alone, asking nothing and trusting the test's host key; extra come
// before the host (options), command after it.
func sshArgs(addr, key string, extra []string) []string {
	return sshArgsBatch(addr, key, true, extra)
}

// sshArgsBatch is sshArgs, asking nothing only if batch.
func sshArgsBatch(addr, key string, batch bool, extra []string) []string {
	host, port, _ := net.SplitHostPort(addr)
	args := []string{"-F", "/dev/null", "-p", port, "-o", "BatchMode=" + map[bool]string{true: "yes", false: "no"}[batch],
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"}
	if key != "" {
		args = append(args, "-i", key, "-o", "IdentitiesOnly=yes")
	}
	return append(append(args, extra...), "viewer@"+host)
}

// SSHResult is how a run of ssh ended.
type SSHResult struct {
	Stdout, Stderr string
	Code           int
}

// RunSSH runs ssh without a terminal of its own: options go before the
// host, command (if any) after it.
func RunSSH(tb testing.TB, addr, key string, options []string, command ...string) SSHResult {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*Wait)
	defer cancel()
	cmd := exec.CommandContext(ctx, "ssh", append(sshArgs(addr, key, options), command...)...)
	var stdout, stderr Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, &stdout, &stderr
	err := cmd.Run()
	return SSHResult{Stdout: stdout.String(), Stderr: stderr.String(), Code: exitCode(tb, err)}
}

// PasswordSSH has ssh log in to addr with password and nothing else:
// ssh asks an askpass program of the test's for it (SSH_ASKPASS_REQUIRE,
// OpenSSH 8.4 on), so the password really goes to the server.
func PasswordSSH(tb testing.TB, addr, password string) SSHResult {
	tb.Helper()
	askpass := filepath.Join(tb.TempDir(), "askpass")
	if err := os.WriteFile(askpass, []byte("#!/bin/sh\necho '"+password+"'\n"), 0o700); err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*Wait)
	defer cancel()
	options := []string{"-tt", "-o", "PubkeyAuthentication=no", "-o", "KbdInteractiveAuthentication=no",
		"-o", "PreferredAuthentications=password", "-o", "NumberOfPasswordPrompts=1"}
	cmd := exec.CommandContext(ctx, "ssh", sshArgsBatch(addr, "", false, options)...)
	cmd.Env = append(os.Environ(), "SSH_ASKPASS="+askpass, "SSH_ASKPASS_REQUIRE=force", "DISPLAY=:0")
	var stdout, stderr Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return SSHResult{Stdout: stdout.String(), Stderr: stderr.String(), Code: exitCode(tb, err)}
}

func exitCode(tb testing.TB, err error) int {
	tb.Helper()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitCode()
	}
	tb.Fatalf("ssh: %v", err)
	return -1
}

// SSHScreen is the system's ssh client in a terminal of its own, 80×24,
// as a person runs it; what it shows is read through a virtual terminal.
type SSHScreen struct {
	tb     testing.TB
	emu    *vt.SafeEmulator
	tty    *os.File
	Stderr *Buffer
	done   chan error
}

// OpenSSH starts ssh to addr with key in a terminal of its own.
func OpenSSH(tb testing.TB, addr, key string, options ...string) *SSHScreen {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*Wait)
	cmd := exec.CommandContext(ctx, "ssh", sshArgs(addr, key, options)...)
	sc := &SSHScreen{tb: tb, emu: vt.NewSafeEmulator(80, 24), Stderr: &Buffer{}, done: make(chan error, 1)}
	cmd.Stderr = sc.Stderr
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		cancel()
		tb.Fatal(err)
	}
	sc.tty = tty
	go func() { _, _ = io.Copy(sc.emu, tty) }()
	go func() { _, _ = io.Copy(tty, sc.emu) }() // the terminal's answers
	go func() { sc.done <- cmd.Wait() }()
	tb.Cleanup(func() {
		cancel()
		_ = tty.Close()
		// The emulator is not closed: vt's Close writes a field its Read
		// (the answers' goroutine, blocked on it) reads unlocked, a race
		// the detector reports. That goroutine ends with the test binary.
	})
	return sc
}

// Text is the screen as plain text.
func (sc *SSHScreen) Text() string { return ansi.Strip(sc.emu.Render()) }

// WaitFor waits until the screen shows text.
func (sc *SSHScreen) WaitFor(text string) {
	sc.tb.Helper()
	deadline := time.Now().Add(Wait)
	for time.Now().Before(deadline) {
		if strings.Contains(sc.Text(), text) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	sc.tb.Fatalf("ssh's screen never showed %q:\n%s\nstderr: %s", text, sc.Text(), sc.Stderr.String())
}

// Send types keys.
func (sc *SSHScreen) Send(keys string) {
	sc.tb.Helper()
	if _, err := io.WriteString(sc.tty, keys); err != nil {
		sc.tb.Fatal(err)
	}
}

// Exit waits for ssh to end and returns its exit status.
func (sc *SSHScreen) Exit() int {
	sc.tb.Helper()
	select {
	case err := <-sc.done:
		return exitCode(sc.tb, err)
	case <-time.After(Wait):
		sc.tb.Fatalf("ssh did not end:\n%s", sc.Text())
	}
	return -1
}
