package web

import (
	"strings"

	"golang.org/x/net/html"
)

// hiddenClass reports whether n's class is "hidden" (display: none in
// most CSS frameworks: BuzzFeed's "Next on" teasers, The Verge's zoomed
// copy of a picture) with no responsive class that shows it on some
// screens ("hidden md:block").
func hiddenClass(n *html.Node) bool {
	hidden := false
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == "hidden" {
			hidden = true
		} else if strings.Contains(c, ":") {
			return false
		}
	}
	return hidden
}

// printOnlyClasses show an element only when the page is printed.
var printOnlyClasses = map[string]bool{"print": true, "print-only": true, "printonly": true,
	"visible-print": true, "visible-print-block": true, "show-for-print": true, "d-print-block": true}

// printOnly reports whether n is shown only on paper (BuzzFeed's "View
// this image ›" link under each picture).
func printOnly(n *html.Node) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if printOnlyClasses[c] {
			return true
		}
	}
	return false
}

// srOnlyClasses are the classes that hide an element from sight but not
// from screen readers.
var srOnlyClasses = map[string]bool{"sr-only": true, "visually-hidden": true, "visuallyhidden": true,
	"screen-reader-text": true, "screen-reader-only": true, "sr-text": true, "a11y-hidden": true, "u-vh": true}

// screenReaderOnly reports whether n's class hides it from sight.
func screenReaderOnly(n *html.Node) bool {
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		if srOnlyClasses[c] || strings.HasSuffix(c, "--sr-only") || strings.HasSuffix(c, "__visually-hidden") {
			return true
		}
	}
	return false
}
