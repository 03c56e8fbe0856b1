package page

import (
	"strings"
	"time"

	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/story"
)

// A page's Markdown is formatted by Glamour within a deadline, fitted to
// the width as the terminal measures it, and filtered down to text and
// styling; past the deadline, or on any failure, it is shown plainly.

// markdownLines renders Markdown at width w with Glamour, within the
// deadline; plain is set when the text is shown plainly (formatMarkdown).
func markdownLines(md string, w int, theme Theme, deadline time.Duration, format func(string, int, Theme) string, wm ansi.Method) (lines []string, plain bool) {
	lines, why := formatMarkdown(md, w, theme, deadline, format, wm)
	return lines, why != ""
}

// tooSlow is why a page too long, or too slow, to format is shown plainly.
const tooSlow = "this page is too long or too slow to format"

// formatMarkdown renders Markdown at width w with Glamour, within the
// deadline. A page too long to format, or a render that fails, runs late
// or panics, gives the text plainly instead, and why says why: every word
// is still shown. A text whose format is still running late is not
// formatted again until that one ends (lateFormats).
func formatMarkdown(md string, w int, theme Theme, deadline time.Duration, format func(string, int, Theme) string, wm ansi.Method) (lines []string, why string) {
	return formatTamed(md, tameMarkdown, w, theme, deadline, format, wm)
}

// formatTamed is formatMarkdown with tame in place of tameMarkdown: what
// Glamour is given of md.
func formatTamed(md string, tame func(string) string, w int, theme Theme, deadline time.Duration, format func(string, int, Theme) string, wm ansi.Method) (lines []string, why string) {
	md = strings.TrimSpace(md)
	if md == "" {
		return nil, ""
	}
	if len(md) > maxMarkdownLen || lateFormats.busy(md) {
		return WrapWidth(unescapeMarkdown(md), w, wm), tooSlow
	}
	formatted, held := holdHyphens(wrapCode(tame(md), w, wm))
	done := make(chan formatResult, 1)
	call := &lateCall{md: md}
	guard.Go("page format", func() {
		done <- formatResult{out: formatFitting(formatted, w, theme, format, wm)}
		lateFormats.ended(call)
	}, func(err error) {
		done <- formatResult{err: err}
		lateFormats.ended(call)
	})
	timer := time.NewTimer(deadline)
	defer timer.Stop()
	var r formatResult
	select {
	case r = <-done:
	case <-timer.C:
		var ok bool
		if r, ok = lateFormats.missed(call, done); !ok {
			return WrapWidth(unescapeMarkdown(md), w, wm), tooSlow
		}
	}
	switch {
	case r.err != nil:
		return WrapWidth(unescapeMarkdown(md), w, wm), story.OneLine(r.err.Error())
	case r.out == "":
		return WrapWidth(unescapeMarkdown(md), w, wm), tooSlow
	case held:
		r.out = releaseHyphens(r.out)
	}
	return fitLines(trimBlank(strings.Split(r.out, "\n")), w, wm), ""
}

// formatFitting formats md to w columns as wm measures them. Glamour
// measures by graphemes; when its lines are too wide for a wcwidth
// terminal (Devanagari, emoji sequences), it formats again, narrower, so
// that paragraphs still break between words. fitLines mends the rest.
func formatFitting(md string, w int, theme Theme, format func(string, int, Theme) string, wm ansi.Method) string {
	out := format(md, w, theme)
	if wm == ansi.GraphemeWidth {
		return out
	}
	fw := w
	for range 3 {
		// Only lines that fit by Glamour's own count and not by wm's
		// are the method's doing; a line too long for Glamour too (a
		// long word) is no reason to format again.
		widest := 0
		for _, l := range strings.Split(out, "\n") {
			if l = trimRightStyled(l, wm); ansi.StringWidth(l) <= w {
				widest = max(widest, wm.StringWidth(l))
			}
		}
		if widest <= w || out == "" {
			break
		}
		fw = max(fw*w/widest, w/2, 1)
		if narrower := format(md, fw, theme); narrower != "" {
			out = narrower
		}
	}
	return out
}

// unescapeMarkdown drops the backslashes of Markdown's escapes ("\*" is
// "*") and reads "&amp;" (story's escape for "&") as "&", for text shown
// plainly.
func unescapeMarkdown(md string) string {
	if !strings.ContainsAny(md, `\&`) {
		return md
	}
	var b strings.Builder
	b.Grow(len(md))
	for i := 0; i < len(md); i++ {
		if strings.HasPrefix(md[i:], "&amp;") {
			b.WriteByte('&')
			i += len("&amp;") - 1
			continue
		}
		if md[i] == '\\' && i+1 < len(md) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", md[i+1]) >= 0 {
			i++
		}
		b.WriteByte(md[i])
	}
	return b.String()
}

// RenderMarkdown formats Markdown with Glamour and filters what it
// returns down to text and styling (Spec.Format's default). It returns
// "" on failure.
func RenderMarkdown(md string, w int, theme Theme) string {
	return renderGlamour(md, w, theme, false)
}

// renderGlamour is RenderMarkdown, keeping the line breaks inside
// paragraphs if keepLines is set.
func renderGlamour(md string, w int, theme Theme, keepLines bool) string {
	md, links := holdLinks(md)
	out, err := renderWith(rendererKey{theme: theme, width: w, keepLines: keepLines}, md)
	if err != nil {
		return ""
	}
	out = safeANSI(links.release(out))
	if theme == ThemeNoTTY {
		out = ansi.Strip(out)
	}
	return out
}

// glamourStyle is Glamour's style for a theme, with no document margin:
// reel places pages itself.
func glamourStyle(theme Theme) gansi.StyleConfig {
	var cfg gansi.StyleConfig
	switch theme {
	case ThemeLight:
		cfg = styles.LightStyleConfig
	case ThemeNoTTY:
		cfg = styles.NoTTYStyleConfig
	default:
		cfg = styles.DarkStyleConfig
	}
	zero := uint(0)
	if theme == ThemeNoTTY {
		// Plain text marks code as emphasis is marked, with Markdown's
		// own characters.
		cfg.Code.Prefix, cfg.Code.Suffix = "`", "`"
		cfg.Code.BlockPrefix, cfg.Code.BlockSuffix = "", ""
	}
	// A heading is its words, told apart by style: Glamour's "## " is a
	// Markdown mark the reader should not see (and plain text would take
	// for a heading it never had), and its H1 " " pads a coloured badge,
	// which leaves a stray space before the words. Without the badge,
	// H1 takes the headings' colour and is underlined.
	for _, h := range []*gansi.StyleBlock{&cfg.H1, &cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6} {
		h.Prefix, h.Suffix = "", ""
	}
	cfg.H1.BackgroundColor, cfg.H1.Color = nil, nil
	if theme != ThemeNoTTY {
		underline := true
		cfg.H1.Underline = &underline
	}
	cfg.Document.Margin = &zero
	cfg.Document.BlockPrefix = ""
	cfg.Document.BlockSuffix = ""
	return cfg
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[0])) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
