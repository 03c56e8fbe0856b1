package text_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
)

// TestCountedGalleries reads "In pictures" pages copied from news sites,
// whose photos are counted ("1 / 12"): one section per photo, its caption
// the section's text and its credit the picture's, the date on the cover.
func TestCountedGalleries(t *testing.T) {
	tests := []struct {
		file    string
		title   string
		authors []string
		date    string
		intro   string
		bodies  []string // prefixes, one per section
		credits []string
	}{
		{file: "guardian-in-pictures.txt", title: "Winter on the northern coast – in pictures", date: "Mon 7 Dec 2026 07.00 GMT",
			intro:   "As the first storms of the season reach the coast, photographers follow fishing crews, lifeboat volunteers and the seals that return to the same beaches every year",
			bodies:  []string{"A fishing boat returns", "Lifeboat volunteers launch", "A grey seal pup", "A sign on the harbour wall reads “Keep off the wall in high winds”", "Waves break over"},
			credits: []string{"Photograph: Ann Example/The Example Agency", "Photograph: Tom Sample/PA", "Photograph: Ann Example/The Example Agency", "Photograph: Lee Placeholder/Getty Images", "Photograph: Tom Sample/PA"}},
		{file: "guardian-copied-tight.txt", title: "Harvest moon over the valley – in pictures", date: "Sat 3 Oct 2026 09.30 BST",
			intro:   "Photographers across the region watched the last full moon of the harvest rise over fields, rivers and rooftops",
			bodies:  []string{"The harvest moon rises", "A heron stands", "Children watch the moonrise"},
			credits: []string{"Photograph: Kay Example/Alamy", "Photograph: Max Sample/PA", "Photograph: Kay Example/Alamy"}},
		{file: "reuters-pictures.txt", title: "Pictures of the week: lanterns, harvests and a flooded square", authors: []string{"Sam Writer"}, date: "Dec 4, 2026, 10:30 AM GMT",
			intro:   "Our photographers bring you the best pictures of the week from around the world.",
			bodies:  []string{"Lanterns drift over the river", "Farmers carry rice sheaves across a flooded field at the end of the harvest season.", "Children play football", "A woman holds a placard reading ‘Save our square’"},
			credits: []string{"Image credit: Reuters", "Photo: AFP", "Image credit: Reuters", "Image credit: Reuters"}},
		{file: "bbc-in-pictures.txt", title: "First frost across the Highlands", date: "3 December 2026",
			intro:   "The first hard frost of the winter settled over the Highlands this week, turning lochs to glass and hillsides white. Photographers were out before dawn to catch it.",
			bodies:  []string{"Frost coats the heather on Rannoch Moor as the sun rises over the hills.", "A red deer stag crosses", "Walkers on the ridge above Loch Tay", "Ice forms on the harbour wall", "A snowplough clears the A9"},
			credits: []string{"Getty Images", "PA Media", "Jane Example/BBC", "Getty Images", "Reuters"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s := storytest.ParseFile(t, filepath.Join("../../testdata/text", tt.file))
			if s.Title != tt.title || s.Date != tt.date || !slices.Equal(s.Authors, tt.authors) {
				t.Errorf("title, date, authors = %q, %q, %q; want %q, %q, %q", s.Title, s.Date, s.Authors, tt.title, tt.date, tt.authors)
			}
			if s.Intro != tt.intro {
				t.Errorf("intro = %q, want %q", s.Intro, tt.intro)
			}
			if s.Len() != len(tt.bodies) {
				t.Fatalf("%d sections, want %d: %s", s.Len(), len(tt.bodies), storytest.Dump(s))
			}
			for i, sec := range s.Sections() {
				if words := strings.TrimSuffix(sec.Caption, "…"); words == "" || !strings.HasPrefix(sec.Body, words) {
					t.Errorf("section %d is named %q, not by its caption's first words", i+1, sec.Caption)
				}
				if !strings.HasPrefix(sec.Body, tt.bodies[i]) {
					t.Errorf("section %d body = %q, want it to start with %q", i+1, sec.Body, tt.bodies[i])
				}
				if strings.Contains(sec.Body, "Photo") || strings.Contains(sec.Body, "credit") || strings.Contains(sec.Body, "Image ") {
					t.Errorf("section %d body holds its credit or a label: %q", i+1, sec.Body)
				}
				if len(sec.Pictures) != 1 || !sec.Pictures[0].Placeholder || sec.Pictures[0].Credit != tt.credits[i] {
					t.Errorf("section %d pictures = %+v, want one placeholder credited %q", i+1, sec.Pictures, tt.credits[i])
				}
			}
		})
	}
}

