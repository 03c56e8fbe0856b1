// Package graphics is the reader's picture layer: it draws a story's
// pictures for their panels (page.Art) as half blocks, kitty placements,
// iTerm2 images or sixel, keeps what it drew and encoded, numbers kitty's
// placements, marks where real pixels stand on a page, and writes them
// over the frame (Layer). It reads no file and decodes nothing: the
// loader (internal/picture) holds the pictures, loaded by ui's commands.
package graphics
