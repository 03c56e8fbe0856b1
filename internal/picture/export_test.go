package picture

// The test pictures and hostile headers, for the tests outside the package
// (fuzz_test.go, photo_bench_test.go), which draw with package encode: it
// imports this package, so they cannot be inside it.
var (
	Sunset       = sunset
	FlagPicture  = flagPicture
	EncodePNG    = encodePNG
	EncodeJPEG   = encodeJPEG
	KiteGIF      = kiteGIF
	EncodeWebP   = encodeWebP
	JPEGClaiming = jpegClaiming
	PNGHeader    = pngHeader
	PNGChunk     = pngChunk
)
