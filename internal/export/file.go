package export

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/reeltui/reel/story"
)

// WriteFile writes the story to the file out, replacing what was there
// only once the whole export is written: the export goes to a temporary
// file beside out and is renamed over it, so that a failure or a
// cancelled ctx leaves the old file as it was and no partial one. A
// Markdown deck's pictures go in NAME_files/ beside it, which replaces an
// old one the same way.
func WriteFile(ctx context.Context, out string, s *story.Story, opt Options) (err error) {
	dir, base := filepath.Split(out)
	if dir == "" {
		dir = "."
	}
	if info, statErr := os.Stat(out); statErr == nil && info.IsDir() {
		return fmt.Errorf("write %s: is a folder", out)
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.part")
	if err != nil {
		return fmt.Errorf("write %s: %w", out, unwrapPath(err))
	}
	var tmpFiles string
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
			if tmpFiles != "" {
				_ = os.RemoveAll(tmpFiles)
			}
		}
	}()
	var files *pictureFiles
	if opt.Format == FormatMarkdown {
		if tmpFiles, err = os.MkdirTemp(dir, "."+base+".*.files"); err != nil {
			return fmt.Errorf("write %s: %w", out, unwrapPath(err))
		}
		// The pictures go in a folder of their own first, which becomes
		// NAME_files when the deck is whole.
		_ = os.Remove(tmpFiles)
		files = &pictureFiles{dir: tmpFiles, rel: filesName(base)}
	}
	if err = writeTo(ctx, tmp, s, opt, files); err != nil {
		return err
	}
	if err = tmp.Sync(); err == nil {
		err = tmp.Close()
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", out, unwrapPath(err))
	}
	if err = ctx.Err(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), fileMode(out)); err != nil {
		return fmt.Errorf("write %s: %w", out, unwrapPath(err))
	}
	if files != nil {
		if err = replaceFolder(files.dir, filepath.Join(dir, files.rel)); err != nil {
			return err
		}
	}
	if err = os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("write %s: %w", out, unwrapPath(err))
	}
	return nil
}

func writeTo(ctx context.Context, f *os.File, s *story.Story, opt Options, files *pictureFiles) error {
	if files == nil {
		return Write(ctx, f, s, opt)
	}
	budget := newMemoryBudget()
	defer budget.release()
	secs := exportSections(s)
	pics, err := loadPictures(ctx, s, secs, opt, targetWeb, budget)
	if err != nil {
		return err
	}
	return writeDeck(f, s, secs, pics, opt, files)
}

// filesName is the folder beside a deck that holds its pictures:
// "trip_files" for "trip.md", as browsers and pandoc name it.
func filesName(base string) string {
	return strings.TrimSuffix(base, filepath.Ext(base)) + "_files"
}

// replaceFolder puts the folder made at tmp in the place of dst. An old
// dst is moved aside first and removed once tmp stands in its place; a
// deck with no pictures leaves no folder, and removes an old one.
func replaceFolder(tmp, dst string) error {
	_, err := os.Stat(tmp)
	made := err == nil
	old := ""
	if info, err := os.Lstat(dst); err == nil {
		if !info.IsDir() {
			return fmt.Errorf("write %s: is not a folder", dst)
		}
		old = dst + ".old-" + filepath.Base(tmp)
		if err := os.Rename(dst, old); err != nil {
			return fmt.Errorf("replace %s: %w", dst, unwrapPath(err))
		}
	}
	if made {
		if err := os.Rename(tmp, dst); err != nil {
			if old != "" {
				_ = os.Rename(old, dst)
			}
			return fmt.Errorf("write %s: %w", dst, unwrapPath(err))
		}
	}
	if old != "" {
		_ = os.RemoveAll(old)
	}
	return nil
}

// fileMode keeps the mode of the file out replaces, or gives a new one
// the usual 0644 (temporary files are made 0600).
func fileMode(out string) fs.FileMode {
	if info, err := os.Stat(out); err == nil && info.Mode().IsRegular() {
		return info.Mode().Perm()
	}
	return 0o644
}

// unwrapPath drops the temporary file's name from an error about it: the
// user named out, not ".out.123.part".
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
