package feed

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/reeltui/reel/story"
)

// jsonAuthor is a JSON Feed author (1.0's "author", 1.1's "authors").
type jsonAuthor struct {
	Name string `json:"name"`
}

// jsonItem is one item of a JSON Feed. Fields of the wrong type are
// left empty: encoding/json goes on past them.
type jsonItem struct {
	ID            json.RawMessage `json:"id"`
	URL           string          `json:"url"`
	ExternalURL   string          `json:"external_url"`
	Title         string          `json:"title"`
	ContentHTML   string          `json:"content_html"`
	ContentText   string          `json:"content_text"`
	Summary       string          `json:"summary"`
	Image         string          `json:"image"`
	BannerImage   string          `json:"banner_image"`
	DatePublished string          `json:"date_published"`
	DateModified  string          `json:"date_modified"`
	Author        *jsonAuthor     `json:"author"`
	Authors       []jsonAuthor    `json:"authors"`
	Attachments   []struct {
		URL      string `json:"url"`
		MimeType string `json:"mime_type"`
		Title    string `json:"title"`
	} `json:"attachments"`
}

// jsonTop is a JSON Feed's own fields.
type jsonTop struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url"`
	FeedURL     string       `json:"feed_url"`
	Description string       `json:"description"`
	Icon        string       `json:"icon"`
	Favicon     string       `json:"favicon"`
	Author      *jsonAuthor  `json:"author"`
	Authors     []jsonAuthor `json:"authors"`
}

// readJSON reads a JSON Feed. It reads the object a key at a time and
// the items one by one, so that a feed cut short keeps the items before
// the cut.
func readJSON(data []byte, r resolver) (*document, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, &NotFeedError{What: "JSON, but not an object"}
	}
	var top jsonTop
	fields := map[string]json.RawMessage{}
	var items []jsonItem
	var problems []string
	more := 0
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			problems = append(problems, "the feed breaks off: "+oneLine(err.Error()))
			break
		}
		key, _ := tok.(string)
		if key == "items" {
			items, more, err = readJSONItems(dec)
			if err != nil {
				problems = append(problems, "the feed breaks off after item "+strconv.Itoa(len(items))+": "+oneLine(err.Error()))
				break
			}
			continue
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			problems = append(problems, "the feed breaks off: "+oneLine(err.Error()))
			break
		}
		if _, seen := fields[key]; !seen {
			fields[key] = raw
		}
	}
	whole, _ := json.Marshal(fields)
	_ = json.Unmarshal(whole, &top)
	v := strings.TrimSpace(top.Version)
	if !strings.Contains(v, "jsonfeed.org/version/") {
		return nil, &NotFeedError{What: "JSON, but not a JSON Feed (its version does not name jsonfeed.org)"}
	}
	doc := &document{kind: "JSON Feed " + jsonVersion(v), problems: problems, more: more}
	doc.title = plain(top.Title)
	doc.intro, _ = htmlText(top.Description)
	doc.link = r.linkOf(top.HomePageURL)
	doc.self = r.linkOf(top.FeedURL)
	doc.id = doc.self
	if src := r.picture(firstOf(top.Icon, top.Favicon)); src != "" {
		doc.image = story.Picture{Source: src}
	}
	doc.authors = jsonAuthors(top.Author, top.Authors)
	r = doc.linkBase(r)
	doc.items = make([]lazyItem, 0, len(items))
	// Items are read later (lazy.go): they keep the authors as they are
	// now, whatever the story does to its own.
	authors := slices.Clone(doc.authors)
	for _, ji := range items {
		doc.items = append(doc.items, lazyItem{
			read:     func() item { return ji.read(r, authors) },
			id:       func() string { return ji.key(r).id() },
			pictured: func() bool { return len(ji.pictures(r, image{})) > 0 || hasImgTag(ji.ContentHTML) },
		})
	}
	return doc, nil
}

// jsonVersion is the version a JSON Feed's version address names.
func jsonVersion(v string) string {
	switch v = v[strings.LastIndex(v, "/")+1:]; v {
	case "1":
		return "1.0"
	case "":
		return "1"
	}
	return oneLine(v)
}

// readJSONItems reads the items array an item at a time, up to maxItems;
// it returns how many more it skipped.
func readJSONItems(dec *json.Decoder) ([]jsonItem, int, error) {
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		if err == nil {
			err = errNotArray
		}
		return nil, 0, err
	}
	var items []jsonItem
	more := 0
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return items, more, err
		}
		if len(items) >= maxItems {
			more++
			continue
		}
		var ji jsonItem
		_ = json.Unmarshal(raw, &ji) // fields of the wrong type stay empty
		items = append(items, ji)
	}
	_, err := dec.Token() // the closing bracket
	return items, more, err
}

// errNotArray says that a JSON Feed's items are not a list.
var errNotArray = &NotFeedError{What: "JSON Feed items that are not a list"}

// jsonAuthors reads 1.1's authors, else 1.0's author.
func jsonAuthors(one *jsonAuthor, many []jsonAuthor) []string {
	var out []string
	for _, a := range many {
		if n := oneLine(a.Name); n != "" {
			out = append(out, n)
		}
	}
	if len(out) == 0 && one != nil {
		if n := oneLine(one.Name); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// key reads what names a JSON Feed item.
func (ji jsonItem) key(r resolver) itemKey {
	return itemKey{title: plain(ji.Title), link: firstOf(r.linkOf(ji.URL), r.linkOf(ji.ExternalURL)), guid: jsonID(ji.ID),
		date: firstOf(ji.DatePublished, ji.DateModified)}
}

// read turns a JSON Feed item into an item.
func (ji jsonItem) read(r resolver, feedAuthors []string) item {
	var it item
	key := ji.key(r)
	it.title, it.link = key.title, key.link
	var first image
	switch {
	case strings.TrimSpace(ji.ContentHTML) != "":
		it.paras, first = htmlText(ji.ContentHTML)
	case strings.TrimSpace(ji.ContentText) != "":
		it.paras = paragraphs(ji.ContentText)
	default:
		it.paras = paragraphs(ji.Summary)
	}
	raw := key.date
	it.published = parseDate(raw)
	it.date = showDate(it.published, raw)
	authors := jsonAuthors(ji.Author, ji.Authors)
	if len(authors) == 0 {
		authors = feedAuthors
	}
	it.author = strings.Join(authors, ", ")
	it.id = key.id()
	it.pictures = ji.pictures(r, first)
	return it
}

// jsonID reads an item's id, which the spec says is a string and many
// feeds write as a number.
func jsonID(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return oneLine(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// pictures chooses a JSON Feed item's pictures: its image, else its
// picture attachments, else its banner image, else the first <img> of
// its HTML.
func (ji jsonItem) pictures(r resolver, first image) []story.Picture {
	if src := r.picture(ji.Image); src != "" {
		return []story.Picture{{Source: src}}
	}
	var out []story.Picture
	for _, a := range ji.Attachments {
		if isImage("", a.MimeType, a.URL) {
			if src := r.picture(a.URL); src != "" {
				out = addPicture(out, story.Picture{Source: src, Alt: plain(a.Title)})
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	if src := r.picture(ji.BannerImage); src != "" {
		return []story.Picture{{Source: src}}
	}
	return htmlPicture(first, r)
}
