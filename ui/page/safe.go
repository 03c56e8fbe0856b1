package page

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

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
		if s[i] != ansi.ESC {
			j := strings.IndexByte(s[i:], ansi.ESC)
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(story.Clean(s[i : i+j]))
			i += j
			continue
		}
		// x/ansi's parser ends a sequence where a byte breaks its
		// grammar, so the text after a malformed one is kept; a sequence
		// that never ends is dropped with all that is left.
		n, ok := sequenceLen(s[i:])
		if !ok {
			break
		}
		writeSafeSequence(&b, s[i:i+n])
		i += max(n, 1)
	}
	return b.String()
}

// sequenceLen returns the length of the escape sequence at the start of
// s, as x/ansi's parser reads it, or false if it never ends. The parser
// takes the byte 0x9C for the 8-bit string terminator, but in UTF-8 text
// it is the last byte of a character (Ŝ is C5 9C), which a hyperlink's
// address may hold: there the string goes on.
func sequenceLen(s string) (int, bool) {
	_, _, n, state := ansi.DecodeSequence(s, ansi.NormalState, nil)
	for state == ansi.NormalState && endsInCharacter(s[:n]) {
		_, _, m, st := ansi.DecodeSequence(s[n:], ansi.StringState, nil)
		// Carried on without its introducer, the parser no longer
		// knows an OSC string, which a BEL also ends.
		if bel := strings.IndexByte(s[n:n+m], '\a'); bel >= 0 && ansi.HasOscPrefix(s) {
			return n + bel + 1, true
		}
		n, state = n+m, st
	}
	return n, state == ansi.NormalState
}

// endsInCharacter reports whether seq ends with 0x9C as the last byte of
// a UTF-8 character.
func endsInCharacter(seq string) bool {
	if seq == "" || seq[len(seq)-1] != 0x9C {
		return false
	}
	r, size := utf8.DecodeLastRuneInString(seq)
	return r != utf8.RuneError && size > 1
}

// writeSafeSequence writes seq, one whole escape sequence, if it is an
// SGR sequence or an OSC 8 hyperlink to a safe target, and drops it
// otherwise.
func writeSafeSequence(b *strings.Builder, seq string) {
	switch {
	case ansi.HasCsiPrefix(seq):
		if len(seq) > 2 && seq[len(seq)-1] == 'm' && isSGRParams(seq[2:len(seq)-1]) {
			b.WriteString(seq)
		}
	case ansi.HasOscPrefix(seq):
		body := seq[2:]
		for _, st := range []string{"\x1b\\", "\a", "\x9c"} { // ST, BEL, 8-bit ST
			if b, ok := strings.CutSuffix(body, st); ok {
				body = b
				break
			}
		}
		if uri, ok := strings.CutPrefix(body, "8;"); ok {
			if _, target, found := strings.Cut(uri, ";"); found && safeLink(target) {
				b.WriteString("\x1b]" + story.Clean(body) + "\x1b\\")
			}
		}
	}
}

func isSGRParams(p string) bool {
	for i := 0; i < len(p); i++ {
		if c := p[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
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
