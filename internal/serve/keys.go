package serve

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"

	gossh "golang.org/x/crypto/ssh"
)

// maxKeys bounds an authorized keys file.
const maxKeys = 10000

// KeySet is a set of public keys, as listed in an authorized_keys file.
type KeySet map[string]bool

// Has tells whether key is in the set.
func (s KeySet) Has(key gossh.PublicKey) bool {
	return key != nil && s[string(key.Marshal())]
}

// ReadKeys reads an OpenSSH authorized_keys file. A line that is not a key
// is an error naming the line, so that a typo does not lock someone out
// in silence.
func ReadKeys(path string) (KeySet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	defer f.Close()
	keys, err := parseKeys(io.LimitReader(f, maxKeyFile))
	if err != nil {
		return nil, fmt.Errorf("authorized keys %s: %w", path, err)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("authorized keys %s: no key in it", path)
	}
	return keys, nil
}

func parseKeys(r io.Reader) (KeySet, error) {
	keys := KeySet{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxKeyFile)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("line %d is not a public key", n)
		}
		if len(keys) == maxKeys {
			return nil, fmt.Errorf("more than %d keys", maxKeys)
		}
		keys[string(key.Marshal())] = true
	}
	return keys, sc.Err()
}
