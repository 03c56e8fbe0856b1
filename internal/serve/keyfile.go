package serve

import (
	"net/netip"
	"os"
	"sync"
	"time"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

// keyFile is an authorized keys file that is read again when it changes
// (its modification time or size), checked on each new connection: a
// key taken out of it is refused from the next connection on, without a
// restart. A file that can no longer be read, or no longer holds keys,
// keeps the last keys read, and the log says so once.
type keyFile struct {
	path string
	log  *log.Logger

	mu     sync.Mutex
	keys   *KeySet
	stamp  fileStamp // of the file the keys were read from
	failed fileStamp // of the last file that could not be read, logged
}

// fileStamp tells whether a file changed since it was last read.
type fileStamp struct {
	mod  time.Time
	size int64
	err  string // why it could not be looked at
}

func stampOf(path string) fileStamp {
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{err: err.Error()}
	}
	return fileStamp{mod: fi.ModTime(), size: fi.Size()}
}

// loadKeyFile reads path's keys; a mistake in it is an error, so that
// the server does not start with a typo.
func loadKeyFile(path string, logger *log.Logger) (*keyFile, error) {
	stamp := stampOf(path)
	keys, err := ReadKeys(path)
	if err != nil {
		return nil, err
	}
	f := &keyFile{path: path, log: logger, keys: keys, stamp: stamp}
	f.logNotes()
	return f, nil
}

// logNotes writes what the log should say once about the keys just
// read.
func (f *keyFile) logNotes() {
	for _, note := range f.keys.Notes {
		f.log.Warn("authorized keys", "file", f.path, "note", note)
	}
}

// refresh reads the file again if it changed since it was last read.
func (f *keyFile) refresh() {
	if f == nil {
		return
	}
	now := stampOf(f.path)
	f.mu.Lock()
	defer f.mu.Unlock()
	if now == f.stamp || (now == f.failed && now.err == f.failed.err) {
		return
	}
	keys, err := ReadKeys(f.path)
	if err != nil {
		f.failed = now
		f.log.Warn("keys not read again: the last ones stay", "file", f.path, "keys", len(f.keys.rules), "error", err)
		return
	}
	f.keys, f.stamp, f.failed = keys, now, fileStamp{}
	f.log.Info("keys read again", "file", f.path, "keys", len(keys.rules))
	f.logNotes()
}

// judge is what the keys last read say of key coming from addr now; a
// nil file lists no key.
func (f *keyFile) judge(key gossh.PublicKey, addr netip.Addr) verdict {
	if f == nil {
		return refusedUnlisted
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.keys.judge(key, addr, time.Now())
}
