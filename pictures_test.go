package main

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture/encode"
)

// TestInteractivePictures runs reel on a terminal: the deck's first
// picture appears as half blocks (auto mode, on a terminal that says it
// is kitty but does not answer the kitty query), and with NO_COLOR no
// picture is drawn.
func TestInteractivePictures(t *testing.T) {
	t.Parallel()
	tm := startTermEnv(t, nil, true, []string{"XDG_STATE_HOME=" + t.TempDir(), "KITTY_WINDOW_ID=1"}, "--start", "1", "testdata/pictures/deck.md")
	tm.waitFor("The sun sets over a calm sea")
	deadline := patience(t)
	for !strings.Contains(tm.emu.Render(), "▀") {
		if time.Now().After(deadline) {
			t.Fatalf("no picture drawn:\n%s", tm.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The kitty query, without the attributes request that ends it in
	// encode.KittyQuery: auto mode asks more before its own.
	kittyQuery := strings.TrimSuffix(encode.KittyQuery, ansi.RequestPrimaryDeviceAttributes)
	if raw := tm.raw.String(); !strings.Contains(raw, kittyQuery) {
		t.Error("auto mode did not ask the terminal about kitty graphics")
	}
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}

	// A terminal that is not kitty is not asked.
	tm = startTerm(t, nil, true, "--start", "1", "testdata/pictures/deck.md")
	tm.waitFor("The sun sets over a calm sea")
	tm.send("q")
	tm.exit()
	if strings.Contains(tm.raw.String(), "\x1b_G") {
		t.Error("a terminal that is not kitty was sent the kitty query")
	}

	// Under NO_COLOR half blocks are off (they are colour), while a
	// terminal that draws real pixels would still show pictures (they are
	// content): this one draws none, so nothing reel wrote, to the end,
	// is a picture, whether p has turned pictures off or on again.
	tm = startTermEnv(t, nil, true, []string{"XDG_STATE_HOME=" + t.TempDir(), "NO_COLOR=1"}, "--start", "1", "testdata/pictures/deck.md")
	tm.waitFor("The sun sets over a calm sea")
	tm.send("p")
	tm.waitFor("pictures off · p turns them on")
	tm.send("p")
	tm.waitFor("pictures on")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}
	<-tm.done
	if strings.Contains(tm.raw.String(), "▀") {
		t.Error("NO_COLOR drew a picture")
	}
}
