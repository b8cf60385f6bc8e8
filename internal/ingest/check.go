package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// DefaultMaxBytes is the largest single document read by default.
const DefaultMaxBytes = 32 << 20

// Input errors. Callers test with errors.Is and report the reason.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary data, not text")
	ErrTooLarge = errors.New("input too large")
	ErrNotUTF8  = errors.New("not valid UTF-8")
)

// ReadText reads at most max bytes of text from r and checks that it is
// non-empty, not binary and valid UTF-8 (a leading BOM is dropped). The
// errors wrap ErrEmpty, ErrBinary, ErrTooLarge or ErrNotUTF8 and say what
// to do.
func ReadText(r io.Reader, max int64) (string, error) {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return "", fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > max {
		return "", fmt.Errorf("%w: more than %d bytes; split it into documents (one per line with --input jsonl) or raise --max-bytes", ErrTooLarge, max)
	}
	return CheckText(b)
}

// CheckText validates b as a text document (see ReadText).
func CheckText(b []byte) (string, error) {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(b)) == 0 {
		return "", ErrEmpty
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return "", fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	if !utf8.Valid(b) {
		off := firstInvalid(b)
		return "", fmt.Errorf("%w: invalid byte at offset %d (legacy Arabic encodings such as Windows-1256 must be converted, e.g. iconv -f CP1256 -t UTF-8)", ErrNotUTF8, off)
	}
	return string(b), nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}