// TestLabelledGalleryLayouts reads the BBC's gallery as browsers paste
// it: with blank lines between the photos, with none at all, with one
// after every line, and with each caption on its label's line. Each reads
// as the file does: the labels and the page's buttons gone, one section
// per photo, its source the credit.
func TestLabelledGalleryLayouts(t *testing.T) {
	data, err := os.ReadFile("../../testdata/text/bbc-in-pictures.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	want := storytest.Must(read.Parse(data, story.Options{Name: "bbc.txt"}))
	if want.Len() != 5 {
		t.Fatalf("%d sections, want 5: %s", want.Len(), storytest.Dump(want))
	}
	layouts := map[string]string{
		"no blank lines":            strings.ReplaceAll(src, "\n\n", "\n"),
		"a blank line after each":   strings.ReplaceAll(src, "\n", "\n\n"),
		"caption on its label line": strings.ReplaceAll(src, "Image caption,\n", "Image caption, "),
	}
	for name, src := range layouts {
		s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "bbc.txt"}))
		if s.Title != want.Title || s.Date != want.Date || s.Intro != want.Intro {
			t.Errorf("%s: title, date, intro = %q, %q, %q", name, s.Title, s.Date, s.Intro)
		}
		if got, wantSecs := storytest.Dump(s), storytest.Dump(want); got != wantSecs {
			t.Errorf("%s reads as\n%s\nwant\n%s", name, got, wantSecs)
		}
		for _, chrome := range []string{"Share", "Save"} {
			if !slices.Contains(s.Dropped, story.Dropped{Kind: "chrome", Text: chrome}) {
				t.Errorf("%s: %q is not dropped as chrome: %v", name, chrome, s.Dropped)
			}
		}
	}
}

// TestPhotoLabelsNeedBoth checks that a sentence starting "Image source"
// or "Image caption" in text that does not label its photos stays text.
func TestPhotoLabelsNeedBoth(t *testing.T) {
	src := "In Pics- Old cameras\n\nA museum shows its cameras.\n\nThe lenses\n\nImage source, the museum's own archive\n\nThe cases\n\nImage caption, as the curator wrote it, was lost.\n\nSave\n\nThe last camera of the set.\n"
	s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "cameras.txt"}))
	dump := storytest.Dump(s)
	for _, text := range []string{"Image source, the museum's own archive", "Image caption, as the curator wrote it, was lost.", "Save"} {
		if !strings.Contains(dump, text) {
			t.Errorf("%q is lost:\n%s", text, dump)
		}
	}
}

// TestDateLabels checks that a timestamp's label on a line of its own
// takes the date on the next line, in one paragraph with the title or
// after a blank line, and the age a fresh page gives in place of a date.
func TestDateLabels(t *testing.T) {
	tests := []struct{ header, date string }{
		{"\nPublished\n3 December 2026", "3 December 2026"},
		{"\n\nPublished\n\n3 December 2026", "3 December 2026"},
		{"\n\nUpdated:\nJan 13, 2022, 05:43 PM(IST)", "Jan 13, 2022, 05:43 PM(IST)"},
		{"\nPublished\n2 hours ago", "2 hours ago"},
		{"\n\nPublished\n\n1 day ago", "1 day ago"},
		{"\n\nPosted\n15 mins ago", "15 mins ago"},
	}
	for _, tt := range tests {
		src := "In pictures: First frost" + tt.header + "\n\nFrost came to the hills this week.\n\nFrozen loch\n\nIce on the water at dawn.\n\nWalkers\n\nOut on the ridge.\n"
		s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "frost.txt"}))
		if s.Title != "First frost" || s.Date != tt.date || s.Intro != "Frost came to the hills this week." {
			t.Errorf("%q: title, date, intro = %q, %q, %q; want %q, %q, %q", tt.header, s.Title, s.Date, s.Intro, "First frost", tt.date, "Frost came to the hills this week.")
		}
	}
}

