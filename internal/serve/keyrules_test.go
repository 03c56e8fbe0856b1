package serve

import (
	"net/netip"
	"strings"
	"testing"
	"time"
)

func TestFromMatches(t *testing.T) {
	tests := []struct {
		list, addr string
		want       bool
	}{
		{"127.0.0.1", "127.0.0.1", true},
		{"127.0.0.2", "127.0.0.1", false},
		{"127.0.0.*", "127.0.0.1", true},
		{"127.0.0.?", "127.0.0.1", true},
		{"127.0.0.?", "127.0.0.10", false},
		{"10.0.0.0/8", "127.0.0.1", false},
		{"10.0.0.0/8", "10.200.3.4", true},
		{"127.0.0.0/8", "127.9.9.9", true},
		{"!127.0.0.1,*", "127.0.0.1", false},
		{"!127.0.0.1,*", "127.0.0.2", true},
		{"*,!127.0.0.0/24", "127.0.0.9", false},
		{"!10.0.0.1", "127.0.0.1", false}, // a negation alone lets no one in
		{"*", "::1", true},
		{"::1", "::1", true},
		{"fe80::/10", "fe80::1", true},
		{"fe80::/10", "::1", false},
		{"127.0.0.1", "::ffff:127.0.0.1", true},
		{"*.example.com", "127.0.0.1", false},
		{"localhost", "127.0.0.1", false},
		{"!localhost,127.0.0.1", "127.0.0.1", true}, // a name never matches, negated or not
		{"127.0.0.[1]", "127.0.0.1", false},         // [ ] are no pattern to sshd
	}
	for _, tt := range tests {
		patterns, _, err := parseFrom(tt.list)
		if err != nil {
			t.Fatalf("%s: %v", tt.list, err)
		}
		if got := fromMatches(patterns, netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("from=%q against %s: %v, want %v", tt.list, tt.addr, got, tt.want)
		}
	}
	if fromMatches([]string{"*"}, netip.Addr{}) {
		t.Error("a connection without an address matched *")
	}
}

func TestParseRule(t *testing.T) {
	r, names, err := parseRule([]string{`from="10.0.0.0/8,*.example.com"`, "no-pty", `expiry-time="20300102Z"`, "restrict", `command="ls"`})
	if err != nil {
		t.Fatal(err)
	}
	if !names || !r.noPty || len(r.from) != 2 || !r.expiry.Equal(time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("rule %+v, names %v", r, names)
	}
	if r, _, _ := parseRule([]string{"no-pty", "pty"}); r.noPty {
		t.Error("pty after no-pty left the key without a terminal")
	}
	if r, _, _ := parseRule([]string{"restrict"}); !r.noPty {
		t.Error("restrict left the key a terminal, as sshd does not")
	}
	if r, _, _ := parseRule([]string{"restrict", "pty"}); r.noPty {
		t.Error("pty after restrict left the key without a terminal")
	}
	if _, names, _ := parseRule([]string{`from="127.0.0.*,::1,*"`}); names {
		t.Error("address patterns taken for host names")
	}
	for opts, want := range map[string]string{
		"no-ptty":                    "unknown option",
		`from="10.1.2.3/8"`:          "beyond its mask",
		`from="10.0.0.0/99"`:         "not address/masklen",
		`from="10.0.0.1,,10.0.0.2"`:  "empty pattern",
		`expiry-time="2030"`:         "YYYYMMDD",
		`expiry-time="20301399"`:     "YYYYMMDD",
		"cert-authority":             "reel does not take certificates",
		`from=10.0.0.1`:              "not in quotes",
		`from="10.0.0.0/8";from="*"`: `multiple "from"`,
	} {
		if _, _, err := parseRule(strings.Split(opts, ";")); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", opts, err, want)
		}
	}
}

