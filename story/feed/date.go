package feed

import (
	"strings"
	"time"
)

// dateLayouts are the forms feeds write dates in: RFC 822 and its
// variants for RSS, RFC 3339 for Atom and JSON Feed, and the slips seen
// in the wild (a missing weekday, a two-digit year, a named zone).
var dateLayouts = []string{
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, 02 Jan 2006 15:04 -0700",
	"Mon, 02 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"02 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04:05 MST",
	"Monday, 2 January 2006 15:04:05 -0700",
	"Mon, 2 January 2006 15:04:05 MST",
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02",
}

// parseDate reads a feed's date; the zero time if it is in no known form.
func parseDate(s string) time.Time {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > 64 {
		return time.Time{}
	}
	// "GMT+1" and "UT" are not zones Go reads; "Z" in RFC 822 is UTC.
	if rest, ok := strings.CutSuffix(s, " UT"); ok {
		s = rest + " UTC"
	} else if rest, ok := strings.CutSuffix(s, " Z"); ok {
		s = rest + " +0000"
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// showDate is how a date is shown on an item's page: the feed's own words
// when they could not be read.
func showDate(t time.Time, raw string) string {
	if t.IsZero() {
		return oneLine(raw)
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("Mon 2 Jan 2006")
	}
	return t.Format("Mon 2 Jan 2006 15:04 MST")
}
