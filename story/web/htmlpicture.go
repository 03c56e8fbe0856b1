package web

import (
	"path"
	"strconv"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"golang.org/x/net/html"
)

// videoEmbedRe matches the address of a video player that a page embeds
// in an iframe: YouTube, Vimeo, Dailymotion.
var videoEmbedRe = prose.LazyRegexp(`(?i)^(?:https?:)?//(?:www\.)?(?:youtube(?:-nocookie)?\.com/embed/|player\.vimeo\.com/video/|dailymotion\.com/embed/video/)[\w-]`)

// videoEmbed reports whether n is an iframe that embeds a video player:
// a video of the story, where other iframes are ads and widgets.
func videoEmbed(n *html.Node) bool {
	return isElement(n, "iframe") && videoEmbedRe().MatchString(strings.TrimSpace(attr(n, "src")))
}

// boilerplateAlts start the alt text a publishing system gives every
// picture, lower-cased: G/O Media's (Kotaku, Gizmodo, Jalopnik) is
// "Illustration for article titled" and the headline.
var boilerplateAlts = []string{"illustration for article titled"}

// isImage reports whether n is an element that shows a picture. A
// <picture> shows one only through its <img>: with none (CityLab puts
// its desktop sizes in one beside the picture that shows) it shows
// nothing.
func isImage(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.Data {
	case "img", "amp-img", "amp-anim":
		return true
	case "picture":
		return findFirst(n, func(c *html.Node) bool { return isElement(c, "img") }) != nil
	}
	return false
}

// captionCreditRe finds a credit at the end of a caption: "(AP)", "(Photo: X)",
// "Photo by X", "Credit: X", "Photograph: X", "© X", "Image: X"; in German
// "Foto: X", in Arabic "تصوير: X" (photograph) and "(أ ف ب)" (AFP). A
// name's initials ("A. Bailey") do not end it.
var captionCreditRe = prose.LazyRegexp(`(?i)(?:^|[\s.;,])(\((?:[^()]*(?:photo|photograph|picture|image|credit|getty|reuters|afp|ap|epa|dpa|\/|أ ف ب|أ ب|رويترز)[^()]*|(?-i:[A-Z][\w.'&-]*(?:\s[A-Z][\w.'&-]*){0,3}))\)|(?:photos?|photograph|picture|image)\s+by\s+(?:\b\p{Lu}\.|[^.])+|(?:photo|photograph|picture|image|credit|credits|source|foto|bild|تصوير|صورة|المصدر)s?\s*:\s*(?:\b\p{Lu}\.|[^.])+|©\s*(?:\b\p{Lu}\.|[^.])+)\.?\s*$`)

// notCredit are bracketed words at the end of a caption that are no credit.
var notCredit = map[string]bool{"VIDEO": true, "PHOTOS": true, "PHOTO": true, "GALLERY": true, "WATCH": true, "LIVE": true, "UPDATED": true, "UPDATE": true, "PICTURED": true, "LEFT": true, "RIGHT": true, "CENTER": true, "CENTRE": true, "ABOVE": true, "BELOW": true, "TOP": true, "BOTTOM": true}

// splitCredit takes a trailing credit off a caption.
func splitCredit(caption string) (string, string) {
	m := captionCreditRe().FindStringSubmatchIndex(caption)
	if m == nil {
		return caption, ""
	}
	credit := strings.TrimSpace(caption[m[2]:m[3]])
	// "A credit card sized PC - Image: Raspberry Pi Foundation": the
	// dash only led to the credit.
	rest := strings.TrimRight(caption[:m[2]], " \t-–—|·")
	if rest == "" && strings.HasPrefix(credit, "(") {
		return caption, "" // the whole caption in brackets is no credit
	}
	credit = strings.TrimSuffix(strings.TrimPrefix(credit, "("), ")")
	if notCredit[strings.ToUpper(credit)] {
		return caption, ""
	}
	return rest, strings.TrimSpace(credit)
}

// creditClassRe marks elements that hold a picture's credit.
var creditClassRe = prose.LazyRegexp(`(?i)credit|copyright|photographer|attribution|byline|source|courtesy`)

// isCreditElement reports whether n holds a credit inside a caption.
func isCreditElement(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch attr(n, "itemprop") {
	case "copyrightHolder", "creator", "author", "copyrightNotice", "creditText":
		return true
	}
	return n.Data == "small" || creditClassRe().MatchString(attr(n, "class"))
}

