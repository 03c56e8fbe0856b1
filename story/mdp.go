package story

import (
	"regexp"
	"strings"
)

var (
	mdpLineRe   = regexp.MustCompile(`^%(title|author|date):[ \t]*(.*)$`)
	mdpCenterRe = regexp.MustCompile(`(?m)^-> ?(.*?) ?<-[ \t]*$`)
)

// readMdpMeta takes mdp's leading "%title:", "%author:" and "%date:" lines,
// and in such a deck unwraps mdp's centred lines ("-> text <-").
func readMdpMeta(s *Story, src string) string {
	for found := false; ; found = true {
		line, rest, _ := strings.Cut(src, "\n")
		m := mdpLineRe.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			if found {
				src = mdpCenterRe.ReplaceAllString(src, "$1")
			}
			return src
		}
		switch v := strings.TrimSpace(m[2]); m[1] {
		case "title":
			s.Title = v
		case "author":
			s.Authors = append(s.Authors, v)
		case "date":
			s.Date = v
		}
		src = rest
	}
}
