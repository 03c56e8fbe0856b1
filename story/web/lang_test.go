package web_test

import (
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

func TestPageLanguage(t *testing.T) {
	for page, want := range map[string]string{
		`<html lang="fr-CA"><body><article><h1>Titre</h1><p>Un texte assez long pour une page.</p></article></body></html>`:    "fr-CA",
		`<html lang="en&quot;&gt;"><body><article><h1>Title</h1><p>A text long enough for a page.</p></article></body></html>`: "",
		`<html><body><article><h1>Title</h1><p>A text long enough for a page.</p></article></body></html>`:                     "",
	} {
		s, err := read.Parse([]byte(page), story.Options{Format: story.FormatHTML})
		if err != nil {
			t.Fatal(err)
		}
		if s.Lang != want {
			t.Errorf("lang %q, want %q, of %.30q", s.Lang, want, page)
		}
	}
}
