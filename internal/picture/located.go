package picture

import (
	"bytes"
	"context"
	"io"
	"strings"
)

// located is a picture found but not yet read: a local file, read only
// once its decode may start, so that pictures waiting their turn hold no
// memory; or bytes already read (a download, a data: URI).
type located struct {
	path string // a local file's real path; "" for data
	size int64  // its size when it was found
	data []byte
}

// locate finds the picture src names, as Read would read it, reading
// only what is not a local file.
func (o Origin) locate(ctx context.Context, src string) (located, error) {
	src = strings.TrimSpace(src)
	if !o.localPicture(src) {
		data, err := o.Read(ctx, src)
		return located{data: data, size: int64(len(data))}, err
	}
	real, err := o.localPath(src)
	if err != nil {
		return located{}, err
	}
	f, size, err := openFile(real)
	if err != nil {
		return located{}, err
	}
	f.Close()
	return located{path: real, size: size}, nil
}

// cost reads the picture's header and estimates its decode.
func (p located) cost() (cost, error) {
	if p.path == "" {
		return decodeCost(bytes.NewReader(p.data))
	}
	f, _, err := openFile(p.path)
	if err != nil {
		return cost{}, err
	}
	defer f.Close()
	return decodeCost(io.NewSectionReader(f, 0, MaxFileBytes))
}

// bytes reads the picture.
func (p located) bytes() ([]byte, error) {
	if p.path == "" {
		return p.data, nil
	}
	return readFile(p.path)
}

// Check returns why the local or data: picture src would be refused
// before its decode (not found, not in the story's folder, too large to
// decode…), or "" if it would be decoded; a web picture is not
// downloaded to be checked, and returns "". It reads the header only.
func (o Origin) Check(src string) string {
	src = strings.TrimSpace(src)
	isData := len(src) > 5 && strings.EqualFold(src[:5], "data:")
	if !isData && !o.localPicture(src) {
		return ""
	}
	p, err := o.locate(context.Background(), src)
	if err != nil {
		return Reason(err)
	}
	c, err := p.cost()
	if err != nil {
		return Reason(err)
	}
	if err := c.tooLarge(DecodeBudget - p.size); err != nil {
		return Reason(err)
	}
	return ""
}
