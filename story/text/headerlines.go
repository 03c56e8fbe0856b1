package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reeltui/reel/story/internal/prose"
)

// How a byline and a timestamp are told from a sentence that starts as
// they do: "By Tuesday morning, crews had cleared most roads." is a
// caption, "Updated forecasts warned of gusts …" another. A byline names
// people and outlets; a timestamp's value is a date, a time or an age.

// byline is what a byline line holds after its label ("By", "Written
// by"): names, and the date that may end it, as its value and as printed
// ("Updated 10:30 AM GMT, …" keeps its label).
type byline struct {
	names, date, dateLine string
}

// readByline reads a byline line, or returns ok false for a line that is
// not one.
func readByline(line string) (b byline, ok bool) {
	m := matchIf(prose.HasFoldPrefix(line, bylineStarts), bylineRe, line)
	if m == nil {
		return byline{}, false
	}
	b = bylineDate(m[1])
	return b, namesOnly(b.names)
}

// bylineDate splits the date that ends a byline off its names ("Jane
// Doe, Dec 4, 2026", "Jane Doe | Updated 10:30 AM GMT, December 4,
// 2026"), as the commas in it would part it.
func bylineDate(text string) byline {
	for i, r := range text {
		if r != ',' && r != '|' {
			continue
		}
		rest := strings.TrimSpace(text[i+1:])
		if isDate(rest) {
			return byline{names: text[:i], date: rest, dateLine: rest}
		}
		if v, ok := timestampValue(rest); ok {
			return byline{names: text[:i], date: v, dateLine: rest}
		}
	}
	return byline{names: text}
}

// timestampValue returns the date of a timestamp line ("Updated: …"), or
// ok false for a line that is not one.
func timestampValue(line string) (value string, ok bool) {
	m := matchIf(prose.HasFoldPrefix(line, datedStarts), datedRe, line)
	if m == nil || !dateLike(m[1]) {
		return "", false
	}
	return m[1], true
}

// namesOnly reports whether a byline's text is names joined by commas,
// "and", "&" or "|", with an outlet or a date among them ("Jane Doe and
// John Roe, BBC News", "the Desk, 1 January 2025"), not a sentence.
func namesOnly(text string) bool {
	// An outlet in brackets at the end: "Jane Doe (Reuters)".
	if open := strings.LastIndex(text, "("); open > 0 && strings.HasSuffix(text, ")") && isName(text[open+1:len(text)-1]) {
		text = strings.TrimSpace(text[:open])
	}
	if strings.ContainsAny(text, "()[]{}") {
		return false // a bracketed credit or aside: a caption's
	}
	for i, part := range authorSepRe().Split(text, -1) {
		if part != "" && !isDate(part) && !isName(part) && (i == 0 || !isRole(part)) {
			return false
		}
	}
	return true
}

// isRole reports whether part of a byline after a name is the writer's
// role, lower-case words of a role alone ("political correspondent").
func isRole(part string) bool {
	words := strings.Fields(part)
	return len(words) > 0 && len(words) <= 3 && !slices.ContainsFunc(words, func(w string) bool { return !isConnector(w) })
}

// nameWords is the most words a name or an outlet holds ("Maria de la
// Cruz Fernández", "Guardian staff and agencies" is split at "and").
const nameWords = 6

// nameConnectors are the lower-case words that names and outlets hold
// ("Ludwig van Beethoven", "the Desk", "Jane Doe in Kyiv", "Guardian
// staff"): any other lower-case word makes the line a sentence.
var nameConnectors = []string{
	"the", "of", "de", "del", "della", "der", "den", "van", "von", "al", "el", "bin", "bint", "ibn",
	"da", "das", "dos", "du", "la", "le", "di", "y", "ter", "ten", "zu", "in", "for",
	"staff", "agencies", "correspondent", "reporter", "reporters", "editor", "writer", "photographer",
	"senior", "chief",
	// A byline's role: "Jane Doe, political correspondent".
	"political", "foreign", "business", "economics", "health", "science", "technology", "sports", "sport",
	"arts", "culture", "environment", "climate", "diplomatic", "security", "defence", "defense", "home",
	"affairs", "deputy", "associate", "contributing", "special", "news", "data", "digital", "global",
	"world", "international", "transport", "education", "legal", "crime", "royal", "investigations",
	"columnist", "producer", "contributor", "journalist", "video", "picture", "pictures", "desk",
}

