package feed

import (
	"path/filepath"
	"testing"
)

// TestMayHavePicturesNeverLies checks, over every fixture, that an item
// the reader says has no picture, read whole, has none: a reader with no
// colour trusts it to say a feed has no pictures.
func TestMayHavePicturesNeverLies(t *testing.T) {
	names, _ := filepath.Glob("testdata/*.xml")
	jsons, _ := filepath.Glob("testdata/*.json")
	for _, path := range append(names, jsons...) {
		name := filepath.Base(path)
		told, read := fixture(t, name), fixture(t, name)
		said := make([]bool, told.Len())
		for i := range said {
			said[i] = told.MayHavePictures(i)
		}
		for i, sec := range read.Sections() {
			if !said[i] && len(sec.Pictures) > 0 {
				t.Errorf("%s item %d: said no picture, has %v", name, i+1, sec.Pictures)
			}
		}
	}
}

// TestMayHavePictures checks which items the reader can tell have no
// picture before it reads them: those with no media element and no <img>.
func TestMayHavePictures(t *testing.T) {
	tests := []struct {
		name, src string
		want      []bool
	}{
		{"rss", `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>F</title>` +
			`<item><title>words</title><description>&lt;p&gt;only words&lt;/p&gt;</description></item>` +
			`<item><title>img</title><description>&lt;p&gt;a&lt;IMG SRC="https://e.example/a.jpg"&gt;&lt;/p&gt;</description></item>` +
			`<item><title>media</title><media:content url="https://e.example/b.jpg" medium="image"/></item>` +
			`<item><title>enclosure</title><enclosure url="https://e.example/c.jpg" type="image/jpeg" length="1"/></item>` +
			`<item><title>a video</title><enclosure url="https://e.example/c.mp4" type="video/mp4" length="1"/></item>` +
			`</channel></rss>`, []bool{false, true, true, true, false}},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>` +
			`<entry><title>words</title><id>1</id><content type="html">&lt;p&gt;words&lt;/p&gt;</content></entry>` +
			`<entry><title>xhtml</title><id>2</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>words</p><img src="https://e.example/a.jpg"/></div></content></entry>` +
			`</feed>`, []bool{false, true}},
		{"json", `{"version":"https://jsonfeed.org/version/1.1","title":"F","items":[` +
			`{"id":"1","content_html":"<p>words</p>"},` +
			`{"id":"2","content_html":"<p><img src=\"https://e.example/a.jpg\"></p>"},` +
			`{"id":"3","content_text":"words","image":"https://e.example/b.jpg"}]}`, []bool{false, true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse([]byte(tt.src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range tt.want {
				if got := s.MayHavePictures(i); got != want {
					t.Errorf("item %d: %v, want %v", i+1, got, want)
				}
				if _, parsed := s.ParsedSteps(i); parsed {
					t.Errorf("item %d read whole to tell", i+1)
				}
			}
			for i, sec := range s.Sections() {
				if has := len(sec.Pictures) > 0; has != tt.want[i] {
					t.Errorf("item %d read: pictures %v, the test wants %v", i+1, sec.Pictures, tt.want[i])
				}
			}
		})
	}
}
