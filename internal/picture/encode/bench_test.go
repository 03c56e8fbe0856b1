package encode

import "testing"

func BenchmarkSixel(b *testing.B) {
	img := sunset(640, 400)
	for b.Loop() {
		_ = Sixel(img, 480, 300)
	}
}

func BenchmarkITerm(b *testing.B) {
	img := sunset(640, 400)
	for b.Loop() {
		_, _ = ITerm(img, 48, 15, 480, 300)
	}
}
