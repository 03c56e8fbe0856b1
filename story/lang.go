package story

import "strings"

// LangTag returns s as a language tag, as HTML's lang attribute and
// pandoc's lang key hold them ("en", "pt-BR", "zh-Hant-TW"), or "" when s
// is none: ASCII letters, digits and hyphens only, a first subtag of two
// to eight letters, at most 35 characters in all.
func LangTag(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", "-"))
	if s == "" || len(s) > 35 {
		return ""
	}
	for i, sub := range strings.Split(s, "-") {
		if sub == "" || len(sub) > 8 || (i == 0 && len(sub) < 2) {
			return ""
		}
		for _, c := range []byte(sub) {
			letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !letter && (i == 0 || c < '0' || c > '9') {
				return ""
			}
		}
	}
	return s
}
