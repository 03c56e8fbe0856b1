package serve

import (
	"slices"
	"sync"
)

// Turn is where a presenter is: a page (0 is the cover) and how many of
// its reveal steps are still hidden.
type Turn struct{ Page, Hidden int }

// Scene is what a seat sees of the stage when it changes.
type Scene struct {
	Turn      Turn
	Presented bool // the presenter has shown a page yet
	Followers int  // seats that follow, the presenter's not counted
	Ended     bool // the presenter has left
	// Presenting says the seat that looks presents: set by Next for a
	// seat that JoinPresenter put on standby, once the presenter before
	// it has left.
	Presenting bool
}

// Stage carries a presenter's turns to every follower (reel serve
// --present). Each seat gets the latest scene, never a queue of them: a
// slow viewer skips pages rather than falls behind.
type Stage struct {
	mu      sync.Mutex
	scene   Scene
	version uint64
	seats   map[*Seat]bool
	// presenter is the seat whose turns everyone follows, if it joined
	// with JoinPresenter; standby are the seats that would present too,
	// first come first, following until it leaves.
	presenter *Seat
	standby   []*Seat
}

// NewStage returns a stage with no presenter turn yet.
func NewStage() *Stage { return &Stage{seats: map[*Seat]bool{}} }

// Seat is one program's view of the stage.
type Seat struct {
	stage    *Stage
	follower bool
	wake     chan struct{}
	seen     uint64
	left     bool
}

// Present shows t to every seat; after End, it is a new presenter's
// first turn.
func (s *Stage) Present(t Turn) {
	s.change(func(sc *Scene) bool {
		changed := !sc.Presented || sc.Turn != t || sc.Ended
		sc.Turn, sc.Presented, sc.Ended = t, true, false
		return changed
	})
}

// End tells every seat the presenter has left.
func (s *Stage) End() {
	s.change(func(sc *Scene) bool {
		changed := !sc.Ended
		sc.Ended = true
		return changed
	})
}

// Reopen readies an ended stage for a new presenter, once the followers
// of the last have gone: no page shown yet. A stage that has not ended
// (a new presenter came) is left alone.
func (s *Stage) Reopen() {
	s.change(func(sc *Scene) bool {
		if !sc.Ended {
			return false
		}
		sc.Ended, sc.Presented, sc.Turn = false, false, Turn{}
		return true
	})
}

// Scene is the stage as it is now.
func (s *Stage) Scene() Scene {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.scene
}

// Join takes a seat: a follower's, which counts in Followers, or the
// presenter's, which hears of followers coming and going.
func (s *Stage) Join(follower bool) *Seat {
	seat := &Seat{stage: s, follower: follower, wake: make(chan struct{}, 1)}
	s.mu.Lock()
	s.seats[seat] = true
	s.mu.Unlock()
	if follower {
		s.change(func(sc *Scene) bool { sc.Followers++; return true })
	}
	return seat
}

// JoinPresenter takes the seat of a session that may present (reel
// serve --presenter-key): the presenter's if no one presents, or else a
// follower's on standby, which presents once the presenter and the
// standbys before it have left. Only one session presents at a time.
func (s *Stage) JoinPresenter() *Seat {
	seat := &Seat{stage: s, wake: make(chan struct{}, 1)}
	s.change(func(sc *Scene) bool {
		s.seats[seat] = true
		if s.presenter == nil {
			s.presenter = seat
			return false // as a presenter's Join: followers hear of its first turn
		}
		seat.follower = true
		s.standby = append(s.standby, seat)
		sc.Followers++
		return true
	})
	return seat
}

// Presents tells whether the seat is the presenter's.
func (seat *Seat) Presents() bool {
	seat.stage.mu.Lock()
	defer seat.stage.mu.Unlock()
	return seat.stage.presenter == seat
}

// PresentFrom is Present from seat, heard only while seat presents.
func (s *Stage) PresentFrom(seat *Seat, t Turn) {
	s.mu.Lock()
	presents := s.presenter == seat
	s.mu.Unlock()
	if presents {
		s.Present(t)
	}
}

// handOver gives the stage of the presenter leaving to the first seat on
// standby, which stops counting as a follower; with none, the
// presentation has ended. s.mu is held.
func (s *Stage) handOver() {
	s.presenter = nil
	if len(s.standby) == 0 {
		s.scene.Ended = true
		return
	}
	next := s.standby[0]
	s.standby = s.standby[1:]
	s.presenter, next.follower = next, false
	s.scene.Followers--
}

// change applies edit and, if it changed the scene, wakes every seat.
func (s *Stage) change(edit func(*Scene) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !edit(&s.scene) {
		return
	}
	s.version++
	for seat := range s.seats {
		select {
		case seat.wake <- struct{}{}:
		default: // already woken: it reads the latest scene anyway
		}
	}
}

// Next waits for the scene to change since this seat last looked and
// returns it; ok is false once the seat has left.
func (seat *Seat) Next() (sc Scene, ok bool) {
	s := seat.stage
	for {
		s.mu.Lock()
		if seat.left {
			s.mu.Unlock()
			return Scene{}, false
		}
		if seat.seen != s.version {
			seat.seen = s.version
			sc = s.scene
			sc.Presenting = s.presenter == seat
			s.mu.Unlock()
			return sc, true
		}
		s.mu.Unlock()
		<-seat.wake
	}
}

// Leave gives the seat up; a Next waiting on it returns.
func (seat *Seat) Leave() {
	s := seat.stage
	s.mu.Lock()
	if seat.left {
		s.mu.Unlock()
		return
	}
	seat.left = true
	delete(s.seats, seat)
	s.standby = slices.DeleteFunc(s.standby, func(o *Seat) bool { return o == seat })
	s.mu.Unlock()
	select {
	case seat.wake <- struct{}{}:
	default:
	}
	s.change(func(sc *Scene) bool {
		switch {
		case s.presenter == seat:
			s.handOver()
		case seat.follower:
			sc.Followers--
		default:
			return false
		}
		return true
	})
}
