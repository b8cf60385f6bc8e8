package ingest

import (
	"errors"
	"net/http"
	"time"

	"github.com/marsad-dev/marsad/internal/text"
)

// More input errors (see also check.go). Item.Err wraps one of them; Reason
// turns it into a short label for summaries.
var (
	ErrJSON   = errors.New("bad JSON line")
	ErrFeed   = errors.New("broken feed")
	ErrNoText = errors.New("no text")
	ErrFetch  = errors.New("fetch failed")
	ErrRead   = errors.New("cannot read")
)

// Item is one document read from an input, or one input that was skipped.
type Item struct {
	Doc text.Document
	// Hash is the hex SHA-256 of the normalised text (see Fingerprint).
	Hash string
	// SimHash is the 64-bit near-duplicate fingerprint (see Fingerprint).
	SimHash uint64
	// Origin says where the document came from: a path or URL, with
	// "#LINE" for a JSONL line and "#N" for the Nth item of a feed.
	Origin string
	// Err is non-nil when the input was skipped; it says why and wraps
	// one of the Err* values.
	Err error
	// Encoding is "utf-8", "utf-16le", "utf-16be" or the guessed legacy
	// encoding ("windows-1256", "iso-8859-6").
	Encoding string
}

// Options tune Walk and Watcher. The zero value works.
type Options struct {
	// MaxBytes limits one file, one fetched body and one JSONL line
	// (DefaultMaxBytes when 0). JSONL files themselves may be any size.
	MaxBytes int64
	// Timeout limits one HTTP request (30 s when 0).
	Timeout time.Duration
	// Client fetches URLs (an http.Client with Timeout when nil).
	Client *http.Client
	// UserAgent is sent with HTTP requests ("marsad" when empty).
	UserAgent string
	// Lang and Source fill Document.Lang and Document.Source when the
	// input does not give them.
	Lang, Source string
}

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: o.Timeout}
	}
	if o.UserAgent == "" {
		o.UserAgent = "marsad (+https://github.com/marsad-dev/marsad)"
	}
	return o
}

// Reason returns a short label for why an item was skipped: "empty",
// "binary", "too large", "unknown encoding", "bad JSON", "broken feed",
// "no text", "fetch failed", "cannot read", or "other".
func Reason(err error) string {
	for _, r := range []struct {
		err   error
		label string
	}{
		{ErrEmpty, "empty"},
		{ErrBinary, "binary"},
		{ErrTooLarge, "too large"},
		{ErrEncoding, "unknown encoding"},
		{ErrNotUTF8, "unknown encoding"},
		{ErrJSON, "bad JSON"},
		{ErrFeed, "broken feed"},
		{ErrNoText, "no text"},
		{ErrFetch, "fetch failed"},
		{ErrRead, "cannot read"},
	} {
		if errors.Is(err, r.err) {
			return r.label
		}
	}
	return "other"
}
