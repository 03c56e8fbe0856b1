package page

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Terminals disagree on how many columns a string takes. One that
// answers Bubble Tea's query for grapheme clustering (mode 2027) counts a
// grapheme cluster as one character (ansi.GraphemeWidth); the others,
// tmux among them, count code point by code point as wcwidth does
// (ansi.WcWidth), so that a Devanagari vowel sign or an emoji sequence
// takes more columns. Bubble Tea's renderer starts with wcwidth and turns
// to graphemes when the terminal reports mode 2027 as recognised; reel
// follows it, so that what it measures is what the terminal draws. Print
// mode, with no terminal to ask, counts by wcwidth: the wider count, so a
// line never spills over.

// DefaultMethod is the width method until the terminal says otherwise.
const DefaultMethod = ansi.WcWidth

// WrapWidth wraps text to w columns as measured by wm, at spaces, and
// breaks a word only when it is longer than the line. A hyphen between
// digits (a date, a range, a telephone number) is no place to break.
func WrapWidth(s string, w int, wm ansi.Method) []string {
	if w < 1 {
		w = 1
	}
	s, held := holdHyphens(s)
	var out []string
	for _, l := range strings.Split(wm.Wrap(s, w, ""), "\n") {
		// x/ansi's Wrap lets a run of hyphens after a full line run
		// over ("opportunity --"): cut what still does.
		if wm.StringWidth(l) > w {
			l = wm.Hardwrap(l, w, true)
		}
		out = append(out, strings.Split(l, "\n")...)
	}
	if held {
		for i, l := range out {
			out[i] = releaseHyphens(l)
		}
	}
	return out
}

// heldHyphen stands in for a hyphen that must not end a line while text
// is wrapped: the wrappers of x/ansi, Lip Gloss and Glamour all break
// after "-". It is one column wide in both width methods.
const heldHyphen = "\u2011"

// holdHyphens replaces each hyphen between two digits with heldHyphen.
// It does nothing (and says so) to text that already holds heldHyphen,
// so that releaseHyphens gives back exactly the text it was given.
func holdHyphens(s string) (string, bool) {
	if !strings.Contains(s, "-") || strings.Contains(s, heldHyphen) {
		return s, false
	}
	var b strings.Builder
	held := false
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
			b.WriteString(heldHyphen)
			held = true
			continue
		}
		b.WriteByte(s[i])
	}
	if !held {
		return s, false
	}
	return b.String(), true
}

func releaseHyphens(s string) string { return strings.ReplaceAll(s, heldHyphen, "-") }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// fitLines makes every line at most w columns wide as measured by wm,
// losing no word: trailing padding that spills over is dropped, and a
// line still too wide is wrapped onto the next. Glamour and Lip Gloss
// measure by graphemes, which a wcwidth terminal finds too narrow.
func fitLines(lines []string, w int, wm ansi.Method) []string {
	w = max(w, 1)
	var out []string
	for i, l := range lines {
		if wm.StringWidth(l) <= w {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(lines)+4), lines[:i]...)
		}
		if rest := wm.Cut(l, w, wm.StringWidth(l)); strings.TrimSpace(ansi.Strip(rest)) == "" {
			out = append(out, wm.Truncate(l, w, ""))
			continue
		}
		// Wrap between words, and keep the line's indent (a list
		// item's, a quote's) on the lines it wraps onto.
		plain := ansi.Strip(l)
		indent := len(plain) - len(strings.TrimLeft(plain, " "))
		if indent > w/2 {
			indent = 0
		}
		rest := trimRightStyled(wm.Cut(l, indent, wm.StringWidth(l)), wm)
		for _, part := range strings.Split(wm.Wrap(rest, w-indent, ""), "\n") {
			// x/ansi's Wrap lets a run of hyphens after a full line
			// run over ("opportunity --"): cut what still does.
			if wm.StringWidth(part) > w-indent {
				part = wm.Hardwrap(part, w-indent, true)
			}
			for _, p := range strings.Split(part, "\n") {
				out = append(out, strings.Repeat(" ", indent)+p)
			}
		}
	}
	if out == nil {
		return lines
	}
	return out
}

// trimRightStyled drops the trailing spaces of a styled line.
func trimRightStyled(l string, wm ansi.Method) string {
	plain := ansi.Strip(l)
	trimmed := strings.TrimRight(plain, " ")
	if len(trimmed) == len(plain) {
		return l
	}
	return wm.Truncate(l, wm.StringWidth(trimmed), "")
}

// padRight pads a styled line with spaces to w columns as measured by wm.
func padRight(l string, w int, wm ansi.Method) string {
	if n := w - wm.StringWidth(l); n > 0 {
		return l + strings.Repeat(" ", n)
	}
	return l
}

// center places a styled line in the middle of w columns (wm measures),
// padding both sides.
func center(l string, w int, wm ansi.Method) string {
	n := w - wm.StringWidth(l)
	if n <= 0 {
		return l
	}
	return strings.Repeat(" ", n/2) + l + strings.Repeat(" ", n-n/2)
}

// alignRight places a styled line at the right of w columns.
func alignRight(l string, w int, wm ansi.Method) string {
	if n := w - wm.StringWidth(l); n > 0 {
		return strings.Repeat(" ", n) + l
	}
	return l
}

// UnjoinEmoji drops the zero-width joiners (U+200D) and emoji
// presentation selectors (U+FE0F) of text shown on a terminal that counts
// by wcwidth. wcwidth counts both as no column at all, so nothing that reel
// or Bubble Tea's renderer measured moves; but terminals without grapheme
// clustering disagree on what they do with them, and that is what broke
// frames: tmux joins the character after a joiner into the cell before it
// (👩🏽‍🚀 takes 4 columns, not 6; 🏳️‍🌈 takes 1, not 3), from 3.4 it draws a
// character before U+FE0F two columns wide, and xterm or VTE draw every
// code point alone. Without them a sequence shows as the emoji it is made
// of (👩🏽🚀: a woman, her skin tone, a rocket), each of which all these
// terminals count as wcwidth does; no character with a column of its own
// is dropped.
func UnjoinEmoji(s string) string {
	if !strings.Contains(s, zwj) && !strings.Contains(s, emojiSelector) {
		return s
	}
	return joinerDropper.Replace(s)
}

const (
	zwj           = "\u200d"
	emojiSelector = "\ufe0f"
)

var joinerDropper = strings.NewReplacer(zwj, "", emojiSelector, "")

// wrap wraps plain text to w columns by wcwidth, which for most text is
// the wider count: for parts drawn where the model's method is not at
// hand. Pages use WrapWidth with the model's method.
func wrap(s string, w int) []string { return WrapWidth(s, w, DefaultMethod) }

// PlaceLines centres a box of lines, all as wide as the first, in a w×h
// area. FramePanel draws such boxes; Lip Gloss's Place would measure them
// by graphemes.
func PlaceLines(box []string, w, h int) []string {
	if len(box) == 0 {
		return nil
	}
	pad := strings.Repeat(" ", max(0, (w-ansi.StringWidthWc(ansi.Strip(box[0])))/2))
	out := make([]string, 0, h)
	for range max(0, (h-len(box))/2) {
		out = append(out, "")
	}
	for _, l := range box {
		out = append(out, pad+l)
	}
	return out
}
