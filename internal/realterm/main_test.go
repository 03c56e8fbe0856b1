package realterm

import (
	"fmt"
	"os"
	"testing"
)

// probeEnv names the file a test binary started inside a terminal writes
// the terminal's answers to, as JSON, instead of running the tests.
const probeEnv = "REEL_REALTERM_PROBE"

func TestMain(m *testing.M) {
	if out := os.Getenv(probeEnv); out != "" {
		os.Exit(runProbe(out))
	}
	os.Exit(m.Run())
}

// runProbe asks the terminal the test binary runs in what it can do.
func runProbe(out string) int {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err == nil {
		var a Answers
		a, err = Probe(tty)
		if err == nil {
			err = WriteAnswers(out, a)
		}
		tty.Close()
	}
	if err != nil {
		_ = os.WriteFile(out+".err", []byte(err.Error()), 0o644)
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}
