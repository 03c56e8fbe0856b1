//go:build !race

package export

// raceDetector is set when the tests run with -race, whose shadow memory
// is no export's.
const raceDetector = false
