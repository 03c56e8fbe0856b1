package serve

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// maxKeys bounds an authorized keys file.
const maxKeys = 10000

// KeySet is the keys an authorized_keys file lists, each with the rules
// of its lines (from=, expiry-time=, no-pty).
type KeySet struct {
	rules map[string][]keyRule
	// Notes are what the log should say once about the file: lines
	// skipped, patterns that can never match.
	Notes []string
}

// Has tells whether key is listed, whatever its rules say.
func (s *KeySet) Has(key gossh.PublicKey) bool {
	return s != nil && key != nil && len(s.rules[string(key.Marshal())]) > 0
}

// judge is what key's lines say of a connection from addr at now: the
// first line that lets it in decides, no-pty and all, as in sshd
// (auth2-pubkeyfile.c stops at the first line whose options pass, and
// goes on to the next only when one refuses). If every line refuses, the
// refusal is the one that says most.
func (s *KeySet) judge(key gossh.PublicKey, addr netip.Addr, now time.Time) verdict {
	if s == nil || key == nil {
		return refusedUnlisted
	}
	refusal := refusedUnlisted
	for _, r := range s.rules[string(key.Marshal())] {
		v := r.judge(addr, now)
		if v >= acceptedNoPty {
			return v
		}
		refusal = max(refusal, v)
	}
	return refusal
}

// ReadKeys reads an OpenSSH authorized_keys file. A line that is not a key
// is an error naming the line, so that a typo does not lock someone out
// in silence.
func ReadKeys(path string) (*KeySet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	defer f.Close()
	keys, err := parseKeys(io.LimitReader(f, maxKeyFile))
	if err != nil {
		return nil, fmt.Errorf("authorized keys %s: %w", path, err)
	}
	if len(keys.rules) == 0 {
		return nil, fmt.Errorf("authorized keys %s: no key in it", path)
	}
	return keys, nil
}

func parseKeys(r io.Reader) (*KeySet, error) {
	keys := &KeySet{rules: map[string][]keyRule{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxKeyFile)
	lines := 0
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, options, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("line %d is not a public key", n)
		}
		rule, names, err := parseRule(options)
		switch {
		case errors.Is(err, errCertAuthority):
			keys.Notes = append(keys.Notes, fmt.Sprintf("line %d: %v", n, err))
			continue
		case err != nil:
			return nil, fmt.Errorf("line %d: %w", n, err)
		case names:
			keys.Notes = append(keys.Notes, fmt.Sprintf("line %d: from= names a host; reel looks up no names, so only its address patterns can match", n))
		}
		if lines == maxKeys {
			return nil, fmt.Errorf("more than %d keys", maxKeys)
		}
		lines++
		id := string(key.Marshal())
		keys.rules[id] = append(keys.rules[id], rule)
	}
	return keys, sc.Err()
}
