// Package page renders a story's pages as lines of styled text: the
// cover, each section with its pictures' panels, the Markdown formatted
// by Glamour and filtered down to text and styling, every line measured
// as the terminal measures it. It also prints a whole story (print mode).
// It knows nothing of the reader's state: ui schedules and caches the
// renders, and ui/graphics draws the pictures (Art).
package page