// figure is a story picture found on the page.
type figure struct {
	pics []story.Picture
}

// readFigure reads the pictures of el (a figure, or an image on its own)
// with their caption and credit. caption, if not nil, is a figcaption
// that follows the figure as a sibling.
func (p *page) readFigure(el *html.Node, caption *html.Node) figure {
	if inner := innerFigures(el); caption == nil && len(inner) > 0 {
		// A figure of figures (a row of pictures, each with a caption of
		// its own) is read figure by figure.
		var fig figure
		for _, f := range inner {
			fig.pics = append(fig.pics, p.readFigure(f, nil).pics...)
		}
		return fig
	}
	imgs := figureImages(el)
	capText, credit := figureCaptionText(el, caption)
	var fig figure
	seen := map[string]bool{}
	for _, img := range imgs {
		pic := p.pictureOf(img)
		if pic.Source == "" && pic.Video == "" {
			continue
		}
		if seen[pic.Source+pic.Video] {
			continue
		}
		seen[pic.Source+pic.Video] = true
		p.captionPicture(&pic, img, capText, credit)
		fig.pics = append(fig.pics, pic)
	}
	if len(fig.pics) == 0 {
		fig.pics = p.smallDataFigure(imgs, capText, credit)
	}
	return fig
}

// smallDataFigure keeps a figure whose only picture is a data: URI too
// small to be taken for a picture on its own (a lazy loader's stand-in
// pixel is one): with a caption or alt text it says what it shows, and
// its words are never lost with it. Without them it is left out, and
// --debug says so.
func (p *page) smallDataFigure(imgs []*html.Node, capText, credit string) []story.Picture {
	for _, img := range imgs {
		src := strings.TrimSpace(attr(img, "src"))
		if !isImage(img) || !strings.HasPrefix(strings.ToLower(src), "data:image/") || len(src) > maxDataPicture {
			continue
		}
		pic := p.pictureOf(img)
		pic.Source = src
		if capText == "" && credit == "" && pic.Alt == "" {
			p.drop("picture", "a data: picture of "+strconv.Itoa(len(src))+" characters with no caption or alt text (a stand-in)")
			return nil
		}
		p.captionPicture(&pic, img, capText, credit)
		return []story.Picture{pic}
	}
	return nil
}

// figureImages returns the images and videos of el.
func figureImages(el *html.Node) []*html.Node {
	if isImage(el) || el.Data == "amp-video" || el.Data == "video" || videoEmbed(el) {
		return []*html.Node{el}
	}
	imgs := findAll(el, func(n *html.Node) bool {
		return isImage(n) || isElement(n, "amp-video") || isElement(n, "video") || videoEmbed(n)
	})
	if len(imgs) == 0 {
		// Only a noscript fallback holds the image.
		for _, ns := range findAll(el, func(n *html.Node) bool { return isElement(n, "noscript") }) {
			imgs = append(imgs, findAll(ns, isImage)...)
		}
	}
	return imgs
}

// figureCaptionText returns the caption and credit of el: those of
// caption, or else of el's own caption element, or else of its data
// attributes.
func figureCaptionText(el, caption *html.Node) (capText, credit string) {
	if caption == nil && el.Data == "figure" {
		caption = findFirst(el, func(n *html.Node) bool { return isElement(n, "figcaption") })
	}
	if caption == nil {
		caption = findFirst(el, func(n *html.Node) bool {
			ip := attr(n, "itemprop")
			return ip == "caption" || ip == "description"
		})
	}
	if caption != nil {
		capText = textOf(caption, isCreditElement)
		for _, c := range findAll(caption, isCreditElement) {
			if t := textOf(c, nil); t != "" {
				credit = prose.JoinNonEmpty(credit, t)
			}
		}
		capText = strings.Join(strings.Fields(capText), " ")
	}
	if credit == "" {
		capText, credit = splitCredit(capText)
	}
	for _, key := range []string{"data-credit", "data-photo-credit", "data-copyright"} {
		if credit == "" {
			credit = story.OneLine(attr(el, key))
		}
	}
	return capText, tidyCredit(credit)
}

