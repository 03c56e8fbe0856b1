package text

// Names the package's external tests use.

var CaptionLike = captionLike