// namePrefixes start a name with a hyphen or an apostrophe after them,
// lower-cased ("al-Hassan", "d'Arcy", "o'Brien" as some pages print it).
var namePrefixes = []string{"al", "el", "bin", "ibn", "da", "de", "di", "du", "la", "le", "van", "von", "d", "l", "o"}

// nameAbbreviations end in a period inside a name ("J. R. Smith Jr.").
var nameAbbreviations = []string{"jr", "sr", "st", "dr", "mr", "mrs", "ms", "prof", "rev"}

// isName reports whether part of a byline is a person's or an outlet's
// name: a few words, each capitalised, in a script without case, or a
// connector, with at least one that is not a connector.
func isName(part string) bool {
	words := strings.Fields(part)
	if len(words) > nameWords {
		return false
	}
	named := false
	for i, w := range words {
		if strings.ContainsAny(w, "!?…;:。！？।॥؟۔0123456789") {
			return false
		}
		if core, found := strings.CutSuffix(w, "."); found && i < len(words)-1 &&
			utf8.RuneCountInString(core) > 1 && !slices.Contains(nameAbbreviations, strings.ToLower(core)) {
			return false // a sentence's end, and more words after it
		}
		switch r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "'\"“‘")); {
		case unicode.IsUpper(r), unicode.IsTitle(r), unicode.IsLetter(r) && !unicode.IsLower(r):
			named = true
		case !isConnector(strings.TrimRight(w, ".")):
			return false
		}
	}
	return named
}

// isConnector reports whether a lower-case word may stand in a name: a
// connector, or a name that starts with one ("al-Hassan", "d'Arcy").
func isConnector(w string) bool {
	if slices.Contains(nameConnectors, w) {
		return true
	}
	if i := strings.IndexAny(w, "-'’"); i > 0 {
		first, _ := utf8.DecodeRuneInString(w[i+1:])
		return slices.Contains(namePrefixes, w[:i]) && unicode.IsUpper(first)
	}
	return false
}

// dateWords are the words a timestamp's value holds besides numbers and
// time zones, lower-cased: months, days, the halves of the day and the
// words of an age ("2 hours ago").
var dateWords = []string{
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"am", "pm", "a", "p", "m", "st", "nd", "rd", "th", "at", "on",
	"ago", "an", "just", "now", "today", "yesterday",
	"sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours",
	"day", "days", "week", "weeks", "month", "months", "year", "years",
}

// dateLike reports whether a timestamp's value is a date, a time or an
// age ("Jan 13, 2022, 05:43 PM(IST)", "14:32 GMT, 3 Dec 2026", "2 hours
// ago"), not a sentence ("forecasts warned of gusts of 90mph on Monday 3
// March."): numbers, date words and time zones, with a date's
// punctuation between them.
func dateLike(value string) bool {
	digits := false
	for _, tok := range dateTokens(value) {
		r, _ := utf8.DecodeRuneInString(tok)
		switch {
		case unicode.IsDigit(r):
			digits = true
		case unicode.IsLetter(r):
			zone := len(tok) <= 5 && strings.ToUpper(tok) == tok // GMT, IST, CEST, T, Z
			if !zone && !slices.Contains(dateWords, strings.ToLower(tok)) {
				return false
			}
		case !strings.Contains(",.:/-+()|·•'’", tok):
			return false
		}
	}
	return digits
}

// dateTokens splits a timestamp's value into runs of digits, runs of
// letters, and every other character but spaces alone ("05:43 PM(IST)"
// is 05, :, 43, PM, (, IST, )).
func dateTokens(value string) []string {
	var toks []string
	class := func(r rune) int {
		switch {
		case unicode.IsDigit(r):
			return 1
		case unicode.IsLetter(r):
			return 2
		}
		return 0
	}
	start, prev := -1, 0
	for i, r := range value {
		c := class(r)
		if start >= 0 && (c != prev || c == 0) {
			toks = append(toks, value[start:i])
			start = -1
		}
		if !unicode.IsSpace(r) && start < 0 {
			start = i
		}
		prev = c
	}
	if start >= 0 {
		toks = append(toks, value[start:])
	}
	return toks
}
