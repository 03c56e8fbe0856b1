package picture

import (
	"image"
	"testing"
)

func TestBox(t *testing.T) {
	tests := []struct {
		name                           string
		w, h, maxCols, maxRows, cw, ch int
		shrunk                         bool
		cols, rows                     int
	}{
		{"a spacer stays one cell", 1, 1, 96, 21, 0, 0, false, 1, 1},
		{"an icon keeps its pixels", 16, 16, 96, 21, 0, 0, false, 16, 8},
		{"an odd height rounds up a row", 16, 15, 96, 21, 0, 0, false, 16, 8},
		{"a big picture fills the room", 320, 240, 96, 21, 0, 0, false, 56, 21},
		{"a shrunk picture may grow back", 64, 48, 96, 21, 0, 0, true, 56, 21},
		{"a very tall picture is a strip", 3, 320, 96, 21, 0, 0, true, 1, 21},
		{"a very wide picture is a line", 320, 3, 96, 21, 0, 0, true, 96, 1},
		{"real pixels: an icon in its own cells", 16, 16, 96, 21, 8, 16, false, 2, 1},
		{"real pixels: a spacer keeps a cell", 1, 1, 96, 21, 8, 16, false, 1, 1},
		{"real pixels: a shrunk photo fills the room", 640, 480, 96, 21, 10, 20, true, 56, 21},
		{"no room", 16, 16, 0, 21, 0, 0, false, 0, 0},
		{"no picture", 0, 16, 96, 21, 0, 0, false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cols, rows := Box(tt.w, tt.h, tt.maxCols, tt.maxRows, tt.cw, tt.ch, tt.shrunk)
			if cols != tt.cols || rows != tt.rows {
				t.Errorf("Box(%d×%d in %d×%d, cell %d×%d, shrunk %v) = %d×%d, want %d×%d", tt.w, tt.h, tt.maxCols, tt.maxRows, tt.cw, tt.ch, tt.shrunk, cols, rows, tt.cols, tt.rows)
			}
		})
	}
}

func TestLoaderShrunk(t *testing.T) {
	l := NewLoader(Origin{}, 64, 64, 0)
	for _, tt := range []struct {
		w, h   int
		shrunk bool
	}{
		{64, 43, true},  // a 96×64 picture shrunk to fit
		{10, 64, true},  // a tall one
		{63, 40, false}, // its own size
		{1, 1, false},
	} {
		if got := l.Shrunk(image.NewRGBA(image.Rect(0, 0, tt.w, tt.h))); got != tt.shrunk {
			t.Errorf("Shrunk(%d×%d) = %v, want %v", tt.w, tt.h, got, tt.shrunk)
		}
	}
}

// TestShrunkWhileResized: a page may be drawn, asking Shrunk, while the
// terminal's answer makes the reader Resize the loader (run with -race).
func TestShrunkWhileResized(t *testing.T) {
	l := NewLoader(Origin{}, 64, 64, 0)
	img := image.NewRGBA(image.Rect(0, 0, 64, 40))
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 100 {
			l.Resize(64+i%2*576, 64+i%2*576)
		}
	}()
	for range 100 {
		l.Shrunk(img)
	}
	<-done
	l.Resize(640, 640)
	if l.Shrunk(img) {
		t.Error("a 64×40 picture counts as shrunk within 640×640")
	}
}

func TestCells(t *testing.T) {
	tests := []struct {
		w, h, maxCols, maxRows int
		cols, rows             int
	}{
		{1600, 1200, 40, 100, 40, 15}, // 4:3, width-bound: 30 pixels high, 15 rows
		{1600, 1200, 80, 10, 27, 10},  // height-bound: 20 pixels high
		{100, 1000, 80, 10, 2, 10},    // a tall strip
		{1000, 10, 80, 10, 80, 1},     // a thin line still gets a row
		{0, 10, 80, 10, 0, 0},
	}
	for _, tt := range tests {
		cols, rows := Cells(tt.w, tt.h, tt.maxCols, tt.maxRows)
		if cols != tt.cols || rows != tt.rows {
			t.Errorf("Cells(%d, %d, %d, %d) = %d, %d; want %d, %d", tt.w, tt.h, tt.maxCols, tt.maxRows, cols, rows, tt.cols, tt.rows)
		}
	}
}

func TestShrinkKeepsAspect(t *testing.T) {
	small := Shrink(sunset(4000/10, 3000/10), 200, 200)
	if b := small.Bounds(); b.Dx() != 200 || b.Dy() != 150 {
		t.Errorf("Shrink to 200×200: %v", b)
	}
	tiny := Shrink(sunset(20, 10), 200, 200)
	if b := tiny.Bounds(); b.Dx() != 20 || b.Dy() != 10 {
		t.Errorf("Shrink of a smaller picture: %v, want it unchanged", b)
	}
}

func TestCellsFor(t *testing.T) {
	tests := []struct {
		w, h, maxCols, maxRows, cw, ch, cols, rows int
	}{
		{400, 300, 40, 20, 10, 20, 40, 15}, // 400×300 px in 10×20 cells
		{400, 300, 40, 20, 8, 16, 40, 15},  // the same ratio, smaller cells
		{400, 300, 40, 20, 10, 25, 40, 12}, // taller cells, fewer rows
		{100, 1000, 40, 10, 10, 20, 2, 10}, // tall: the rows bound it
		{400, 300, 40, 20, 0, 0, 40, 15},   // no cell size: as Cells
		{4000, 10, 30, 10, 9, 18, 30, 1},   // a sliver keeps a row
	}
	for _, tt := range tests {
		cols, rows := CellsFor(tt.w, tt.h, tt.maxCols, tt.maxRows, tt.cw, tt.ch)
		if cols != tt.cols || rows != tt.rows {
			t.Errorf("CellsFor(%d×%d in %d×%d of %d×%d) = %d×%d, want %d×%d", tt.w, tt.h, tt.maxCols, tt.maxRows, tt.cw, tt.ch, cols, rows, tt.cols, tt.rows)
		}
	}
}
