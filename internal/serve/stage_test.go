package serve

import (
	"runtime"
	"testing"
	"time"
)

// next reads a seat's next scene, failing the test if none comes.
func next(t *testing.T, seat *Seat) Scene {
	t.Helper()
	got := make(chan Scene, 1)
	go func() {
		sc, ok := seat.Next()
		if ok {
			got <- sc
		}
	}()
	select {
	case sc := <-got:
		return sc
	case <-time.After(5 * time.Second):
		t.Fatal("no scene came")
	}
	return Scene{}
}

func TestStageTurns(t *testing.T) {
	st := NewStage()
	presenter := st.Join(false)
	a := st.Join(true)
	if sc := next(t, presenter); sc.Followers != 1 || sc.Presented {
		t.Errorf("presenter sees %+v, want one follower and no turn yet", sc)
	}
	st.Present(Turn{Page: 2, Hidden: 1})
	if sc := next(t, a); sc.Turn != (Turn{2, 1}) || !sc.Presented {
		t.Errorf("follower sees %+v", sc)
	}
	// A slow follower gets the latest turn, not the ones between.
	st.Present(Turn{Page: 3})
	st.Present(Turn{Page: 4})
	if sc := next(t, a); sc.Turn != (Turn{Page: 4}) {
		t.Errorf("follower sees %+v, want page 4", sc)
	}
	b := st.Join(true)
	if sc := next(t, b); sc.Turn != (Turn{Page: 4}) || sc.Followers != 2 {
		t.Errorf("a late follower sees %+v, want page 4 and two followers", sc)
	}
	b.Leave()
	if sc := next(t, presenter); sc.Followers != 1 {
		t.Errorf("presenter sees %d followers after one left, want 1", sc.Followers)
	}
	st.End()
	if sc := next(t, a); !sc.Ended {
		t.Errorf("follower sees %+v after the end", sc)
	}
	st.Reopen()
	if sc := next(t, a); sc.Ended || sc.Presented {
		t.Errorf("follower sees %+v after the stage reopened", sc)
	}
	// A new presenter's turn ends an ended stage's end; Reopen then
	// leaves it be.
	st.End()
	st.Present(Turn{Page: 1})
	st.Reopen()
	if sc := st.Scene(); sc.Ended || !sc.Presented || sc.Turn.Page != 1 {
		t.Errorf("a new presenter's stage is %+v", sc)
	}
}

// Leave ends a Next that waits, and Present wakes one. Each is tried
// many times, so that most tries find Next already waiting.
func TestSeatWakes(t *testing.T) {
	st := NewStage()
	for range 50 {
		seat := st.Join(true)
		next(t, seat) // its own arrival
		done := make(chan bool)
		go func() {
			_, ok := seat.Next()
			done <- ok
		}()
		runtime.Gosched()
		st.Present(Turn{Page: st.Scene().Turn.Page + 1})
		select {
		case ok := <-done:
			if !ok {
				t.Fatal("Next returned no scene after a turn")
			}
		case <-time.After(5 * time.Second):
			t.Fatal("Next still waits after a turn")
		}
		go func() {
			_, ok := seat.Next()
			done <- ok
		}()
		runtime.Gosched()
		seat.Leave()
		select {
		case ok := <-done:
			if ok {
				t.Fatal("Next returned a scene after Leave")
			}
		case <-time.After(5 * time.Second):
			t.Fatal("Next still waits after Leave")
		}
		seat.Leave() // twice is harmless
	}
	if n := st.Scene().Followers; n != 0 {
		t.Errorf("%d followers after every one left", n)
	}
}

// One seat presents at a time: those that would present too follow on
// standby, first come first, and the first left is handed the stage
// when the presenter leaves; only the presenter's turns are heard.
func TestStageOnePresenter(t *testing.T) {
	st := NewStage()
	pat, quinn, rae := st.JoinPresenter(), st.JoinPresenter(), st.JoinPresenter()
	fay := st.Join(true)
	if !pat.Presents() || quinn.Presents() || rae.Presents() {
		t.Fatal("not the first that would present presents")
	}
	if sc := st.Scene(); sc.Followers != 3 {
		t.Errorf("%d followers, want the standbys and fay", sc.Followers)
	}
	st.PresentFrom(pat, Turn{Page: 2})
	st.PresentFrom(quinn, Turn{Page: 4})
	if sc := next(t, fay); sc.Turn.Page != 2 {
		t.Errorf("fay sees page %d, want the presenter's 2", sc.Turn.Page)
	}
	quinn.Leave() // a standby that goes is not handed anything
	pat.Leave()
	sc := next(t, rae)
	if !sc.Presenting || !rae.Presents() || sc.Ended || sc.Followers != 1 {
		t.Errorf("after the presenter left, rae sees %+v", sc)
	}
	if sc := next(t, fay); sc.Presenting || sc.Ended || sc.Turn.Page != 2 {
		t.Errorf("after the hand-over, fay sees %+v", sc)
	}
	rae.Leave()
	if sc := next(t, fay); !sc.Ended {
		t.Errorf("with no one to hand it to, the stage is %+v", sc)
	}
}
