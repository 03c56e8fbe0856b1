package page

import (
	"net/url"
	"strings"

	"github.com/reeltui/reel/story"
)

// safeANSI filters rendered text down to what may reach the terminal:
// printable text, newlines, SGR colour and style sequences, and OSC 8
// hyperlinks to http, https and mailto addresses. Everything else (cursor
// movement, OSC titles and clipboard writes, DCS, APC, C0 and C1
// controls) is dropped whole. Glamour and Lip Gloss pass such sequences
// through, so their output goes through here before it is shown.
func safeANSI(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != 0x1B {
			j := i
			for j < len(s) && s[j] != 0x1B {
				j++
			}
			b.WriteString(story.Clean(s[i:j]))
			i = j
			continue
		}
		if i+1 >= len(s) {
			break
		}
		switch s[i+1] {
		case '[':
			end := csiEnd(s, i+2)
			if end > 0 && s[end-1] == 'm' && isSGRParams(s[i+2:end-1]) {
				b.WriteString(s[i:end])
			}
			if end < 0 {
				return b.String()
			}
			i = end
		case ']':
			body, end := oscBody(s, i+2)
			if uri, ok := strings.CutPrefix(body, "8;"); ok {
				if _, target, found := strings.Cut(uri, ";"); found && safeLink(target) {
					b.WriteString("\x1b]" + story.Clean(body) + "\x1b\\")
				}
			}
			i = end
		case 'P', 'X', '^', '_':
			_, end := oscBody(s, i+2)
			i = end
		default:
			i += 2
		}
	}
	return b.String()
}

// csiEnd returns the index just past the final byte of the CSI sequence
// whose parameters start at i, or -1 if it never ends.
func csiEnd(s string, i int) int {
	for ; i < len(s); i++ {
		if c := s[i]; c >= 0x40 && c <= 0x7E {
			return i + 1
		} else if c < 0x20 || c > 0x3F && c < 0x40 {
			return i
		}
	}
	return -1
}

func isSGRParams(p string) bool {
	for i := 0; i < len(p); i++ {
		if c := p[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// oscBody returns the body of a string sequence starting at i and the
// index just past its terminator (BEL or ST).
func oscBody(s string, i int) (string, int) {
	for j := i; j < len(s); j++ {
		switch s[j] {
		case 0x07:
			return s[i:j], j + 1
		case 0x1B:
			if j+1 < len(s) && s[j+1] == '\\' {
				return s[i:j], j + 2
			}
			return s[i:j], j + 1
		}
	}
	return s[i:], len(s)
}

// safeLink reports whether a hyperlink target may be clickable: an empty
// target closes a link, and only web and mail addresses open one.
func safeLink(target string) bool {
	if target == "" {
		return true
	}
	u, err := url.Parse(target)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto":
		return true
	}
	return false
}
