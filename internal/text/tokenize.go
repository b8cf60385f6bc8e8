package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-dev/marsad/internal/arabic"
)

// WordSplitter cuts a run-together Arabic word into the words it was made of.
// Split returns the byte offsets (within word, exclusive of 0 and len(word))
// where the word should be cut, or nil when it should stay whole.
type WordSplitter interface {
	Split(word string) []int
}

// Tokenizer turns text into tokens with byte offsets into the original.
// The zero value works; set Splitter to split run-together Arabic words.
type Tokenizer struct {
	Splitter WordSplitter
}

type class uint8

const (
	cSpace class = iota
	cLetter
	cMark // combining mark, tatweel: continues a word
	cJoin // invisible format character: continues a word, never starts one
	cDigit
	cPunct
	cSymbol
)

func classify(r rune) class {
	switch {
	case r >= 0x0621 && r <= 0x064A: // Arabic letters
		return cLetter
	case r < utf8.RuneSelf:
		switch {
		case ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z'):
			return cLetter
		case '0' <= r && r <= '9':
			return cDigit
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f':
			return cSpace
		case r < ' ' || r == 0x7F:
			return cSymbol
		case unicode.IsPunct(r):
			return cPunct
		}
		return cSymbol
	case r == ' ' || r == '\n' || r == '\t' || r == '\r' || unicode.IsSpace(r):
		return cSpace
	case arabic.DigitValue(r) >= 0:
		return cDigit
	case arabic.IsIgnorable(r):
		return cJoin
	case r == arabic.Tatweel || arabic.IsDiacritic(r) || unicode.Is(unicode.Mn, r):
		return cMark
	case unicode.IsLetter(r):
		return cLetter
	case unicode.IsPunct(r):
		return cPunct
	case r == utf8.RuneError:
		return cSymbol
	}
	return cSymbol
}

func scriptOf(r rune) Script {
	switch {
	case r < utf8.RuneSelf:
		if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
			return Latin
		}
		return OtherScript
	case r >= 0x0600 && r <= 0x06FF:
		return Arabic
	case unicode.Is(unicode.Arabic, r):
		return Arabic
	case unicode.Is(unicode.Latin, r):
		return Latin
	}
	return OtherScript
}

// isNumberSep reports whether r may sit between two digit groups of one
// number: 120,000 · 120.000 · ١٢٠٫٠٠٠ · 2.5.
func isNumberSep(r rune) bool {
	switch r {
	case ',', '.', '\u066B', '\u066C', '\u060C':
		return true
	}
	return false
}

// Tokenize splits src into tokens. Word tokens change at every script change
// and at every letter/digit boundary (الخميس17 → الخميس 17). Numbers keep
// their group separators. Invalid UTF-8 bytes become Symbol tokens.
func (tk *Tokenizer) Tokenize(src string) []Token {
	// About 1.16 tokens a space or line break in Arabic and English news.
	n := strings.Count(src, " ") + strings.Count(src, "\n")
	toks := make([]Token, 0, n+n/4+16)
	return tk.AppendTokens(toks, src, 0)
}

