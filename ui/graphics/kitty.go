package graphics

import (
	"image"

	"github.com/reeltui/reel/internal/lru"
	"github.com/reeltui/reel/internal/picture/encode"
)

// kittyIDCount is how many placements kitty's Unicode placeholders can
// tell apart: they name their picture by a 256-colour foreground, from 1
// to encode.MaxKittyID, the query's id aside.
const kittyIDCount = encode.MaxKittyID - 1

// kittyIDs are the ids of the kitty placements transmitted for
// placeholders, the most recently drawn first: once every id is taken,
// a new placement takes the id of the one drawn longest ago, which is
// the least likely to be on screen. Art's mutex guards it.
type kittyIDs struct {
	placed *lru.Cache[Key, int]
	fresh  int   // the last id never used before handed out
	free   []int // ids given back (forget), deleted in the terminal
}

func newKittyIDs() kittyIDs {
	return kittyIDs{placed: lru.New[Key](kittyIDCount, lru.One[int])}
}

// reserve returns the id for a new placement, and the placement whose id
// it takes back, if any; ok is false while every id is on its way to the
// terminal, none placed yet.
func (ids *kittyIDs) reserve() (id int, old *Key, ok bool) {
	// Ids never used go first, then those given back, oldest first: a
	// placement is never sent under an id whose deletion may still be on
	// its way.
	if ids.fresh < encode.MaxKittyID {
		ids.fresh++
		if ids.fresh == encode.KittyQueryID {
			ids.fresh++
		}
		return ids.fresh, nil, true
	}
	if len(ids.free) > 0 {
		id, ids.free = ids.free[0], ids.free[1:]
		return id, nil, true
	}
	k, id, ok := ids.placed.RemoveOldest()
	if !ok {
		return 0, nil, false
	}
	return id, &k, true
}

// forget drops picture src's placements, and returns their ids, which
// the terminal still holds: release gives them back once their deletion
// is on its way.
func (ids *kittyIDs) forget(src string) []int {
	var gone []int
	ids.placed.RemoveFunc(func(k Key, id int) bool {
		if k.Src != src {
			return false
		}
		gone = append(gone, id)
		return true
	})
	return gone
}

// release gives ids back, to be handed out again.
func (ids *kittyIDs) release(gone []int) { ids.free = append(ids.free, gone...) }

// Placed records that placement k was sent as id.
func (a *Art) Placed(k Key, id int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if old, ok := a.ids.placed.Get(k); ok && old != id {
		a.ids.free = append(a.ids.free, old) // transmitting it again replaces it
	}
	a.ids.placed.Add(k, id)
	delete(a.sending, k)
	a.lines.Remove(k)
}

// ReserveID returns the id for a new placement, and the placement whose
// id it takes back, if any: ids run from 1 to encode.MaxKittyID, the
// query's id aside, and once all are taken the placement drawn longest
// ago gives its id up. ok is false while every id is on its way to the
// terminal: the placement waits for a later render.
func (a *Art) ReserveID() (id int, old *Key, ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	id, old, ok = a.ids.reserve()
	if old != nil {
		a.lines.Remove(*old)
	}
	return id, old, ok
}

// SentIDs returns every id transmitted and not yet deleted, to delete on
// exit.
func (a *Art) SentIDs() []int {
	a.mu.Lock()
	defer a.mu.Unlock()
	ids := make([]int, 0, a.ids.placed.Len()+len(a.goneIDs))
	for _, id := range a.ids.placed.Snapshot() {
		ids = append(ids, id)
	}
	return append(ids, a.goneIDs...)
}

// KittySequence encodes placement k of img for the terminal as id;
// deleting the placement whose id it reuses (old) comes first.
func KittySequence(k Key, id int, old *Key, img *image.RGBA, tmux bool) (string, error) {
	seq, err := encode.KittyTransmit(img, id, k.Cols, k.Rows)
	if err != nil {
		return "", err
	}
	if old != nil {
		seq = encode.KittyDelete(id) + seq
	}
	if tmux {
		seq = Passthrough(seq)
	}
	return seq, nil
}
