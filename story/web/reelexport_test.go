package web_test

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// TestReelExportSections: on a page reel's HTML export wrote, each
// <section> is one section, its figures all in it (side by side in
// columns, or between paragraphs); on any other page, a figure after a
// heading's first starts a section of its own, as a gallery's do.
func TestReelExportSections(t *testing.T) {
	page := func(generator string) string {
		return `<!DOCTYPE html><html><head><meta name="generator" content="` + generator + `"><title>Deck</title></head><body>` +
			`<header><h1>Deck</h1></header><main><div class="intro"><p>Intro words.</p></div>` +
			`<section id="section-1"><h2>Two sides</h2><div class="text"><p>Before.</p></div>` +
			`<div class="columns cols-2-1"><div class="column"><div class="text"><p>Left.</p></div><figure><img src="a.png" alt="Red field"><figcaption>Red</figcaption></figure></div>` +
			`<div class="column"><div class="text"><p>Right.</p></div><figure><img src="b.png" alt="Blue field"><figcaption>Blue</figcaption></figure></div></div>` +
			`<div class="text"><p>After.</p></div></section>` +
			`<section id="section-2"><h2>Plain</h2><div class="text"><p>Just text.</p></div></section></main></body></html>`
	}
	tests := []struct {
		generator string
		captions  []string
	}{
		{"reel", []string{"Two sides", "Plain"}},
		{"WordPress 6.5", []string{"Two sides", "Blue", "Plain"}},
	}
	for _, tt := range tests {
		t.Run(tt.generator, func(t *testing.T) {
			s, err := read.Parse([]byte(page(tt.generator)), story.Options{Format: story.FormatHTML})
			if err != nil {
				t.Fatal(err)
			}
			var captions []string
			for _, sec := range s.Sections() {
				captions = append(captions, sec.Caption)
			}
			if strings.Join(captions, " | ") != strings.Join(tt.captions, " | ") {
				t.Fatalf("sections %q, want %q", captions, tt.captions)
			}
			if tt.generator != "reel" {
				return
			}
			sec := s.Section(0)
			if len(sec.Pictures) != 2 {
				t.Fatalf("%d pictures, want 2", len(sec.Pictures))
			}
			for i, want := range []struct{ before, after string }{{"Left.", "Right."}, {"Right.", "After."}} {
				at := sec.Pictures[i].At
				if !strings.Contains(sec.Body[:at], want.before) || !strings.Contains(sec.Body[at:], want.after) {
					t.Errorf("picture %d at %d of %q", i+1, at, sec.Body)
				}
			}
		})
	}
}

// TestReelExportCoverDate: an export written before its date had a meta
// tag holds it only in its cover's <time>, as people write it (no
// datetime attribute): on a page reel wrote, that is the story's date.
func TestReelExportCoverDate(t *testing.T) {
	page := func(generator string) string {
		return `<!DOCTYPE html><html><head><meta name="generator" content="` + generator + `"><title>Deck</title>` +
			`<meta name="author" content="Jo Writer"></head><body><header class="cover"><h1>Deck</h1>` +
			`<p class="meta byline"><span class="byline">By Jo Writer</span> <span aria-hidden="true">·</span> <time>2 November 2026</time></p></header>` +
			`<main><div class="intro"><p>Intro words.</p></div><section id="section-1"><h2>One</h2><div class="text"><p>Words.</p></div></section></main></body></html>`
	}
	for _, tt := range []struct{ generator, date string }{{"reel", "2 November 2026"}, {"WordPress 6.5", ""}} {
		s, err := read.Parse([]byte(page(tt.generator)), story.Options{Format: story.FormatHTML})
		if err != nil {
			t.Fatal(err)
		}
		if s.Date != tt.date {
			t.Errorf("%s: date %q, want %q", tt.generator, s.Date, tt.date)
		}
	}
}
