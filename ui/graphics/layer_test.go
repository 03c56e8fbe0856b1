package graphics

import (
	"testing"
)

func TestLayerWritesAfterAFrameWithoutSynchronizedOutput(t *testing.T) {
	l := &Layer{}
	l.Publish([]ScreenPicture{{X: 3, Y: 1, Seq: "PIC"}, {X: 40, Y: 2, Seq: "TWO"}})
	got := string(l.Frame([]byte("\x1b[H\x1b[2Jtext")))
	want := "\x1b[H\x1b[2Jtext" + "\x1b7\x1b[2;4HPIC\x1b8" + "\x1b7\x1b[3;41HTWO\x1b8"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !l.Withdraw() || l.Withdraw() {
		t.Error("withdraw reports pictures only the first time")
	}
	if got := string(l.Frame([]byte("\x1b[H\x1b[2Jtext"))); got != "\x1b[H\x1b[2Jtext" {
		t.Errorf("withdrawn pictures written: %q", got)
	}
}
