package state

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// BenchmarkSaveFull saves into a store that holds its 1 000 stories, each
// with a long path and caption: what closing reel costs at worst.
func BenchmarkSaveFull(b *testing.B) {
	s := Open(b.TempDir())
	long := strings.Repeat("x", 200)
	var entries []Entry
	for i := range Limit {
		entries = append(entries, Entry{Key: fmt.Sprintf("file:/home/reader/%s/%d.md", long, i), Hash: "0123456789abcdef0123456789abcdef", Section: i % 40, Caption: long, Time: time.Unix(int64(i), 0)})
	}
	if err := s.write(entries); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if err := s.Save(Entry{Key: fmt.Sprint("file:/new/", i%10)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLookupFull is what opening a story costs at worst.
func BenchmarkLookupFull(b *testing.B) {
	s := Open(b.TempDir())
	long := strings.Repeat("x", 200)
	var entries []Entry
	for i := range Limit {
		entries = append(entries, Entry{Key: fmt.Sprintf("file:/home/reader/%s/%d.md", long, i), Caption: long, Time: time.Unix(int64(i), 0)})
	}
	if err := s.write(entries); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := s.Lookup("file:/missing"); err != nil {
			b.Fatal(err)
		}
	}
}
