//go:build race

package ui

// raceEnabled: the race detector slows the window-size grids tenfold, so
// under it they sample the grid (see sampled); CI also runs them whole
// without it.
const raceEnabled = true
