// Package realterm runs reel in real terminals (xterm and kitty, under
// Xvfb) and reads what they drew from screenshots: whether a picture came
// out in real pixels, in half blocks, or not at all. Its tests need
// Xvfb, xterm, kitty, xdotool and ImageMagick's import, and run only when
// REEL_REALTERM=1 is set (.ci/run installs the tools and sets it).
package realterm
