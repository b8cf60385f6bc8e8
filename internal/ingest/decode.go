package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encoding names reported in Item.Encoding.
const (
	EncUTF8      = "utf-8"
	EncUTF16LE   = "utf-16le"
	EncUTF16BE   = "utf-16be"
	EncWin1256   = "windows-1256"
	EncISO88596  = "iso-8859-6"
	maxCtrlRatio = 0.05 // more control bytes than this: binary
)

// ErrEncoding reports bytes that are neither UTF-8 nor a recognisable
// legacy Arabic encoding.
var ErrEncoding = errors.New("unknown text encoding")

var legacy = []struct {
	name string
	enc  encoding.Encoding
}{
	{EncWin1256, charmap.Windows1256},
	{EncISO88596, charmap.ISO8859_6},
}

// Decode turns the bytes of one document into UTF-8 text and names the
// encoding it found. Valid UTF-8 is taken as is (a BOM is dropped); UTF-16
// is accepted with a BOM; otherwise Windows-1256 and ISO-8859-6 are tried
// and the better one is accepted when most of its non-ASCII letters are
// Arabic. Errors wrap ErrEmpty, ErrBinary or ErrEncoding.
func Decode(b []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeWith(b, xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), EncUTF16LE)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeWith(b, xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), EncUTF16BE)
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if err := checkBinary(b); err != nil {
		return "", "", err
	}
	if utf8.Valid(b) {
		if len(bytes.TrimSpace(b)) == 0 {
			return "", "", ErrEmpty
		}
		return string(b), EncUTF8, nil
	}
	best, bestName, bestScore := "", "", -1.0
	for _, l := range legacy {
		s, err := l.enc.NewDecoder().String(string(b))
		if err != nil {
			continue
		}
		if sc := arabicScore(s); sc > bestScore {
			best, bestName, bestScore = s, l.name, sc
		}
	}
	if bestScore < 0.8 {
		return "", "", fmt.Errorf("%w: invalid UTF-8 at byte %d and not Windows-1256 or ISO-8859-6 Arabic; convert it to UTF-8 (e.g. iconv -f CP1256 -t UTF-8)", ErrEncoding, firstInvalid(b))
	}
	return best, bestName, nil
}

func decodeWith(b []byte, e encoding.Encoding, name string) (string, string, error) {
	s, err := e.NewDecoder().String(string(b))
	if err != nil {
		return "", "", fmt.Errorf("%w: %s: %v", ErrEncoding, name, err)
	}
	s = strings.TrimPrefix(s, "\uFEFF")
	if err := checkBinary([]byte(s)); err != nil {
		return "", "", err
	}
	if strings.TrimSpace(s) == "" {
		return "", "", ErrEmpty
	}
	return s, name, nil
}

// checkBinary reports NUL bytes or many control bytes. Empty input is
// left to the caller.
func checkBinary(b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	ctrl := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7F {
			ctrl++
		}
	}
	if len(b) > 0 && float64(ctrl)/float64(len(b)) > maxCtrlRatio {
		return fmt.Errorf("%w: %d of %d bytes are control characters", ErrBinary, ctrl, len(b))
	}
	return nil
}

// arabicScore is the share of s's non-ASCII runes that are Arabic letters,
// digits or punctuation, or common typographic marks; 0 when s has control
// or replacement characters beyond a trace, Arabic letters glued to Latin
// ones, or no non-ASCII rune at all.
func arabicScore(s string) float64 {
	var nonASCII, good, bad, mixed int
	prev := ' '
	for _, r := range s {
		// A Latin letter touching an Arabic one means accented Latin
		// text read in an Arabic code page (déclaré → dىclarى).
		if isASCIILetter(prev) && unicode.Is(unicode.Arabic, r) || unicode.Is(unicode.Arabic, prev) && isASCIILetter(r) {
			mixed++
		}
		prev = r
		switch {
		case r < 0x80:
			if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
				bad++
			}
			continue
		case r == utf8.RuneError || r >= 0x80 && r < 0xA0:
			bad++
		case unicode.Is(unicode.Arabic, r):
			good++
		case r == '\u00A0' || r == '«' || r == '»' || r >= 0x2000 && r <= 0x206F:
			good++ // spaces, quotes, dashes, zero-width joiners
		}
		nonASCII++
	}
	if nonASCII == 0 || bad*100 > nonASCII || mixed*20 > good {
		return 0
	}
	return float64(good) / float64(nonASCII)
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
