// Package table prints aligned plain-text tables for people at a terminal,
// right for Arabic: columns are measured by display width (combining
// marks such as harakat and format characters take no room, wide East
// Asian characters take two), and a cell holding right-to-left text is
// wrapped in Unicode bidi isolates (FSI … PDI) so that a bidi-aware
// terminal keeps the cells of a row in their left-to-right order instead of
// reordering the whole line.
package table

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/width"
)

// Bidi isolates (Unicode Bidirectional Algorithm, UAX #9).
const (
	fsi = "\u2068" // first strong isolate
	pdi = "\u2069" // pop directional isolate
)

// Table collects rows and writes them aligned. The zero value is ready to
// use.
type Table struct {
	// MaxWidth truncates cells wider than this with "…" (0: no limit).
	MaxWidth int
	// Gap is the number of spaces between columns (2 when 0).
	Gap  int
	rows [][]string
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.rows = append(t.rows, cells) }

// Len returns the number of rows added.
func (t *Table) Len() int { return len(t.rows) }

// WriteTo writes the rows, each column padded to its widest cell (the
// last non-empty cell of a row is not padded), and forgets them.
func (t *Table) WriteTo(w io.Writer) (int64, error) {
	gap := t.Gap
	if gap <= 0 {
		gap = 2
	}
	cells := make([][]string, len(t.rows))
	var widths []int
	for i, row := range t.rows {
		cells[i] = make([]string, len(row))
		for j, c := range row {
			c = clean(c)
			if t.MaxWidth > 0 {
				c = Truncate(c, t.MaxWidth)
			}
			cells[i][j] = c
			if j >= len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], Width(c))
		}
	}
	var b strings.Builder
	for _, row := range cells {
		for len(row) > 0 && row[len(row)-1] == "" {
			row = row[:len(row)-1] // no trailing blanks
		}
		for j, c := range row {
			if j > 0 {
				b.WriteString(strings.Repeat(" ", gap))
			}
			b.WriteString(Isolate(c))
			if j < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[j]-Width(c)))
			}
		}
		b.WriteByte('\n')
	}
	t.rows = nil
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// clean puts a cell on one line: newlines and tabs become spaces.
func clean(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Width is the number of terminal columns s takes: combining marks and
// format characters take none, wide and fullwidth characters two.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r < 0x300:
		if r < 0x20 || r == 0x7f {
			return 0
		}
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// Truncate shortens s to at most w columns, ending it with "…" when cut.
func Truncate(s string, w int) string {
	if Width(s) <= w {
		return s
	}
	n := 0
	for i, r := range s {
		rw := runeWidth(r)
		if n+rw > w-1 {
			return s[:i] + "…"
		}
		n += rw
	}
	return s
}

// Isolate wraps s in bidi isolates when it holds right-to-left letters.
func Isolate(s string) string {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r < 0x590 {
			continue
		}
		p, _ := bidi.LookupRune(r)
		if c := p.Class(); c == bidi.R || c == bidi.AL {
			return fsi + s + pdi
		}
	}
	return s
}
