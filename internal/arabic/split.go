package arabic

import (
	"math"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Splitter cuts run-together Arabic words (تركياوالولاياتالمتحدة,
// الأممالمتحدة) back into the words they were typed as, by dynamic
// programming over a Lexicon: the cut that maximises the sum of the pieces'
// log frequencies, less a cost per piece, wins. Only words that the lexicon
// does not know — neither as they are nor with their clitics removed — are
// cut, and every piece must be a known word (or the conjunction و before
// one). It implements text.WordSplitter and is safe for concurrent use.
type Splitter struct {
	lex *Lexicon
}

// NewSplitter returns a Splitter over lex.
func NewSplitter(lex *Lexicon) *Splitter { return &Splitter{lex: lex} }

// Lexicon returns the lexicon the splitter cuts words with.
func (s *Splitter) Lexicon() *Lexicon { return s.lex }

// DefaultSplitter returns a Splitter over DefaultLexicon.
func DefaultSplitter() *Splitter { return NewSplitter(DefaultLexicon()) }

const (
	// maxSplitBytes bounds the words the Splitter looks at.
	maxSplitBytes = 160
	// minSplitLetters is the fewest letters a run-together word has.
	minSplitLetters = 7
	// maxPieceLetters is the longest piece.
	maxPieceLetters = 16
	// pieceCost is subtracted per piece, so fewer pieces win.
	pieceCost = 4.0
	// conjScore is the score of a lone conjunction و before a piece.
	conjScore = -3.5 - pieceCost
)

// minPieceCount is the corpus frequency a piece of so many letters needs:
// short pieces must be common words, so that a rare name is not read as
// two short words (دينهام is not دين هام).
func minPieceCount(letters int) int {
	switch letters {
	case 2:
		return 5000
	case 3:
		return 500
	case 4:
		return 100
	}
	return 20
}

// Split returns the byte offsets within word where it should be cut, or nil
// to keep it whole. Cuts fall on the first byte of a letter; marks and
// tatweel stay with the letter before them.
func (s *Splitter) Split(word string) []int {
	if len(word) > maxSplitBytes || len(word) < 2*minSplitLetters {
		return nil
	}
	// The key of word, with, for each byte of it where a letter of word
	// starts, that letter's offset in word (-1: no cut here).
	var kbuf [2 * maxSplitBytes]byte
	var obuf [2*maxSplitBytes + 1]int16
	kb := kbuf[:0]
	for i, r := range word {
		var piece string
		switch {
		case IsPresentationForm(r):
			piece = Key(norm.NFKC.String(string(r)))
		default:
			m := mapRune(r)
			if m == drop || (r >= 0x0653 && r <= 0x0655) {
				continue
			}
			f := foldRune(m)
			if f < 0x0621 || f > 0x064A {
				return nil // not a plain Arabic word
			}
			var rb [4]byte
			piece = string(rb[:utf8.EncodeRune(rb[:], f)])
		}
		if len(kb)+len(piece) > len(kbuf) {
			return nil
		}
		if piece == "" {
			continue
		}
		obuf[len(kb)] = int16(i)
		for j := 1; j < len(piece); j++ {
			obuf[len(kb)+j] = -1
		}
		kb = append(kb, piece...)
	}
	if _, ok := s.lex.index[string(kb)]; ok { // a known word (no allocation)
		return nil
	}
	key := string(kb)
	if utf8.RuneCountInString(key) < minSplitLetters || s.known(key) {
		return nil
	}
	obuf[len(kb)] = int16(len(word))

	// best[p]: the best score of a cut of key[:p]; from[p]: where its last
	// piece starts.
	n := len(key)
	var bbuf [2*maxSplitBytes + 1]float64
	var fbuf [2*maxSplitBytes + 1]int16
	best, from := bbuf[:n+1], fbuf[:n+1]
	for i := range best {
		best[i] = math.Inf(-1)
	}
	best[0] = 0
	for p := 0; p < n; p++ {
		if obuf[p] < 0 || math.IsInf(best[p], -1) {
			continue
		}
		letters := 0
		for q := p + 1; q <= n && letters < maxPieceLetters; q++ {
			if q < n && (key[q]&0xC0 == 0x80 || obuf[q] < 0) {
				continue // inside a letter or a ligature
			}
			letters++
			var sc float64
			switch {
			case letters == 1:
				if q == n || key[p:q] != "و" || p == 0 {
					continue
				}
				sc = conjScore
			default:
				c := s.lex.Count(key[p:q])
				if c < minPieceCount(letters) || key[p:q] == "الا" { // الأوحال is not إلا و حال
					continue
				}
				sc = math.Log(float64(c)/s.lex.total) - pieceCost
			}
			if v := best[p] + sc; v > best[q] {
				best[q], from[q] = v, int16(p)
			}
		}
	}
	if math.IsInf(best[n], -1) {
		return nil
	}
	var cuts []int
	for q := int(from[n]); q > 0; q = int(from[q]) {
		cuts = append(cuts, int(obuf[q]))
	}
	for i, j := 0, len(cuts)-1; i < j; i, j = i+1, j-1 {
		cuts[i], cuts[j] = cuts[j], cuts[i]
	}
	return cuts
}

// known reports whether key is a word of the lexicon, as it is or with its
// clitics removed.
func (s *Splitter) known(key string) bool {
	if s.lex.Count(key) > 0 {
		return true
	}
	for _, st := range s.lex.Stems(key, key) {
		if s.lex.Count(st) > 0 {
			return true
		}
	}
	return false
}