// Of several expiry-time= options the earliest holds, as in sshd: a
// later, laxer one does not bring an expired key back.
func TestParseRuleEarliestExpiry(t *testing.T) {
	early := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, opts := range [][]string{
		{`expiry-time="20200101Z"`, `expiry-time="29991231Z"`},
		{`expiry-time="29991231Z"`, `expiry-time="20200101Z"`},
	} {
		r, _, err := parseRule(opts)
		if err != nil {
			t.Fatal(err)
		}
		if !r.expiry.Equal(early) {
			t.Errorf("%v: expiry %v, want %v", opts, r.expiry, early)
		}
		if got := r.judge(netip.MustParseAddr("127.0.0.1"), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); got != refusedExpired {
			t.Errorf("%v in 2026: %v, want refusedExpired", opts, got)
		}
	}
}

// A line with two from= is refused at load, naming the line, as sshd
// refuses it: the last from= must not widen the first.
func TestKeysTwoFromRefused(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	file := keyLine("", alice) + keyLine(`from="10.0.0.0/8",from="*"`, bob)
	_, err := ReadKeys(writeFile(t, "keys", file))
	if err == nil || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), `multiple "from"`) {
		t.Errorf("error %v, want line 2 and multiple \"from\"", err)
	}
}

func TestParseExpiry(t *testing.T) {
	for v, want := range map[string]time.Time{
		"20300102":        time.Date(2030, 1, 2, 0, 0, 0, 0, time.Local),
		"203001021504":    time.Date(2030, 1, 2, 15, 4, 0, 0, time.Local),
		"20300102150405Z": time.Date(2030, 1, 2, 15, 4, 5, 0, time.UTC),
	} {
		got, err := parseExpiry(v)
		if err != nil || !got.Equal(want) {
			t.Errorf("%s: %v %v, want %v", v, got, err, want)
		}
	}
	r := keyRule{expiry: time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)}
	a := netip.MustParseAddr("127.0.0.1")
	if r.judge(a, r.expiry.Add(-time.Second)) != accepted || r.judge(a, r.expiry.Add(time.Second)) != refusedExpired {
		t.Error("expiry-time not kept to the second")
	}
}

func TestLogBudget(t *testing.T) {
	var b logBudget
	now := time.Unix(100, 0)
	for i := range logsPerSecond {
		if _, ok := b.allow(now); !ok {
			t.Fatalf("line %d held back", i)
		}
	}
	if _, ok := b.allow(now); ok {
		t.Fatal("a line past the budget went through")
	}
	b.allow(now)
	if skipped, ok := b.allow(now.Add(time.Second)); !ok || skipped != 2 {
		t.Errorf("next second: ok %v, skipped %d, want 2", ok, skipped)
	}
}

// A key's first line whose options let the connection in decides, as in
// sshd (auth2-pubkeyfile.c stops at it): a no-pty line before a plain
// one leaves the key without a terminal; a line that refuses (from=,
// expiry-time=) passes the word to the next.
func TestKeysFirstLineDecides(t *testing.T) {
	alice := newKey(t)
	from := netip.MustParseAddr("127.0.0.1")
	tests := []struct {
		file string
		want verdict
	}{
		{keyLine("no-pty", alice) + keyLine("", alice), acceptedNoPty},
		{keyLine("", alice) + keyLine("no-pty", alice), accepted},
		{keyLine("restrict", alice) + keyLine("restrict,pty", alice), acceptedNoPty},
		{keyLine(`from="10.0.0.0/8"`, alice) + keyLine("", alice), accepted},
		{keyLine(`expiry-time="20200101"`, alice) + keyLine("no-pty", alice), acceptedNoPty},
		{keyLine(`from="10.0.0.0/8"`, alice) + keyLine(`expiry-time="20200101"`, alice), refusedFrom},
	}
	for _, tt := range tests {
		keys, err := parseKeys(strings.NewReader(tt.file))
		if err != nil {
			t.Fatal(err)
		}
		if got := keys.judge(alice.PublicKey(), from, time.Now()); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.file, got, tt.want)
		}
	}
}
