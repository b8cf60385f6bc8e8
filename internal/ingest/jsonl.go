package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/itlightning/dateparse"
	"github.com/marsad-dev/marsad/internal/text"
)

// jsonRecord holds the fields marsad reads from one JSONL line: its own
// names and those of the ANT corpus (docno, time).
type jsonRecord struct {
	ID        flexString `json:"id"`
	DocNo     flexString `json:"docno"`
	Text      *string    `json:"text"`
	Published string     `json:"published"`
	Time      string     `json:"time"`
	Date      string     `json:"date"`
	Lang      string     `json:"lang"`
	Title     string     `json:"title"`
	URL       string     `json:"url"`
	Source    string     `json:"source"`
}

// flexString accepts a JSON string or number.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
		return nil
	}
	if string(b) == "null" {
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("id must be a string or number, got %s", b)
	}
	*f = flexString(n.String())
	return nil
}

// jsonl streams one JSON object per line. Blank lines are ignored; a bad
// line becomes an Item with Err naming the line and the walk goes on.
func (w *walker) jsonl(r io.Reader, id, origin string) error {
	return readJSONL(r, w.opt.MaxBytes, func(line int, b []byte, err error) error {
		lo := origin + "#" + strconv.Itoa(line)
		lid := id + "#" + strconv.Itoa(line)
		if err != nil {
			return w.skip(lid, lo, err)
		}
		doc, enc, err := parseJSONLine(b)
		if err != nil {
			return w.skip(lid, lo, fmt.Errorf("line %d: %w", line, err))
		}
		if doc.ID == "" {
			doc.ID = lid
		}
		return w.emit(doc, lo, enc)
	})
}

// readJSONL calls fn with each non-blank line (1-based line numbers), or
// with an error for a line longer than max or a read failure (after which
// it stops).
func readJSONL(r io.Reader, max int64, fn func(line int, b []byte, err error) error) error {
	br := bufio.NewReaderSize(r, 256<<10)
	var (
		buf  []byte
		line int
	)
	for {
		buf = buf[:0]
		long := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !long {
				if int64(len(buf)+len(chunk)) > max+1 {
					long, buf = true, buf[:0]
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return fn(line+1, nil, fmt.Errorf("%w: line %d: %v", ErrRead, line+1, err))
		}
		if long || len(buf) > 0 || err == nil {
			line++
		}
		if long {
			if e := fn(line, nil, fmt.Errorf("%w: line %d longer than %d bytes", ErrTooLarge, line, max)); e != nil {
				return e
			}
		} else if t := bytes.TrimSpace(buf); len(t) > 0 {
			if e := fn(line, t, nil); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// parseJSONLine decodes one JSONL record into a document.
func parseJSONLine(b []byte) (text.Document, string, error) {
	enc := EncUTF8
	if !utf8.Valid(b) {
		s, e, err := Decode(b)
		if err != nil {
			return text.Document{}, "", err
		}
		b, enc = []byte(s), e
	}
	var rec jsonRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return text.Document{}, "", fmt.Errorf("%w: %v at byte %d", ErrJSON, err, se.Offset)
		}
		return text.Document{}, "", fmt.Errorf("%w: %v", ErrJSON, err)
	}
	if rec.Text == nil {
		return text.Document{}, "", fmt.Errorf("%w: no \"text\" field", ErrJSON)
	}
	if strings.TrimSpace(*rec.Text) == "" {
		return text.Document{}, "", fmt.Errorf("%w: \"text\" is empty", ErrNoText)
	}
	doc := text.Document{
		ID:     string(rec.ID),
		Source: rec.Source,
		URL:    rec.URL,
		Title:  rec.Title,
		Lang:   rec.Lang,
		Text:   strings.TrimPrefix(*rec.Text, "\uFEFF"),
	}
	if doc.ID == "" {
		doc.ID = string(rec.DocNo)
	}
	for _, d := range []string{rec.Published, rec.Time, rec.Date} {
		if d == "" {
			continue
		}
		t, err := ParseTime(d)
		if err != nil {
			return text.Document{}, "", fmt.Errorf("%w: published date %q: %v", ErrJSON, d, err)
		}
		doc.Published = t
		break
	}
	return doc, enc, nil
}

var timeLayouts = []string{
	time.RFC3339Nano,
	time.RFC1123,
	time.RFC1123Z,
	"2006-01-02",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	time.RFC822,
	time.RFC822Z,
}

// ParseTime reads a date or timestamp in the usual web and feed forms
// (RFC 3339, RFC 1123, YYYY-MM-DD, ...); times without a zone are UTC.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	t, err := dateparse.ParseIn(s, time.UTC)
	if err != nil {
		return time.Time{}, fmt.Errorf("unrecognised date %q", s)
	}
	return t, nil
}
