package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// maxKeyFile bounds what is read as a key file.
const maxKeyFile = 1 << 20

// HostKey loads the server's private key from path, or makes an ed25519
// one there (mode 0600, in a 0700 directory) when there is none. A key
// that others can read is refused, as OpenSSH refuses it.
func HostKey(path string) (gossh.Signer, error) {
	if err := makeHostKey(path); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("host key %s: %w", path, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	if !info.Mode().IsRegular() || info.Size() > maxKeyFile {
		return nil, fmt.Errorf("host key %s: not a key file", path)
	}
	if info.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("host key %s can be read by others (mode %04o): chmod 600 it", path, info.Mode().Perm())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, nil
}

// makeHostKey writes a new ed25519 key to path unless a file is there.
func makeHostKey(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err == nil {
		var block *pem.Block
		block, err = gossh.MarshalPrivateKey(priv, "reel serve host key")
		if err == nil {
			_, err = f.Write(pem.EncodeToMemory(block))
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
	}
	return err
}

// Fingerprint is a key's SHA256 fingerprint as ssh prints it.
func Fingerprint(key gossh.PublicKey) string {
	if key == nil {
		return ""
	}
	return gossh.FingerprintSHA256(key)
}
