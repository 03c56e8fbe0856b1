package markdown

import (
	"strings"

	"github.com/reeltui/reel/story/internal/prose"
)

// The line grammar of the blocks the splitter reads (split.go): blank
// lines, indentation, thematic breaks, headings and HTML blocks, by
// CommonMark's rules as goldmark applies them. Fences are story.Fence's,
// which the page renderer reads by too.

// isSpace reports whether c is white space as goldmark's block rules count
// it (util.IsSpace): a form feed or vertical tab is not.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isBlank reports whether s holds only white space.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			return false
		}
	}
	return true
}

// isBreak reports whether t (indent removed) is a thematic break: three or
// more of one of - * _, with white space between.
func isBreak(t string) bool {
	if t == "" || (t[0] != '-' && t[0] != '*' && t[0] != '_') {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == t[0]:
			n++
		case !isSpace(t[i]):
			return false
		}
	}
	return n >= 3
}

// atxLevel returns the level of an ATX heading line, or 0.
func atxLevel(t string) int {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(t) && !isSpace(t[n])) {
		return 0
	}
	return n
}

// setextLevel returns 1 or 2 if t (indent removed) is a setext underline,
// a run of "=" or of "-" with trailing white space only, or 0.
func setextLevel(t string) int {
	if t == "" || (t[0] != '=' && t[0] != '-') {
		return 0
	}
	i := 0
	for i < len(t) && t[i] == t[0] {
		i++
	}
	if !isBlank(t[i:]) {
		return 0
	}
	if t[0] == '=' {
		return 1
	}
	return 2
}

// mayOpenContainer reports whether t (indent removed) might open a block
// quote or a list item: ">", or a bullet or an ordinal followed by white
// space or the end of the line. It may say yes to lines that are not.
func mayOpenContainer(t string) bool {
	if t == "" {
		return false
	}
	i := 0
	switch c := t[0]; {
	case c == '>':
		return true
	case c == '-' || c == '+' || c == '*':
		i = 1
	case c >= '0' && c <= '9':
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i > 9 || i == len(t) || (t[i] != '.' && t[i] != ')') {
			return false
		}
		i++
	default:
		return false
	}
	return i == len(t) || isSpace(t[i])
}

// mayBeDelimiterRow reports whether t could be a table's delimiter row
// ("|---|:-:|"): only pipes, colons, dashes and white space, with a dash.
func mayBeDelimiterRow(t string) bool {
	dash := false
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '-':
			dash = true
		case '|', ':', ' ', '\t', '\r':
		default:
			return false
		}
	}
	return dash
}

// The HTML blocks, as goldmark starts them; each line holds its newline.
var (
	htmlType1Open  = prose.LazyRegexp(`(?i)^ {0,3}<(?:script|pre|style|textarea)(?:\s.*|>.*|/>.*|)(?:\r\n|\n)?$`)
	htmlType1Close = prose.LazyRegexp(`(?i)</(?:script|pre|style|textarea)>`)
	htmlType4Open  = prose.LazyRegexp(`^ {0,3}<![A-Z]`)
	htmlType6Open  = prose.LazyRegexp(`^ {0,3}<(?:/ *)?([a-zA-Z][a-zA-Z0-9-]*)(?: .*|>.*|/>.*|)(?:\r\n|\n)?$`)
	htmlType7Open  = prose.LazyRegexp(`^ {0,3}<(/ *)?([a-zA-Z][a-zA-Z0-9-]*)((?:[\r\n \t]+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:[\r\n \t]*=[\r\n \t]*(?:[^"'=<>` + "`" + `\x00-\x20]+|'[^']*'|"[^"]*"))?)*) *(?:>|/>) *(?:\r\n|\n)?$`)
)

// htmlBlockEnds are what ends an HTML block of each kind on the same line
// or a later one; kinds 6 and 7 end at a blank line instead.
var htmlBlockEnds = [...]string{2: "-->", 3: "?>", 4: ">", 5: "]]>"}

// htmlBlockKind returns the kind (1 to 7) of the HTML block that line, with
// its newline, opens, or 0. Kind 7 cannot interrupt a paragraph.
func htmlBlockKind(line string, inPara bool) int {
	t := strings.TrimLeft(line, " ")
	switch {
	case htmlType1Open().MatchString(line):
		return 1
	case strings.HasPrefix(t, "<!--"):
		return 2
	case strings.HasPrefix(t, "<?"):
		return 3
	case htmlType4Open().MatchString(line):
		return 4
	case strings.HasPrefix(t, "<![CDATA["):
		return 5
	}
	if m := htmlType7Open().FindStringSubmatch(line); m != nil {
		tag := strings.ToLower(m[2])
		if htmlBlockTags[tag] {
			return 6
		}
		if tag != "script" && tag != "style" && tag != "pre" && !inPara && (m[1] == "" || m[3] == "") {
			return 7
		}
	}
	if m := htmlType6Open().FindStringSubmatch(line); m != nil && htmlBlockTags[strings.ToLower(m[1])] {
		return 6
	}
	return 0
}

// htmlBlockTags are the tags that open an HTML block of kind 6.
var htmlBlockTags = func() map[string]bool {
	tags := map[string]bool{}
	for _, tag := range strings.Fields(`address article aside base basefont blockquote body caption center
		col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset
		h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem meta nav noframes
		ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul`) {
		tags[tag] = true
	}
	return tags
}()

// htmlClosed reports whether line ends an HTML block of the given kind
// (1 to 5).
func htmlClosed(kind int, line string) bool {
	if kind == 1 {
		return htmlType1Close().MatchString(line)
	}
	return strings.Contains(line, htmlBlockEnds[kind])
}
