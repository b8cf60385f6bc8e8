package ingest

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/marsad-dev/marsad/internal/text"
)

// feed reads an RSS, Atom or JSON feed and emits one Item per entry.
func (w *walker) feed(b []byte, id, origin string) error {
	f, err := parseFeed(b)
	if err != nil {
		return w.skip(id, origin, err)
	}
	if len(f.Items) == 0 {
		return w.skip(id, origin, fmt.Errorf("%w: feed %q has no items", ErrNoText, f.Title))
	}
	for i, fi := range f.Items {
		doc, err := feedDoc(f, fi, id, i+1)
		o := origin + "#" + strconv.Itoa(i+1)
		if err != nil {
			if e := w.skip(doc.ID, o, err); e != nil {
				return e
			}
			continue
		}
		if e := w.emit(doc, o, EncUTF8); e != nil {
			return e
		}
	}
	return nil
}

// parseFeed parses a feed, turning a parser panic into ErrFeed.
func parseFeed(b []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("%w: parser failed: %v", ErrFeed, r)
		}
	}()
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrFeed)
	}
	f, err = gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFeed, err)
	}
	return f, nil
}

// itemKey identifies a feed entry across polls: its GUID, else its link,
// else its title.
func itemKey(fi *gofeed.Item) string {
	return first(first(strings.TrimSpace(fi.GUID), strings.TrimSpace(fi.Link)), strings.TrimSpace(fi.Title))
}

// feedDoc turns the n-th (1-based) feed entry into a document: text from
// the HTML content when given, else the description, else the title; id
// from the GUID, else the link, else feedID#n.
func feedDoc(f *gofeed.Feed, fi *gofeed.Item, feedID string, n int) (text.Document, error) {
	doc := text.Document{
		ID:     first(itemKey(fi), feedID+"#"+strconv.Itoa(n)),
		URL:    strings.TrimSpace(fi.Link),
		Title:  fragmentText(fi.Title),
		Source: strings.TrimSpace(f.Title),
		Lang:   langTag(f.Language),
	}
	switch {
	case fi.PublishedParsed != nil:
		doc.Published = *fi.PublishedParsed
	case fi.UpdatedParsed != nil:
		doc.Published = *fi.UpdatedParsed
	}
	doc.Text = fragmentText(fi.Content)
	if doc.Text == "" {
		doc.Text = fragmentText(fi.Description)
	}
	if doc.Text == "" {
		doc.Text = doc.Title
	}
	if doc.Text == "" {
		return doc, fmt.Errorf("%w: feed item %d has no content, description or title", ErrNoText, n)
	}
	return doc, nil
}
