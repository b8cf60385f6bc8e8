package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/marsad-dev/marsad/internal/text"
)

// Format is the kind of content an input holds.
type Format uint8

const (
	FormatText Format = iota
	FormatHTML
	FormatJSONL
	FormatFeed
)

func (f Format) String() string {
	return [...]string{"text", "html", "jsonl", "feed"}[f]
}

// Walk reads every input and calls fn with one Item per document found or
// per input (or JSONL line, or feed item) skipped. An input is a file, a
// directory (read recursively in lexical order; names starting with "." are
// skipped) or an http(s) URL. The format comes from the file extension
// (.txt; .html, .htm, .xhtml; .jsonl, .ndjson; .xml, .rss, .atom), the
// HTTP Content-Type, or else from the first bytes.
//
// Document ids, when the input gives none (JSONL "id"/"docno", feed item
// GUID or link):
//   - a file inside a directory argument: the directory's base name joined
//     with the file's slash-separated path below it ("news/2018/a.html"),
//     so the id does not depend on the working directory;
//   - a file argument: its base name ("a.html");
//   - a URL: the URL without its fragment;
//   - a JSONL line or feed item without id: the above + "#LINE" or "#N".
//
// Bad inputs never stop the walk: they come as Items with Err set. Walk
// stops only when ctx is done or fn returns an error, and returns that
// error.
func Walk(ctx context.Context, inputs []string, opt Options, fn func(Item) error) error {
	w := &walker{ctx: ctx, opt: opt.withDefaults(), fn: fn}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if isURL(in) {
			err = w.url(in)
		} else {
			err = w.path(in)
		}
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

type walker struct {
	ctx context.Context
	opt Options
	fn  func(Item) error
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// emit fills defaults and fingerprints a document, then hands it on.
func (w *walker) emit(doc text.Document, origin, enc string) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	return w.fn(newItem(doc, origin, enc, w.opt))
}

func newItem(doc text.Document, origin, enc string, opt Options) Item {
	if doc.Lang == "" {
		doc.Lang = opt.Lang
	}
	if doc.Source == "" {
		doc.Source = opt.Source
	}
	it := Item{Doc: doc, Origin: origin, Encoding: enc}
	it.Hash, it.SimHash = Fingerprint(doc.Text)
	return it
}

// skip reports an input that yields no document.
func (w *walker) skip(id, origin string, err error) error {
	if e := w.ctx.Err(); e != nil {
		return e
	}
	return w.fn(Item{Doc: text.Document{ID: id}, Origin: origin, Err: err})
}

func (w *walker) path(in string) error {
	st, err := os.Stat(in)
	if err != nil {
		return w.skip("", in, fmt.Errorf("%w: %v", ErrRead, err))
	}
	if !st.IsDir() {
		return w.file(in, filepath.Base(in))
	}
	abs, err := filepath.Abs(in)
	if err != nil {
		return w.skip("", in, fmt.Errorf("%w: %v", ErrRead, err))
	}
	root := filepath.Base(abs)
	return filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if e := w.skip("", p, fmt.Errorf("%w: %v", ErrRead, err)); e != nil {
				return e
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != in && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			// Follow a symlink to a regular file; skip anything else.
			st, err := os.Stat(p)
			if err != nil || !st.Mode().IsRegular() {
				return nil
			}
		}
		rel, err := filepath.Rel(in, p)
		if err != nil {
			rel = d.Name()
		}
		return w.file(p, path.Join(root, filepath.ToSlash(rel)))
	})
}

// file reads one file.
func (w *walker) file(p, id string) error {
	f, err := os.Open(p)
	if err != nil {
		return w.skip(id, p, fmt.Errorf("%w: %v", ErrRead, err))
	}
	defer f.Close()
	ext := strings.ToLower(filepath.Ext(p))
	if ext == ".jsonl" || ext == ".ndjson" {
		return w.jsonl(f, id, p)
	}
	if st, err := f.Stat(); err == nil && st.Size() > w.opt.MaxBytes {
		return w.skip(id, p, fmt.Errorf("%w: %d bytes, limit %d; split it or raise the limit", ErrTooLarge, st.Size(), w.opt.MaxBytes))
	}
	b, err := io.ReadAll(io.LimitReader(f, w.opt.MaxBytes+1))
	if err != nil {
		return w.skip(id, p, fmt.Errorf("%w: %v", ErrRead, err))
	}
	if int64(len(b)) > w.opt.MaxBytes {
		return w.skip(id, p, fmt.Errorf("%w: more than %d bytes; split it or raise the limit", ErrTooLarge, w.opt.MaxBytes))
	}
	return w.content(b, formatOf(ext, "", b), id, p, "")
}

// content dispatches the bytes of one file or fetched body.
func (w *walker) content(b []byte, f Format, id, origin, pageURL string) error {
	switch f {
	case FormatJSONL:
		return w.jsonl(bytes.NewReader(b), id, origin)
	case FormatFeed:
		return w.feed(b, id, origin)
	}
	s, enc, err := Decode(b)
	if err != nil {
		return w.skip(id, origin, err)
	}
	if f == FormatHTML {
		doc, err := safeExtractHTML(s, pageURL)
		if err != nil {
			return w.skip(id, origin, err)
		}
		doc.ID = id
		return w.emit(doc, origin, enc)
	}
	return w.emit(text.Document{ID: id, URL: pageURL, Text: s}, origin, enc)
}

// formatOf picks the format from a file extension, else an HTTP
// Content-Type, else the first bytes.
func formatOf(ext, contentType string, b []byte) Format {
	switch ext {
	case ".txt", ".text":
		return FormatText
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".xml", ".rss", ".atom":
		return FormatFeed
	}
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "html"):
		return FormatHTML
	case strings.Contains(ct, "rss"), strings.Contains(ct, "atom"), strings.Contains(ct, "xml"):
		return FormatFeed
	case strings.Contains(ct, "ndjson"), strings.Contains(ct, "jsonl"):
		return FormatJSONL
	}
	return sniff(b)
}

// sniff guesses the format from the first bytes.
func sniff(b []byte) Format {
	head := b[:min(len(b), 1024)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 {
		return FormatText
	}
	if head[0] == '{' {
		return FormatJSONL
	}
	if head[0] != '<' {
		return FormatText
	}
	low := bytes.ToLower(head)
	for _, tag := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if bytes.Contains(low, []byte(tag)) {
			return FormatFeed
		}
	}
	return FormatHTML
}
