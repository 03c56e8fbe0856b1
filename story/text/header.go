package text

import (
	"regexp"
	"slices"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
)

// How a gallery's title, bylines and timestamps are told from its text.

// takeHeader reads the title line, bylines and timestamps at the top.
func takeHeader(s *story.Story, blocks []textBlock) []textBlock {
	blocks = splitHeaderLines(joinDateLabels(blocks))
	if len(blocks) > 0 && len(blocks[0].lines) == 1 {
		line := blocks[0].lines[0]
		if m := matchIf(strings.ContainsAny(line, "-–—:|："), kickerRe, line); m != nil {
			s.Kicker = m[1]
			s.Title = strings.TrimSpace(m[2])
			blocks = blocks[1:]
		} else if titleLike(line) && len(blocks) > 1 {
			s.Title = line
			blocks = blocks[1:]
		}
	}
	for len(blocks) > 0 && len(blocks[0].lines) == 1 && takeHeaderLine(s, blocks[0].lines[0]) {
		blocks = blocks[1:]
	}
	return takeHeaderAfterIntro(s, blocks)
}

// takeHeaderAfterIntro reads the bylines and timestamps that follow the
// intro's first paragraph, as news pages print them under the standfirst,
// whether blank lines part them from it or not.
func takeHeaderAfterIntro(s *story.Story, blocks []textBlock) []textBlock {
	if len(blocks) == 0 || blocks[0].kind != blockPara {
		return blocks
	}
	intro := blocks[0]
	k := len(intro.lines)
	for k > 1 && isHeaderLine(intro.lines[k-1]) {
		k--
	}
	var header []string
	header = append(header, intro.lines[k:]...)
	rest := blocks[1:]
	// A paragraph of header lines alone is the header too, one line each
	// ("Updated: …" over "By …").
	for len(rest) > 0 && rest[0].kind == blockPara && !slices.ContainsFunc(rest[0].lines, isNotHeaderLine) {
		header = append(header, rest[0].lines...)
		rest = rest[1:]
	}
	if len(header) == 0 {
		return blocks
	}
	for _, line := range header {
		if !takeHeaderLine(s, line) {
			return blocks // a second date: leave the text as it is
		}
	}
	intro.lines = intro.lines[:k]
	return append([]textBlock{intro}, rest...)
}

// takeHeaderLine reads a byline or a timestamp into the story, and reports
// whether line was one (a second date with no label, which may be a
// photo's caption, is not taken).
func takeHeaderLine(s *story.Story, line string) bool {
	if b, ok := readByline(line); ok {
		for _, a := range authorSepRe().Split(b.names, -1) {
			if a != "" {
				s.Authors = append(s.Authors, a)
			}
		}
		switch {
		case b.date == "":
		case s.Date == "":
			s.Date = b.date // "By the Desk, 1 January 2025"
		default:
			s.Date += " · " + b.dateLine
		}
		return true
	}
	if value, ok := timestampValue(line); ok {
		if s.Date == "" {
			s.Date = value
		} else {
			// A second timestamp ("Updated: …" under "Published: …") keeps
			// its label, which tells the two apart.
			s.Date += " · " + line
		}
		return true
	}
	if isDate(line) && s.Date == "" {
		s.Date = line
		return true
	}
	return false
}

// splitHeaderLines gives bylines and timestamps that follow the title
// with no blank line between them blocks of their own, as if they had one.
func splitHeaderLines(blocks []textBlock) []textBlock {
	for i := 0; i < min(2, len(blocks)); i++ {
		lines := blocks[i].lines
		from := 0
		if i == 0 {
			from = 1 // the title line
		}
		n := from
		for n < len(lines) && isHeaderLine(lines[n]) {
			n++
		}
		if n == from || len(lines) == 1 {
			continue
		}
		var head []textBlock
		for _, l := range lines[:n] {
			head = append(head, textBlock{lines: []string{l}})
		}
		if n < len(lines) {
			head = append(head, textBlock{lines: lines[n:]})
		}
		return slices.Concat(blocks[:i], head, blocks[i+1:])
	}
	return blocks
}

// isHeaderLine reports whether a line is a byline or a timestamp.
func isHeaderLine(line string) bool {
	_, signed := readByline(line)
	_, dated := timestampValue(line)
	return signed || dated || isDate(line)
}

func isNotHeaderLine(line string) bool { return !isHeaderLine(line) }

// joinDateLabels joins a timestamp's label on a line of its own
// ("Published", as the BBC prints it) to the date on the next line, in
// its block or the next one: "Published 3 December 2026" is then read as
// any other timestamp line.
func joinDateLabels(blocks []textBlock) []textBlock {
	out := make([]textBlock, 0, len(blocks))
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		var lines []string
		for j := 0; j < len(b.lines); j++ {
			line := b.lines[j]
			switch {
			case !isDateLabel(line):
			case j+1 < len(b.lines) && isLabelledDate(b.lines[j+1]):
				j++
				line += " " + b.lines[j]
			case j+1 == len(b.lines) && i+1 < len(blocks) && blocks[i+1].kind == blockPara &&
				isLabelledDate(blocks[i+1].lines[0]):
				// The date opens the next block (a line of its own, as a
				// short line over a longer one is split off).
				next := blocks[i+1].lines
				line += " " + next[0]
				if len(next) > 1 {
					blocks[i+1] = textBlock{lines: next[1:]}
				} else {
					i++
				}
			}
			lines = append(lines, line)
		}
		out = append(out, textBlock{lines: lines, kind: b.kind})
	}
	return out
}

// isDateLabel reports whether a line is a timestamp's label alone:
// "Published", "Updated:".
func isDateLabel(line string) bool {
	return slices.ContainsFunc(datedStarts, func(label string) bool {
		return strings.EqualFold(strings.TrimSuffix(line, ":"), label)
	})
}

// relativeDateRe matches the age a page gives its story when it is fresh
// ("2 hours ago"), which a copy keeps in place of the date.
var relativeDateRe = prose.LazyRegexp(`(?i)^\d{1,2}\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago$`)

// isLabelledDate reports whether the line after a timestamp's label is its
// date: a date, or the story's age.
func isLabelledDate(line string) bool {
	return isDate(line) || (len(line) <= 20 && relativeDateRe().MatchString(line))
}

// How bylines and timestamp lines start, lower-cased: tried before the
// regular expressions, which most lines would fail more slowly.
var (
	bylineStarts = []string{"by", "written by", "reported by", "words by"}
	datedStarts  = []string{"updated", "published", "first published", "last updated", "posted", "last modified"}
)

// matchIf returns re's submatches in line, when worth trying at all.
func matchIf(worth bool, re func() *regexp.Regexp, line string) []string {
	if !worth {
		return nil
	}
	return re().FindStringSubmatch(line)
}

// isDate reports whether a short line is a date, such as "Jan 13, 2022".
func isDate(line string) bool {
	return len(line) <= 80 && strings.ContainsAny(line, "0123456789") && dateRe().MatchString(line)
}