// TestAgencyCredits reads galleries that credit each photo at its
// caption's end, as agencies print them ("… 2026. REUTERS/Name", "…
// (AP Photo/Name)"): one section per photo, the credit the picture's, the
// licensing link left out, and a first paragraph that carries a credit a
// photo of its own, not the intro.
func TestAgencyCredits(t *testing.T) {
	tests := []struct {
		file, intro string
		bodies      []string
		credits     []string
	}{
		{file: "reuters-agency-credits.txt", intro: "Our photographers bring you the best pictures of the week from around the world.",
			bodies:  []string{"Lanterns drift", "Farmers carry", "Children play", "A woman holds"},
			credits: []string{"REUTERS/Jane Example", "REUTERS/Sam Sample", "REUTERS/Manuela Placeholder", "REUTERS/Manuela Placeholder"}},
		{file: "ap-photos.txt", intro: "",
			bodies:  []string{"Lanterns drift", "Farmers carry", "Children play", "A woman holds"},
			credits: []string{"AP Photo/Jane Example", "AP Photo/Sam Sample", "AP Photo/Manuela Placeholder", "AP Photo/Manuela Placeholder, File"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s := storytest.ParseFile(t, filepath.Join("../../testdata/text", tt.file))
			if s.Intro != tt.intro {
				t.Errorf("intro = %q, want %q", s.Intro, tt.intro)
			}
			if s.Len() != len(tt.bodies) {
				t.Fatalf("%d sections, want %d: %s", s.Len(), len(tt.bodies), storytest.Dump(s))
			}
			for i, sec := range s.Sections() {
				if !strings.HasPrefix(sec.Body, tt.bodies[i]) || strings.Contains(sec.Body, "Photo") || strings.Contains(sec.Body, "REUTERS") || strings.Contains(sec.Body, "Licensing") {
					t.Errorf("section %d body = %q, want it to start with %q and hold no credit", i+1, sec.Body, tt.bodies[i])
				}
				if len(sec.Pictures) != 1 || !sec.Pictures[0].Placeholder || sec.Pictures[0].Credit != tt.credits[i] {
					t.Errorf("section %d pictures = %+v, want one placeholder credited %q", i+1, sec.Pictures, tt.credits[i])
				}
			}
		})
	}
}

// TestSecondTimestamp checks that a page's second timestamp ("Updated: …"
// under "Published: …") joins the first on the cover, above the intro or
// below it, rather than becoming a photo's caption over the intro.
func TestSecondTimestamp(t *testing.T) {
	const header = "Published: Dec 4, 2026, 08:00 AM GMT\nUpdated: Dec 4, 2026, 10:30 AM GMT"
	const intro = "A storm swept the coast overnight, bringing down trees and power lines in dozens of towns."
	for _, src := range []string{
		"Storm hits the coast\n\n" + header + "\n\n" + intro + "\n\n",
		"Storm hits the coast\n" + header + "\n\n" + intro + "\n\n",
		"Storm hits the coast\n\n" + strings.ReplaceAll(header, "\n", "\n\n") + "\n\n" + intro + "\n\n",
		"Storm hits the coast\n\n" + intro + "\n\n" + header + "\n\n",
		"Storm hits the coast\n\n" + intro + "\n" + header + "\n\n",
	} {
		src += "Fallen trees\n\nCrews cleared the roads by noon.\n\nHigh waves\n\nWaves broke over the wall.\n"
		s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "storm.txt"}))
		if want := "Dec 4, 2026, 08:00 AM GMT · Updated: Dec 4, 2026, 10:30 AM GMT"; s.Date != want || s.Intro != intro {
			t.Errorf("%q: date, intro = %q, %q; want %q, %q", src, s.Date, s.Intro, want, intro)
		}
		if got := storytest.Captions(s); !slices.Equal(got, []string{"Fallen trees", "High waves"}) {
			t.Errorf("%q: captions = %q", src, got)
		}
	}
}

// TestCounterNeedsACount checks that a single "1 / 2" line, as a pager
// leaves in copied text, stays page chrome and splits nothing.
func TestCounterNeedsACount(t *testing.T) {
	src := "In Pics- Festival of masks\n\nThe festival began on Monday.\n\nMasks\n\nDancers in masks led the procession.\n\n1 / 2\n\nRiver\n\nThe crowds moved to the river.\n"
	s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "masks.txt"}))
	if got := storytest.Captions(s); !slices.Equal(got, []string{"Masks", "River"}) {
		t.Errorf("captions = %q", got)
	}
	if !slices.Contains(s.Dropped, story.Dropped{Kind: "chrome", Text: "1 / 2"}) {
		t.Errorf("a lone counter is not chrome: %v", s.Dropped)
	}
}

