//go:build linux

package export

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// memoryChild names the folder of the story a child process exports, when
// the test runs as that child.
const memoryChild = "REEL_EXPORT_MEMORY_CHILD"

// TestPDFMemory exports a gallery of large photographs to PDF in a
// process of its own and holds its peak memory (its largest resident
// size, VmHWM) to the bound: twice the pictures' embedded bytes,
// plus 50 MB.
func TestPDFMemory(t *testing.T) {
	if dir := os.Getenv(memoryChild); dir != "" {
		s, origin := readStory(t, filepath.Join(dir, "story.md"))
		if err := WriteFile(context.Background(), filepath.Join(dir, "out.pdf"), s, Options{Format: FormatPDF, Origin: origin}); err != nil {
			t.Fatal(err)
		}
		// The peak of this process's own memory. (The kernel's count for
		// the whole child, in its rusage, starts from the parent's peak:
		// Go starts a child sharing its parent's memory until exec.)
		status, err := os.ReadFile("/proc/self/status")
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?m)^VmHWM:\s+(\d+) kB`).FindSubmatch(status)
		if m == nil {
			t.Fatalf("no VmHWM in /proc/self/status")
		}
		fmt.Printf("peak-kB %s\n", m[1])
		return
	}
	if os.Getenv("NOPIC") != "" {
		t.Skip()
	}
	if testing.Short() {
		t.Skip("decodes 40 photographs")
	}
	if raceDetector {
		t.Skip("the race detector's own memory is several times the export's: measured without -race")
	}
	dir := t.TempDir()
	const n = 40
	var deck strings.Builder
	var embedded int64
	deck.WriteString("# Forty photographs\n\nIntro.\n")
	for i := range n {
		name := fmt.Sprintf("p%02d.jpg", i)
		// Each a picture of its own: fpdf keeps one copy of pictures
		// that are alike.
		data := photoJPEG(t, 1600, 1200, uint32(i+1))
		embedded += int64(len(data))
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&deck, "\n---\n\n# Photograph %d\n\n![Photograph %d](%s)\n", i+1, i+1, name)
	}
	if err := os.WriteFile(filepath.Join(dir, "story.md"), []byte(deck.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPDFMemory$", "-test.count=1")
	cmd.Env = append(os.Environ(), memoryChild+"="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`peak-kB (\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("child did not say its peak:\n%s", out)
	}
	kb, _ := strconv.ParseInt(string(m[1]), 10, 64)
	peak := kb << 10
	info, err := os.Stat(filepath.Join(dir, "out.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	bound := 2*embedded + 50<<20
	t.Logf("peak %d MB for %d MB of pictures (PDF %d MB); bound %d MB", peak>>20, embedded>>20, info.Size()>>20, bound>>20)
	if peak > bound {
		t.Errorf("peak memory %d MB is over %d MB", peak>>20, bound>>20)
	}
}

func TestGrowBufferFindsFpdfBuffer(t *testing.T) {
	pdf := fpdf.New("L", "mm", "A4", "")
	if !growBuffer(pdf, 1<<20) {
		t.Fatal("fpdf's document buffer is not where growBuffer looks: PDF exports will peak at twice the memory")
	}
	pdf.AddPage()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("a PDF with a grown buffer: %v", err)
	}
}
