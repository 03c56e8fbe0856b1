package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// ownInitBudget is the most a package of reel's own may allocate before
// main starts. Every story pays for what package initialisation builds,
// whatever its format: the credit, web and slide patterns compiled at
// start-up once took 418 KB and half a millisecond, for stories that
// mostly never use them. Patterns compile on first use (lazyRegexp).
const ownInitBudget = 64 << 10

var initLine = regexp.MustCompile(`^init (\S+) @\S+ ms, \S+ ms clock, (\d+) bytes, (\d+) allocs$`)

func TestOwnPackagesInitCheaply(t *testing.T) {
	t.Parallel()
	r := reelEnv(t, []string{"GODEBUG=inittrace=1"}, "--version")
	if r.code != 0 {
		t.Fatalf("reel --version: exit %d\n%s", r.code, r.stderr)
	}
	seen := 0
	for line := range strings.SplitSeq(r.stderr, "\n") {
		m := initLine.FindStringSubmatch(line)
		if m == nil || !strings.HasPrefix(m[1], "github.com/reeltui/reel") {
			continue
		}
		seen++
		if n, _ := strconv.Atoi(m[2]); n > ownInitBudget {
			t.Errorf("%s allocates %d bytes (%s allocations) before main; the budget is %d", m[1], n, m[3], ownInitBudget)
		}
	}
	if seen == 0 {
		t.Fatalf("no init trace of reel's own packages in:\n%s", r.stderr)
	}
}