// TestHeaderAfterIntro checks that a byline and a timestamp after the
// intro go to the cover, one each, whether or not blank lines part them
// from the intro and from each other, in either order and with any of the
// labels news pages give a timestamp.
func TestHeaderAfterIntro(t *testing.T) {
	headers := [][2]string{
		{"Updated: Jan 13, 2022, 05:43 PM(IST)", "By Jane Doe"},
		{"By Jane Doe", "Updated: Jan 13, 2022, 05:43 PM(IST)"},
		{"Published: Jan 13, 2022, 05:43 PM(IST)", "By Jane Doe"},
		{"By Jane Doe", "Posted on Jan 13, 2022, 05:43 PM(IST)"},
		{"Published\nJan 13, 2022, 05:43 PM(IST)", "By Jane Doe"},
	}
	// The gaps after the intro, between the two header lines and after
	// them.
	layouts := [][3]string{
		{"\n", "\n", "\n\n"},
		{"\n\n", "\n\n", "\n\n"},
		{"\n\n", "\n", "\n\n"}, // the header lines one paragraph
		{"\n", "\n\n", "\n\n"},
	}
	for _, h := range headers {
		for _, gap := range layouts {
			src := "Snow in the hills\n\nHeavy snow closed the passes overnight." + gap[0] + h[0] + gap[1] + h[1] + gap[2] + "Closed roads\n\nThe pass was shut to all traffic.\n\nChildren play\n\nSchools closed for the day.\n"
			s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "snow.txt"}))
			if s.Date != "Jan 13, 2022, 05:43 PM(IST)" || !slices.Equal(s.Authors, []string{"Jane Doe"}) {
				t.Errorf("%q: date, authors = %q, %q", src, s.Date, s.Authors)
			}
			if s.Intro != "Heavy snow closed the passes overnight." {
				t.Errorf("%q: intro = %q", src, s.Intro)
			}
			if got := storytest.Captions(s); !slices.Equal(got, []string{"Closed roads", "Children play"}) {
				t.Errorf("%q: captions = %q", src, got)
			}
		}
	}
}

// TestLabelledCreditAtEnd checks that a labelled credit run on at a
// caption's end, as the Guardian's copied galleries have it ("…
// Photograph: Jane Doe/PA"), is the photo's credit, and that a sentence
// that only speaks of a photograph stays whole.
func TestLabelledCreditAtEnd(t *testing.T) {
	tests := []struct{ line, body, credit string }{
		{"Residents wade through the flooded high street. Photograph: Jane Example/PA", "Residents wade through the flooded high street.", "Photograph: Jane Example/PA"},
		{"A man rows past the abbey. Photo: Sam Sample/Reuters", "A man rows past the abbey.", "Photo: Sam Sample/Reuters"},
		{"A heron in the shallows. Photograph: Max Sample", "A heron in the shallows.", "Photograph: Max Sample"},
		{"She kept one picture. Photograph: a gift from her mother.", "She kept one picture. Photograph: a gift from her mother.", ""},
		{"He framed the last one. Photo: Taken at dawn. It hung by the door.", "He framed the last one. Photo: Taken at dawn. It hung by the door.", ""},
	}
	for _, tt := range tests {
		src := "Floods across the valley\n\nFamilies stacked sandbags through the night.\n\n" + tt.line +
			"\n\nA boat passes the church. Photograph: Kay Example/Alamy\n"
		s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "floods.txt"}))
		if s.Len() != 2 {
			t.Errorf("%q: %d sections, want 2: %s", tt.line, s.Len(), storytest.Dump(s))
			continue
		}
		sec := s.Section(0)
		if sec.Body != tt.body || len(sec.Pictures) != 1 || sec.Pictures[0].Credit != tt.credit {
			t.Errorf("%q: body, pictures = %q, %+v; want %q credited %q", tt.line, sec.Body, sec.Pictures, tt.body, tt.credit)
		}
	}
}
