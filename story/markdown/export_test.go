package markdown

// Names the package's external tests use.

const MdpPause = mdpPause

var CheckMarks = checkMarks
var NewMarkdown = newMarkdown
var ParseSlide = parseSlide
var ParseWholeDeck = parseWholeDeck
var ScanMarks = scanMarks
var ScanSplits = scanSplits
var SharedMarkdown = sharedMarkdown
var SplitDeck = splitDeck
var SplitterLines = splitterLines
var Strongest = strongest
