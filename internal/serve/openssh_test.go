package serve

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

	"github.com/creack/pty"

	"github.com/reeltui/reel/internal/serve/servetest"
)

// openSSH runs the system's ssh client against addr with key, and returns
// its standard output, standard error and exit status. Once its output
// shows seen (if given), it types q.
func openSSH(t *testing.T, addr, key, seen string, args ...string) (string, string, int) {
	t.Helper()
	host, port, _ := net.SplitHostPort(addr)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	base := []string{"-F", "/dev/null", "-p", port, "-i", key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
		"-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no", "viewer@" + host}
	cmd := exec.CommandContext(ctx, "ssh", append(base, args...)...)
	var stdout, stderr servetest.Buffer
	cmd.Stderr = &stderr
	if seen == "" {
		cmd.Stdout = &stdout
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
	} else {
		// A terminal of its own, 80×24, as a person's ssh has.
		tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
		if err != nil {
			t.Fatal(err)
		}
		defer tty.Close()
		go func() { _, _ = io.Copy(&stdout, tty) }()
		for !strings.Contains(stdout.String(), seen) && ctx.Err() == nil {
			time.Sleep(10 * time.Millisecond)
		}
		_, _ = tty.Write([]byte("q"))
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return stdout.String(), stderr.String(), 0
	case errors.As(err, &exit):
		return stdout.String(), stderr.String(), exit.ExitCode()
	}
	t.Fatalf("ssh: %v", err)
	return "", "", -1
}

// sshKeygen makes a key pair with ssh-keygen in dir and returns the
// private key's path (the public one is beside it, .pub).
func sshKeygen(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v: %s", err, out)
	}
	return path
}

// The system's OpenSSH client: a listed key reads (a forced terminal,
// q to leave), an unlisted key is refused, and a command gets nothing.
func TestOpenSSHClient(t *testing.T) {
	for _, tool := range []string{"ssh", "ssh-keygen"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s on this machine", tool)
		}
	}
	dir := t.TempDir()
	listed, unlisted := sshKeygen(t, dir, "listed"), sshKeygen(t, dir, "unlisted")
	pub, err := os.ReadFile(listed + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	keys := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(keys, pub, 0o600); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, Options{AuthorizedKeys: keys}, newPages)

	out, errOut, code := openSSH(t, srv.addr, listed, "hello viewer")
	if code != 0 || !strings.Contains(out, "hello viewer") {
		t.Errorf("a listed key: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	_, errOut, code = openSSH(t, srv.addr, unlisted, "", "-tt")
	if code != 255 || !strings.Contains(errOut, "Permission denied") {
		t.Errorf("an unlisted key: exit %d, stderr %q", code, errOut)
	}
	out, errOut, code = openSSH(t, srv.addr, listed, "", "cat", "/etc/passwd")
	if code != 1 || strings.TrimSpace(errOut) != NeedsTerminal || out != "" {
		t.Errorf("ssh host cat /etc/passwd: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, errOut, code = openSSH(t, srv.addr, listed, "", "-T")
	if code != 1 || strings.TrimSpace(errOut) != NeedsTerminal || out != "" {
		t.Errorf("ssh -T host: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