// pictureOf reads one image or video element: its address, size and alt
// text.
func (p *page) pictureOf(img *html.Node) story.Picture {
	pic := story.Picture{Width: sizeAttr(img, "width"), Height: sizeAttr(img, "height")}
	switch img.Data {
	case "amp-video", "video":
		pic.Source = p.resolve(attr(img, "poster"))
		pic.Video = p.videoSource(img)
		pic.Alt = plainAttr(attr(img, "title"))
		return pic
	case "iframe":
		// An embedded player: no picture of its own to show.
		pic.Video = p.resolve(attr(img, "src"))
		pic.Alt = plainAttr(attr(img, "title"))
		return pic
	}
	pic.Source = p.imageSource(img)
	alt := attr(img, "alt")
	if img.Data == "picture" {
		if inner := findFirst(img, func(n *html.Node) bool { return isElement(n, "img") }); inner != nil {
			alt = attr(inner, "alt")
			pic.Width, pic.Height = sizeAttr(inner, "width"), sizeAttr(inner, "height")
		}
	}
	pic.Alt = prose.CleanAlt(plainAttr(alt))
	if prose.HasFoldPrefix(pic.Alt, boilerplateAlts) {
		pic.Alt = "" // the same words on every picture of the site
	}
	return pic
}

// captionPicture gives pic the figure's caption and credit (or the
// page's metadata's for its address), and keeps alt text from telling
// them again.
func (p *page) captionPicture(pic *story.Picture, img *html.Node, capText, credit string) {
	if c := story.OneLine(attr(img, "data-credit")); c != "" && credit == "" {
		pic.Credit = tidyCredit(c)
	} else {
		pic.Credit = credit
	}
	pic.Caption = capText
	if ld, ok := p.meta.images[imageKey(pic.Source)]; ok {
		if pic.Caption == "" {
			pic.Caption = ld.caption
		}
		if pic.Credit == "" {
			pic.Credit = ld.credit
		}
	}
	if pic.Caption != "" && strings.EqualFold(tidyCredit(pic.Caption), pic.Credit) {
		// eHow's caption is only the credit again, "(Getty Images)":
		// the alt text then names the picture.
		pic.Caption = ""
	}
	altText, altCredit := splitCredit(pic.Alt)
	if altCredit != "" && pic.Credit != "" && sameLetters(tidyCredit(altCredit), pic.Credit) && sameWords(altText, pic.Caption) {
		// The alt text is the caption and the credit, told again.
		pic.Alt = pic.Caption
	}
	if pic.Alt != "" && (sameWords(pic.Alt, pic.Caption) || startsCaption(pic.Alt, pic.Caption)) {
		// Alt text that repeats the caption, or its start cut short
		// (the Herald Sun's stops at "so-called ‘metadat"), is still
		// the picture's description: kept, in the caption's words, so
		// that a panel neither claims "no description" nor says it
		// twice.
		pic.Alt = pic.Caption
	}
}

// videoSource is the address of a video element's first source.
func (p *page) videoSource(v *html.Node) string {
	if u := p.resolve(attr(v, "src")); u != "" {
		return u
	}
	if s := findFirst(v, func(n *html.Node) bool { return isElement(n, "source") && attr(n, "src") != "" }); s != nil {
		return p.resolve(attr(s, "src"))
	}
	return ""
}

// tidyCredit drops the words that only announce a credit.
func tidyCredit(c string) string {
	// French sets a space before a colon: "Photo : X".
	c = strings.ReplaceAll(strings.TrimSpace(c), " :", ":")
	// Pages repeat the label for screen readers: "CreditCredit Jane Doe".
	for again := true; again; {
		again = false
		for _, prefix := range []string{"Photograph:", "Photograph by", "Photo:", "Photos:", "Photo by", "Photos by", "Picture:", "Picture by", "Image:", "Image by", "Image copyright", "Image source", "Photo credit", "Image credit", "Credit:", "Credits:", "Credit", "Source:", "Foto:", "Bild:", "تصوير:", "صورة:", "المصدر:"} {
			if len(c) > len(prefix) && strings.EqualFold(c[:len(prefix)], prefix) {
				c, again = strings.TrimSpace(c[len(prefix):]), true
				break
			}
		}
	}
	return strings.TrimSuffix(strings.TrimSpace(strings.Trim(c, "()")), ".")
}

// imageKey is the file name of a picture's address, for matching a JSON-LD
// ImageObject to the picture on the page.
func imageKey(src string) string {
	if i := strings.IndexAny(src, "?#"); i >= 0 {
		src = src[:i]
	}
	return strings.ToLower(path.Base(src))
}

