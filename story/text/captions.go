package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reeltui/reel/story/internal/prose"
)

// How a gallery tells its caption lines from the lines of its body.

// isCaptionBlock reports whether block i is a caption: a single short
// line, then a paragraph. loose also accepts a caption with a final
// period, for galleries that are known to have captions.
func isCaptionBlock(blocks []textBlock, i int, loose bool) bool {
	b := blocks[i]
	if b.kind != blockPara || len(b.lines) != 1 || !captionLike(b.lines[0], loose) {
		return false
	}
	next := i + 1
	for next < len(blocks) && blocks[next].kind == blockCredit {
		next++
	}
	if next >= len(blocks) || blocks[next].kind != blockPara {
		return false
	}
	// The paragraph that follows must not itself be a caption-like line:
	// two short lines in a row are more likely a list or a quote.
	nb := blocks[next]
	return len(nb.lines) > 1 || !captionLike(nb.lines[0], false) || prose.RuneLen(nb.lines[0]) > 2*prose.RuneLen(b.lines[0]) ||
		endsLikeBody(nb.lines[0])
}

// endsLikeBody reports whether a short line that has no final terminator
// still ends as a sentence of body text does, not as a caption or a list
// item: in a closing bracket, an emoji, a year or a hanging dash, with
// four words or more ("The sky lit up for an hour 👍🏽").
func endsLikeBody(line string) bool {
	if countWords(line, 4) < 4 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch {
	case strings.ContainsRune(")]）", last), isTrailingSymbol(last):
		return true
	case strings.HasSuffix(line, " —"), strings.HasSuffix(line, " –"), strings.HasSuffix(line, " -"):
		return true
	}
	f := strings.Fields(line)
	year := strings.TrimRight(f[len(f)-1], "s") // "1990s"
	return len(year) == 4 && strings.IndexFunc(year, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// isTrailingSymbol reports whether r is part of an emoji or a symbol at
// the end of a line: a pictograph, its skin-tone modifier, a variation
// selector or a joiner.
func isTrailingSymbol(r rune) bool {
	return unicode.In(r, unicode.So, unicode.Sk) || r == 0xFE0F || r == 0x200D
}

// captionLike reports whether a line reads as a caption: a handful of
// words with no sentence terminator at the end, not a quote.
func captionLike(line string, loose bool) bool {
	if len(line) > 400 {
		return false // more than 100 characters, whatever the script
	}
	n := prose.RuneLen(line)
	if n == 0 || n > 100 {
		return false
	}
	words := countWords(line, 13)
	if words > 12 {
		return false
	}
	if words == 1 && n > 40 {
		return false // a long run without spaces: a URL or a caseless sentence
	}
	if strings.Contains(line, "://") || strings.Contains(line, "www.") || isEmailLine(line) {
		return false // an address, not a caption
	}
	first, _ := utf8.DecodeRuneInString(line)
	// An emoji after a sentence ("It lit up. 👍🏽") leaves it a sentence.
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(line, func(r rune) bool {
		return unicode.IsSpace(r) || isTrailingSymbol(r)
	}))
	if strings.ContainsRune("\"“”‘’'«»「」『』-–—•*+>#", first) || strings.ContainsRune("\"“”’'»」』", last) {
		return false
	}
	if strings.ContainsRune(terminators, last) {
		switch {
		case !loose:
			return false
		case last == '?' || last == '？' || last == '؟':
			// "Why is it so hot?": galleries ask questions in captions.
		case last != '.' || strings.HasSuffix(line, "..") || words > 8 || readsAsSentence(line):
			return false
		}
	}
	return strings.IndexFunc(line, unicode.IsLetter) >= 0
}

// sentenceWords are words that make a short line with a final period a
// sentence of the body ("It was cold.") rather than a caption ("Early
// start."): a subject pronoun first, or an auxiliary verb anywhere.
var (
	subjectWords   = []string{"i", "he", "she", "it", "we", "they", "you", "there", "this", "that", "these", "those"}
	auxiliaryWords = []string{"is", "was", "were", "are", "am", "be", "been", "had", "has", "have", "did", "does", "do", "will", "would", "could", "should", "can", "may", "might", "must", "isn't", "wasn't", "it's"}
)

// readsAsSentence reports whether a short English line is a sentence, by
// its subject or its verb.
func readsAsSentence(line string) bool {
	for i, w := range strings.Fields(strings.ToLower(line)) {
		w = strings.Trim(w, ".,;:!?'’\"")
		if (i == 0 && slices.Contains(subjectWords, w)) || slices.Contains(auxiliaryWords, w) {
			return true
		}
	}
	return false
}

// isEmailLine reports whether a line holds an e-mail address.
func isEmailLine(line string) bool {
	at := strings.IndexByte(line, '@')
	return at > 0 && strings.Contains(line[at:], ".") && !strings.Contains(line[at:at+min(2, len(line)-at)], " ")
}

// countWords counts the space-separated words of s, up to limit.
func countWords(s string, limit int) int {
	n := 0
	inWord := false
	for _, r := range s {
		space := r == ' '
		if r >= utf8.RuneSelf || r < ' ' {
			space = unicode.IsSpace(r)
		}
		switch {
		case space:
			inWord = false
		case !inWord:
			inWord = true
			if n++; n >= limit {
				return n
			}
		}
	}
	return n
}

// titleLike reports whether a first line reads as a headline.
func titleLike(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	return prose.RuneLen(line) <= 200 && !strings.ContainsRune(".,;:。।", last)
}
