package feed

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct {
		name, src, contentType, kind string
		ok                           bool
	}{
		{"RSS 2.0", `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel/></rss>`, "", "RSS 2.0", true},
		{"RSS behind a stylesheet, comments and a BOM", "\ufeff<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"s.xsl\"?>\n<!-- hi -->\n<rss version='0.92'>", "", "RSS 0.92", true},
		{"RSS with a doctype and entities", `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x" [<!ENTITY a "b">]><rss version="0.91">`, "", "RSS 0.91", true},
		{"RSS 1.0", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">`, "", "RSS 1.0", true},
		{"Atom", `<feed xmlns="http://www.w3.org/2005/Atom">`, "", "Atom 1.0", true},
		{"JSON Feed", ` {"version": "https://jsonfeed.org/version/1.1", "items": []}`, "", "JSON Feed 1.1", true},
		{"JSON Feed 1", `{"title":"x","version":"https://jsonfeed.org/version/1"}`, "", "JSON Feed 1.0", true},
		{"a web page that quotes a feed", "<!DOCTYPE html><html><body><pre>&lt;rss version=\"2.0\"&gt;</pre><rss>", "", "", false},
		{"a web page that names application/rss+xml", `<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head>`, "text/html", "", false},
		{"an SVG", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`, "", "", false},
		{"other JSON", `{"version": "1.0.0", "name": "pkg"}`, "application/json", "", false},
		{"Markdown", "# Title\n\nText", "", "", false},
		{"a Content-Type that names a feed", `garbage`, "application/rss+xml; charset=utf-8", "RSS", true},
		{"Content-Type application/feed+json", `{}`, "application/feed+json", "JSON Feed", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, ok := Detect([]byte(tt.src), tt.contentType)
			if kind != tt.kind || ok != tt.ok {
				t.Errorf("Detect = %q %v, want %q %v", kind, ok, tt.kind, tt.ok)
			}
		})
	}
}
