package markdown

import (
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"go.yaml.in/yaml/v3"
)

// maxFrontMatter caps the YAML front matter read: metadata is small, and
// a cap keeps a hostile document from costing much.
const maxFrontMatter = 64 << 10

// readFrontMatter takes YAML front matter ("---" ... "---" or "...") from
// the start of src into s and returns the rest. A block that is not a YAML
// mapping (slides' trap: a first slide that is only "# Title" between
// rules) is no front matter and is left alone.
func readFrontMatter(s *story.Story, src string) string {
	first, rest, ok := strings.Cut(src, "\n")
	if !ok || strings.TrimRight(first, " \t") != "---" {
		return src
	}
	var body strings.Builder
	for pos := 0; pos < len(rest) && pos <= maxFrontMatter; {
		end := strings.IndexByte(rest[pos:], '\n')
		next := len(rest)
		if end >= 0 {
			next = pos + end + 1
		} else {
			end = len(rest) - pos
		}
		line := strings.TrimRight(rest[pos:pos+end], " \t")
		if line == "---" || line == "..." {
			if !readMeta(s, body.String()) {
				return src
			}
			return rest[next:]
		}
		body.WriteString(line)
		body.WriteByte('\n')
		pos = next
	}
	return src
}

// readMeta reads a YAML mapping's known keys into s. Values are read as
// plain scalars whatever their tags; aliases are not followed.
func readMeta(s *story.Story, doc string) bool {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(doc), &root); err != nil || len(root.Content) == 0 {
		return false
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) == 0 {
		return false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := strings.ToLower(m.Content[i].Value)
		val := m.Content[i+1]
		switch key {
		case "title":
			setTitle(s, scalar(val))
		case "sub_title", "subtitle":
			s.Subtitle = plainInline(story.OneLine(scalar(val)))
		case "author", "authors":
			s.Authors = append(s.Authors, scalars(val)...)
		case "date":
			s.Date = scalar(val)
		case "source", "publisher", "event", "location":
			s.Source = prose.JoinNonEmpty(s.Source, scalar(val))
		case "kicker":
			s.Kicker = scalar(val)
		}
	}
	return true
}

func scalar(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return ""
	}
	return story.Clean(n.Value)
}

func scalars(n *yaml.Node) []string {
	switch n.Kind {
	case yaml.ScalarNode:
		if v := scalar(n); v != "" {
			return []string{v}
		}
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			out = append(out, scalars(c)...)
		}
		return out
	case yaml.MappingNode:
		// presenterm-like {name: ...} entries.
		for i := 0; i+1 < len(n.Content); i += 2 {
			if strings.ToLower(n.Content[i].Value) == "name" {
				return scalars(n.Content[i+1])
			}
		}
	}
	return nil
}
