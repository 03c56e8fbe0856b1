//go:build race

package main

// raceEnabled: when the tests run under the race detector, so does the
// binary they run, so that -race checks the real program too.
const raceEnabled = true
