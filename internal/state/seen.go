package state

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// SeenLimit is how many of a feed's items the store remembers as seen:
// the newest that were on screen.
const SeenLimit = 1000

// seenLen is the length of a seen item's name: 48 bits of its hash, so
// that a feed's thousand items cost 12 KB and two of them share a name
// about once in a hundred million feeds.
const seenLen = 12

// SeenID names a feed item in the store by a hash of its id, its length
// fixed whatever the feed's ids are (some are long URLs).
func SeenID(itemID string) string {
	sum := sha256.Sum256([]byte(itemID))
	return hex.EncodeToString(sum[:seenLen/2])
}

// SeenSet reads an entry's Seen as a set of SeenIDs.
func SeenSet(seen string) map[string]bool {
	set := make(map[string]bool, len(seen)/seenLen)
	for i := 0; i+seenLen <= len(seen); i += seenLen {
		set[seen[i:i+seenLen]] = true
	}
	return set
}

// MarkSeen returns seen with ids (SeenIDs) put first, in their order,
// each once, and at most SeenLimit in all: the items seen last are kept.
func MarkSeen(seen string, ids ...string) string {
	var b strings.Builder
	b.Grow(min(len(ids)*seenLen+len(seen), SeenLimit*seenLen))
	have := make(map[string]bool, len(ids)+len(seen)/seenLen)
	n := 0
	add := func(id string) bool {
		if n == SeenLimit {
			return false
		}
		if len(id) == seenLen && !have[id] {
			have[id] = true
			b.WriteString(id)
			n++
		}
		return true
	}
	for _, id := range ids {
		if !add(id) {
			return b.String()
		}
	}
	for i := 0; i+seenLen <= len(seen); i += seenLen {
		if !add(seen[i : i+seenLen]) {
			break
		}
	}
	return b.String()
}

// trimSeen keeps a saved list within bounds: whole names of hex digits
// only, at most SeenLimit.
func trimSeen(seen string) string {
	if seen == "" {
		return ""
	}
	if strings.Trim(seen, "0123456789abcdef") != "" || len(seen)%seenLen != 0 || len(seen) > SeenLimit*seenLen {
		return MarkSeen("", validIDs(seen)...)
	}
	return seen
}

// validIDs returns the whole hex names in a Seen field that is not all
// well formed.
func validIDs(seen string) []string {
	var out []string
	for i := 0; i+seenLen <= len(seen); i += seenLen {
		if id := seen[i : i+seenLen]; strings.Trim(id, "0123456789abcdef") == "" {
			out = append(out, id)
		}
	}
	return out
}
