package text

import (
	"strings"

	"github.com/reeltui/reel/story/internal/prose"
)

// Galleries copied from the BBC's "In pictures" pages label their photos
// instead of counting them: each photo is a line "Image source, Getty
// Images" (its credit) over a line "Image caption," and then the caption,
// the labels that the page keeps for screen readers. A source line is the
// break between photos, as a counter is in the Guardian's galleries.

// imageSourceRe matches a photo's source line and takes its credit.
var imageSourceRe = prose.LazyRegexp(`^Image source\s*[,:]\s*(\S.{0,99})$`)

// imageSource returns the credit of a photo's source line, or ok false.
func imageSource(line string) (credit string, ok bool) {
	if !strings.HasPrefix(line, "Image source") {
		return "", false
	}
	m := imageSourceRe().FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	return strings.TrimSpace(m[1]), true
}

// captionLabel returns the caption that follows the label "Image caption,"
// on its line (empty when it stands alone), or ok false for a line that is
// not the label.
func captionLabel(line string) (caption string, ok bool) {
	rest, found := strings.CutPrefix(line, "Image caption")
	if !found {
		return "", false
	}
	rest = strings.TrimLeft(rest, " ")
	if rest != "" && rest[0] != ',' && rest[0] != ':' {
		return "", false // "Image captions are…": a sentence
	}
	return strings.TrimSpace(strings.TrimLeft(rest, ",:")), true
}

// labelsPhotos reports whether text labels its photos as the BBC's pages
// do: a source line with a caption label on the next line that is not
// blank. Either alone might be a sentence that starts so.
func labelsPhotos(text string) bool {
	source := false
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if _, ok := captionLabel(line); ok && source {
			return true
		}
		_, source = imageSource(line)
	}
	return false
}

// isLabelledChrome reports whether a line is a button that a labelled
// gallery's page prints by its title: "Save", after the "Share" that is
// chrome in any text. "Save" alone is chrome only here: elsewhere it may
// be a caption.
func isLabelledChrome(line string) bool {
	return strings.EqualFold(line, "save")
}

// photoBlocks returns the blocks that a photo's source line stands for:
// the break that starts the photo's section, and its credit.
func photoBlocks(line, credit string) []textBlock {
	return []textBlock{{lines: []string{line}, kind: blockCounter}, {lines: []string{credit}, kind: blockCredit}}
}
