package page

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Glamour shows a link's address after its text, and resolves a relative
// address against its base URL first, which for reel is none: every
// relative address came out with a leading "/" the author never wrote
// ("docs/guide.md" as "/docs/guide.md", "../x.md" as "/x.md"). Before the
// Markdown is formatted, each relative address is held as a stand-in of
// its own width that Glamour leaves alone (it has a scheme), and given
// back in the formatted text: the address reads as the author wrote it.

// linkDestRe matches where a link's or picture's address stands: after
// "](" in an inline link, or after "]:" in a reference definition. The
// address is group 1.
var linkDestRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:\]\([ \t]*|(?m:^ {0,3}\[[^\]\n]+\]:[ \t]*))([^\s()<>]+)`)
})

// heldLinks is the relative addresses of one text, by their stand-ins.
type heldLinks struct {
	stands []string // stand-in, address, stand-in, address…
}

// holdLinks replaces each relative link address in md with a stand-in.
// An address that is only a fragment ("#top") is left: Glamour shows
// none for it.
func holdLinks(md string) (string, *heldLinks) {
	if !strings.Contains(md, "](") && !strings.Contains(md, "]:") {
		return md, nil
	}
	var held heldLinks
	out := linkDestRe().ReplaceAllStringFunc(md, func(m string) string {
		loc := linkDestRe().FindStringSubmatchIndex(m)
		dest := m[loc[2]:loc[3]]
		if !relativeAddress(dest) {
			return m
		}
		stand := standIn(len(held.stands)/2, len(dest))
		if strings.Contains(md, stand) {
			return m
		}
		held.stands = append(held.stands, stand, unescapeMarkdown(dest))
		return m[:loc[2]] + stand + m[loc[3]:]
	})
	if len(held.stands) == 0 {
		return md, nil
	}
	return out, &held
}

// release gives the held addresses back in formatted text.
func (h *heldLinks) release(out string) string {
	if h == nil {
		return out
	}
	return strings.NewReplacer(h.stands...).Replace(out)
}

// relativeAddress reports whether dest is an address Glamour would
// resolve: one with no scheme that is more than a fragment.
func relativeAddress(dest string) bool {
	u, err := url.Parse(dest)
	if err != nil || u.IsAbs() {
		return false
	}
	return !strings.HasPrefix(dest, "#")
}

// standIn is the stand-in for the nth address of a text, n columns wide
// where it can be: a scheme, the number and "q"s to fill. The "q" after
// the number keeps one stand-in from being the start of another, and
// Glamour's wrapping finds no place to break it.
func standIn(n, width int) string {
	s := "r:" + strconv.Itoa(n) + "q"
	return s + strings.Repeat("q", max(0, width-len(s)))
}
