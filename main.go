// Command reel reads picture stories in the terminal: news photo
// galleries copied as text, and Markdown decks. It shows them as a
// slideshow, a cover and then one page per captioned section, with each
// picture drawn as a panel that says what the picture shows.
//
// main is a doorway: it hands the command line, the standard streams
// and the bundled sample to internal/cli, and exits with its status.
package main

import (
	_ "embed"
	"os"

	"github.com/reeltui/reel/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

//go:embed testdata/kim-rally.txt
var sampleStory string

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr,
		cli.Build{Version: version, SampleName: "kim-rally.txt", Sample: sampleStory}))
}