// AppendTokens tokenises src and appends the tokens to dst with offsets
// shifted by base (so a caller may tokenise a slice of a larger text).
func (tk *Tokenizer) AppendTokens(dst []Token, src string, base int) []Token {
	i := 0
	for i < len(src) {
		r, size := utf8.DecodeRuneInString(src[i:])
		c := classify(r)
		switch c {
		case cSpace, cJoin:
			i += size
		case cLetter, cMark:
			start := i
			script := scriptOf(r)
			i += size
			for i < len(src) {
				r2, s2 := utf8.DecodeRuneInString(src[i:])
				c2 := classify(r2)
				if c2 == cMark || c2 == cJoin {
					i += s2
					continue
				}
				if c2 == cLetter {
					sc := scriptOf(r2)
					if script == OtherScript && c == cMark {
						script = sc
					}
					if sc != script {
						break
					}
					i += s2
					continue
				}
				if c2 == cPunct && script == Latin && (r2 == '\'' || r2 == '’') {
					// keep apostrophes inside Latin words: don't, Kurd's
					if n, _ := utf8.DecodeRuneInString(src[i+s2:]); classify(n) == cLetter && scriptOf(n) == Latin {
						i += s2
						continue
					}
				}
				break
			}
			end := trimJoinEnd(src, start, i)
			dst = tk.appendWord(dst, src[start:end], base+start, script)
		case cDigit:
			start := i
			i += size
			for i < len(src) {
				r2, s2 := utf8.DecodeRuneInString(src[i:])
				if arabic.DigitValue(r2) >= 0 {
					i += s2
					continue
				}
				if isNumberSep(r2) && i+s2 < len(src) {
					if n, _ := utf8.DecodeRuneInString(src[i+s2:]); arabic.DigitValue(n) >= 0 {
						i += s2
						continue
					}
				}
				break
			}
			dst = append(dst, newToken(src[start:i], base+start, Number, OtherScript))
		case cPunct:
			start := i
			i += size
			// keep runs of the same mark together: .. !! ؟؟
			for i < len(src) {
				r2, s2 := utf8.DecodeRuneInString(src[i:])
				if r2 != r {
					break
				}
				i += s2
			}
			dst = append(dst, newToken(src[start:i], base+start, Punct, OtherScript))
		default:
			dst = append(dst, newToken(src[i:i+size], base+i, Symbol, OtherScript))
			i += size
		}
	}
	return dst
}

// trimJoinEnd drops trailing invisible characters from a word.
func trimJoinEnd(src string, start, end int) int {
	for end > start {
		r, s := utf8.DecodeLastRuneInString(src[start:end])
		if !arabic.IsIgnorable(r) {
			break
		}
		end -= s
	}
	return end
}

func (tk *Tokenizer) appendWord(dst []Token, w string, start int, script Script) []Token {
	if script != Arabic {
		return append(dst, newToken(w, start, Word, script))
	}
	t := Token{Span: Span{start, start + len(w)}, Text: w, Kind: Word, Script: Arabic}
	norm, changed := arabic.NormalizeChanged(w)
	t.Norm = norm
	lex := arabic.DefaultLexicon()
	key, stems, word := lex.KeyStems(norm)
	t.Key, t.Stems, t.Word = key, stems, word
	// A word the splitter's lexicon knows, written without any character
	// that normalisation changes, is never cut (its key is the one the
	// splitter would look up): skip the splitter for it.
	if tk.Splitter != nil && len(w) >= 8 && !(word > 0 && !changed && splitsWith(tk.Splitter, lex)) {
		if cuts := tk.Splitter.Split(w); len(cuts) > 0 {
			prev := 0
			for _, c := range append(cuts, len(w)) {
				if c <= prev || c > len(w) {
					continue
				}
				t := newToken(w[prev:c], start+prev, Word, script)
				t.Split = true
				dst = append(dst, t)
				prev = c
			}
			return dst
		}
	}
	return append(dst, t)
}

// splitsWith reports whether sp is a splitter over lex (arabic.Splitter).
func splitsWith(sp WordSplitter, lex *arabic.Lexicon) bool {
	ls, ok := sp.(interface{ Lexicon() *arabic.Lexicon })
	return ok && ls.Lexicon() == lex
}

func newToken(s string, start int, k Kind, script Script) Token {
	t := Token{Span: Span{start, start + len(s)}, Text: s, Kind: k, Script: script}
	t.Norm = arabic.Normalize(s)
	t.Key = arabic.FoldKey(t.Norm)
	if k == Word && script == Arabic {
		t.Stems, t.Word = arabic.DefaultLexicon().StemsWord(t.Norm, t.Key)
	}
	return t
}
