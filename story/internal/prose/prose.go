// Package prose holds what more than one reader knows of prose lines and
// is not the model: credit and page-chrome lines, a caption's first words,
// picture alt text, Markdown escaping and lazily compiled patterns. The
// text gallery reader, the deck reader and the web reader each meet credit
// lines and chrome; one copy of that grammar lives here rather than a copy
// in each reader, or an export from one reader that the others import.
package prose

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

var chromeRe = LazyRegexp(`(?i)^(read in app|open in app|advertisement|ad|sponsored|share|share this( article| story)?|share (?:on|via) \S+|about this content|story continues below( this ad(vertisement)?)?|continue reading|read more|click here\b.*|tap here\b.*|also read\s*[:-].*|read more\s*[:-].*|related\s*:.*|follow us( on\b.*)?|download (the )?app|get the app|subscribe( now| to\b.*)?|sign up\b.*|\d+\s*/\s*\d+|next|previous|prev|comments?|skip ad|loading\.*|purchase licensing rights(?:,? opens new tab)?)$`)

var creditRe = LazyRegexp(`(?i)^\(?\s*(?:(?:(?:(?:photo(?:graph)?|picture|image)\s+)?credits?|photo(?:graph)?s?|pictures?|pics?|images?|courtesy|video)\s*(?:by\b|:|-|–|—)\s*\S.*|©\s*\S.*|(?:ap|afp|reuters|pti|ani|ians|epa|xinhua|getty images|bloomberg|ap photo\b.*)|(?:file )?photo\s*/\s*\S.*|reuters\s*/\s*\S.*)\)?$`)

// LazyRegexp compiles expr the first time it is needed.
func LazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// creditStarts are how credit lines start, lower-cased, tried before the
// regular expression because most lines are not credits.
var creditStarts = []string{"photo", "pic", "image", "credit", "courtesy", "video", "©", "ap", "afp", "reuters", "pti", "ani", "ians", "epa", "xinhua", "getty", "bloomberg", "file photo"}

// IsCreditLine reports whether line is a picture's credit ("Photo: AP",
// "(Reuters)", "REUTERS/Jane Doe").
func IsCreditLine(line string) bool {
	if len(line) > 400 {
		return false
	}
	t := strings.TrimLeft(line, "( ")
	return HasFoldPrefix(t, creditStarts) && RuneLen(line) <= 100 && creditRe().MatchString(line)
}

// chromeStarts are how page chrome lines start, lower-cased.
var chromeStarts = []string{"read", "open in", "advert", "ad", "sponsored", "share", "story continues", "continue", "click", "tap", "also", "related", "follow", "subscribe", "sign up", "download", "get the", "next", "prev", "comment", "skip", "loading", "about this", "purchase"}

// IsChromeLine reports whether line is page chrome copied with the story
// ("Read in App", "Advertisement", "3/12", Reuters' "Purchase Licensing
// Rights" under each photo).
func IsChromeLine(line string) bool {
	if len(line) > 120 || line == "" {
		return false
	}
	return (HasFoldPrefix(line, chromeStarts) || (line[0] >= '0' && line[0] <= '9')) && chromeRe().MatchString(line)
}

// HasFoldPrefix reports whether s starts with one of prefixes, ignoring
// ASCII case.
func HasFoldPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// CreditText returns a credit line without the space and brackets around
// it.
func CreditText(line string) string {
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "(") && strings.HasSuffix(line, ")") {
		line = strings.TrimSpace(line[1 : len(line)-1])
	}
	return line
}

// captionWords is how many words of a text FirstWords takes.
const captionWords = 8

// FirstWords names a page that has no caption by its first words: its
// first sentence if that is short, else its first few words and "…".
func FirstWords(text string) string {
	words := strings.Fields(text)
	var b strings.Builder
	for i, w := range words {
		if i == captionWords || (i > 0 && RuneLen(b.String())+1+RuneLen(w) > 60) {
			return b.String() + "…"
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		if RuneLen(w) > 40 {
			// A long run without spaces: a URL, or a script written
			// without them. A word is never cut in the middle: a
			// later one is left out, and a first one is cut only
			// where it breaks (a script without spaces, a URL's "/").
			if i > 0 {
				return b.String() + "…"
			}
			return cutLongWord(w) + "…"
		}
		b.WriteString(w)
		if last, _ := utf8.DecodeLastRuneInString(w); strings.ContainsRune(".!?…。！？।॥؟", last) {
			break
		}
	}
	return b.String()
}

// cutLongWord shortens a run of text with no spaces to about 30
// characters: in a script written without spaces anywhere, elsewhere only
// after a break such as "/", "-" or ".", and not at all if it has none.
func cutLongWord(w string) string {
	r := []rune(w)
	if IsWide(r[0]) || !unicode.In(r[0], unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Common) {
		return string(r[:30])
	}
	for i := min(40, len(r)-1); i >= 10; i-- {
		if strings.ContainsRune("/-._?&=#", r[i]) {
			return string(r[:i+1])
		}
	}
	return w
}

// RuneLen returns the number of characters of s.
func RuneLen(s string) int { return utf8.RuneCountInString(s) }

// IsWide reports whether r is of a script written without spaces
// between words (CJK), or a wide form.
func IsWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// JoinNonEmpty joins a and b with a comma, leaving out an empty one.
func JoinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ", " + b
}
