// Package encode draws pictures for terminals: kitty graphics, iTerm2
// inline images, sixel and Unicode half blocks. Package picture loads,
// decodes and scales them; this package turns the pixels into escape
// sequences and text.
package encode