// teaserWords are the words, in a class or id, of page parts that hold
// other stories, ads and widgets rather than this story's pictures. A
// class is split at - and _ into words, so "related-stories" and
// "ad_slot" match while "fig--has-shares" and "header" do not.
var teaserWords = map[string]bool{
	"related": true, "promo": true, "promos": true, "teaser": true, "teasers": true, "rail": true, "recirc": true,
	"recirculation": true, "trending": true, "outbrain": true, "taboola": true, "sponsor": true, "sponsored": true,
	"advert": true, "advertisement": true, "ad": true, "ads": true, "adslot": true, "share": true, "sharing": true,
	"social": true, "newsletter": true, "avatar": true, "logo": true, "popular": true, "recommended": true,
	"recommendations": true, "signup": true, "readmore": true, "mostread": true, "nextup": true, "alsoread": true,
	"thumbnail": true, "thumb": true, "sidebar": true, "widget": true, "byline": true, "author": true,
	"zergnet": true, "next": true, "toc": true, "comments": true, "commentcount": true, "livefyre": true, "disqus": true,
}

// teaserWord returns the first teaser word in a class or id list, or "".
func teaserWord(classes string) string {
	for _, token := range strings.Fields(strings.ToLower(classes)) {
		for _, w := range strings.FieldsFunc(token, func(r rune) bool { return r == '-' || r == '_' }) {
			if teaserWords[w] {
				return w
			}
		}
		if strings.Contains(token, "related") || strings.Contains(token, "promo") || strings.Contains(token, "teaser") {
			return "related"
		}
	}
	return ""
}

// teaserReason says why a picture is no story picture ("" if it is one):
// it sits in page chrome (nav, aside, footer, header) or in a part whose
// class says related, promo, ad, share; it is a thumbnail of 150 pixels or
// less; or it links to another page.
func (p *page) teaserReason(n *html.Node) string {
	if w, h := sizeAttr(n, "width"), sizeAttr(n, "height"); (w > 0 && w <= 2) || (h > 0 && h <= 2) {
		return "tracking pixel"
	}
	if w, h := sizeAttr(n, "width"), sizeAttr(n, "height"); (w > 0 && w <= 150) || (h > 0 && h <= 150) {
		return "thumbnail"
	}
	for a := n; a != nil && a.Type == html.ElementNode; a = a.Parent {
		switch a.Data {
		case "header":
			// An article's own header holds its lead picture.
			if !hasAncestor(a, "article", "main") {
				return "inside header"
			}
		case "nav", "aside", "footer", "form":
			return "inside " + a.Data
		case "a":
			if href := strings.ToLower(attr(a, "href")); href != "" && !strings.HasPrefix(href, "#") && !looksLikeImageURL(href) {
				return "links to another page"
			}
		case "body", "article", "main":
			return ""
		}
		if w := teaserWord(attr(a, "class") + " " + attr(a, "id")); w != "" {
			return inBlock(w)
		}
	}
	return ""
}

var imageExtRe = prose.LazyRegexp(`(?i)\.(jpe?g|png|gif|webp|avif)(\?|#|$)`)

func looksLikeImageURL(u string) bool { return imageExtRe().MatchString(u) }

// hasAncestor reports whether an ancestor of n is one of the elements
// named.
func hasAncestor(n *html.Node, names ...string) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode {
			for _, name := range names {
				if a.Data == name {
					return true
				}
			}
		}
	}
	return false
}

// startsCaption reports whether alt is the start of caption, perhaps cut
// in the middle of a word: their letters and digits, whatever the case
// and punctuation, begin alike.
func startsCaption(alt, caption string) bool {
	a := letters(alt)
	return a != "" && strings.HasPrefix(letters(caption), a)
}

// sameWords reports whether two texts say the same, ignoring case, spacing
// and final punctuation: alt text often repeats the caption.
func sameWords(a, b string) bool {
	norm := func(s string) string {
		return strings.ToLower(strings.TrimRight(strings.Join(strings.Fields(s), " "), ".!;: "))
	}
	return norm(a) == norm(b)
}

// innerFigures returns the figures el, a figure, holds as its children.
func innerFigures(el *html.Node) []*html.Node {
	if el.Data != "figure" {
		return nil
	}
	var out []*html.Node
	for c := el.FirstChild; c != nil; c = c.NextSibling {
		if isElement(c, "figure") {
			out = append(out, c)
		}
	}
	return out
}
