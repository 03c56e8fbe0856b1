package realterm

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"io"
	"net"
	"strings"
	"time"
)

// Grabber reads parts of an X screen straight from the server, a few
// milliseconds a time: fast enough to time what a key puts on screen,
// which `import` (a process and a PNG a time) is not. It speaks the two
// requests of the core X protocol it needs, over the display's Unix
// socket, with no authorisation (Xvfb started by this package allows
// local connections).
type Grabber struct {
	conn net.Conn
	r    *bufio.Reader
	root uint32
	buf  []byte
}

// Grab connects to the display named like ":90".
func (d *Display) Grab() (*Grabber, error) {
	conn, err := net.DialTimeout("unix", "/tmp/.X11-unix/X"+strings.TrimPrefix(d.Name, ":"), 5*time.Second)
	if err != nil {
		return nil, fmt.Errorf("x11: %w", err)
	}
	g := &Grabber{conn: conn, r: bufio.NewReaderSize(conn, 1<<16)}
	if err := g.setup(); err != nil {
		conn.Close()
		return nil, err
	}
	return g, nil
}

// Close ends the connection.
func (g *Grabber) Close() { g.conn.Close() }

// setup sends the connection setup (little-endian, protocol 11.0, no
// authorisation) and reads the root window of the first screen.
func (g *Grabber) setup() error {
	req := []byte{'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	if _, err := g.conn.Write(req); err != nil {
		return fmt.Errorf("x11 setup: %w", err)
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(g.r, head); err != nil {
		return fmt.Errorf("x11 setup: %w", err)
	}
	body := make([]byte, int(binary.LittleEndian.Uint16(head[6:]))*4)
	if _, err := io.ReadFull(g.r, body); err != nil {
		return fmt.Errorf("x11 setup: %w", err)
	}
	if head[0] != 1 {
		return errors.New("x11 setup refused: " + string(body))
	}
	vendor := int(binary.LittleEndian.Uint16(body[16:]))
	formats := int(body[21])
	at := 32 + (vendor+3)/4*4 + formats*8
	if len(body) < at+4 {
		return errors.New("x11 setup: short reply")
	}
	g.root = binary.LittleEndian.Uint32(body[at:])
	return nil
}

// Rect reads r of the root window (GetImage, ZPixmap) as an RGBA image.
// It assumes the 24-bit depth with 32 bits a pixel that StartDisplay
// asks Xvfb for.
func (g *Grabber) Rect(r image.Rectangle) (*image.RGBA, error) {
	req := make([]byte, 20)
	req[0], req[1] = 73, 2 // GetImage, ZPixmap
	binary.LittleEndian.PutUint16(req[2:], 5)
	binary.LittleEndian.PutUint32(req[4:], g.root)
	binary.LittleEndian.PutUint16(req[8:], uint16(r.Min.X))
	binary.LittleEndian.PutUint16(req[10:], uint16(r.Min.Y))
	binary.LittleEndian.PutUint16(req[12:], uint16(r.Dx()))
	binary.LittleEndian.PutUint16(req[14:], uint16(r.Dy()))
	binary.LittleEndian.PutUint32(req[16:], 0xFFFFFFFF)
	if _, err := g.conn.Write(req); err != nil {
		return nil, fmt.Errorf("x11: %w", err)
	}
	head := make([]byte, 32)
	for {
		if _, err := io.ReadFull(g.r, head); err != nil {
			return nil, fmt.Errorf("x11: %w", err)
		}
		if head[0] == 1 {
			break
		}
		if head[0] == 0 {
			return nil, fmt.Errorf("x11 GetImage: error %d", head[1])
		}
		// An event every client gets (MappingNotify, when xdotool
		// maps a key): 32 bytes, skipped.
	}
	n := int(binary.LittleEndian.Uint32(head[4:])) * 4
	if cap(g.buf) < n {
		g.buf = make([]byte, n)
	}
	data := g.buf[:n]
	if _, err := io.ReadFull(g.r, data); err != nil {
		return nil, fmt.Errorf("x11: %w", err)
	}
	img := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	if n < r.Dx()*r.Dy()*4 {
		return nil, fmt.Errorf("x11 GetImage: %d bytes for %v", n, r)
	}
	for i := 0; i+3 < len(img.Pix) && i+3 < n; i += 4 {
		// BGRX, least significant byte first.
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = data[i+2], data[i+1], data[i], 0xFF
	}
	return img, nil
}
