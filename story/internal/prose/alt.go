package prose

import (
	"slices"
	"strconv"
	"strings"
)

// layoutWords are the size and layout keywords that Marp and presenterm
// put in alt text, alone or with a ":value".
var layoutWords = map[string]bool{
	"bg": true, "image": true, "w": true, "h": true, "width": true, "height": true, "left": true, "right": true,
	"top": true, "bottom": true, "contain": true, "cover": true, "fit": true, "auto": true, "vertical": true,
	"horizontal": true, "blur": true, "sepia": true, "grayscale": true, "invert": true, "opacity": true,
	"saturate": true, "contrast": true, "brightness": true, "hue-rotate": true, "drop-shadow": true,
}

// isLayoutWord reports whether w is a layout keyword or a bare size ("30",
// "50%", "200px").
func isLayoutWord(w string) bool {
	name, _, _ := strings.Cut(strings.ToLower(w), ":")
	if layoutWords[name] {
		return true
	}
	num := strings.TrimSuffix(strings.TrimSuffix(w, "%"), "px")
	if num == "" || (num[0] < '0' || num[0] > '9') && num[0] != '.' {
		return false // not a number: spare ParseFloat's error
	}
	_, err := strconv.ParseFloat(num, 64)
	return err == nil
}

// isStrongLayoutWord reports whether w can only be a keyword: "bg",
// "image:..." or a size such as "w:200".
func isStrongLayoutWord(w string) bool {
	name, val, colon := strings.Cut(strings.ToLower(w), ":")
	return name == "bg" || (colon && val != "" && (name == "image" || name == "w" || name == "h" || name == "width" || name == "height"))
}

// A file name or slug used as alt text, like 0225-lupita-nyongo-getty-01
// or update_graphic_red_bar (words joined by underscores, as no prose is).
var slugAltRe = LazyRegexp(`(?i)^[\w.-]*(\d[\w.-]*[-_]|[-_][\w.-]*\d)[\w.-]*$|^[a-z0-9]+(_[a-z0-9]+)+$|^[\w.-]+\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$|^(img|dsc|image|photo|pic)[-_]?\d+$`)

// CleanAlt strips slide tools' size and layout keywords from alt text;
// what is left (maybe nothing) is the description. A file name or slug is
// no description.
func CleanAlt(alt string) string {
	first, _, spaced := strings.Cut(alt, " ")
	if spaced && !strings.ContainsAny(alt, ":%\t\n") && !isLayoutWord(first) {
		return alt // a plain description: most alt text
	}
	words := strings.Fields(alt)
	if len(words) > 0 && isLayoutWord(words[0]) && (isStrongLayoutWord(words[0]) || !slices.ContainsFunc(words, func(w string) bool { return !isLayoutWord(w) })) {
		for len(words) > 0 && isLayoutWord(words[0]) {
			words = words[1:]
		}
	}
	if len(words) == 1 && strings.ContainsAny(words[0], "0123456789.-_") && slugAltRe().MatchString(words[0]) {
		return ""
	}
	return strings.Join(words, " ")
}
