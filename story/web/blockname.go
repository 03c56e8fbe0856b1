package web

import "strings"

// inBlock names the page part a dropped text or picture sat in, with the
// article English wants: "in a share block", "in an ad block".
func inBlock(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "in an " + word + " block"
	}
	return "in a " + word + " block"
}
