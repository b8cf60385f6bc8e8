package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// englishAbbrev lists lower-cased abbreviations (without the final dot) after
// which a full stop does not end an English sentence.
var englishAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "maj": true, "capt": true, "sgt": true, "rev": true, "st": true, "sen": true,
	"rep": true, "gov": true, "pres": true, "jr": true, "sr": true, "no": true, "vs": true,
	"etc": true, "inc": true, "ltd": true, "co": true, "corp": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "mon": true, "tue": true, "wed": true, "thu": true,
	"fri": true, "sat": true, "sun": true, "approx": true, "est": true, "km": true, "e.g": true, "i.e": true,
	"a.m": true, "p.m": true, "u.s": true, "u.n": true, "u.k": true, "al": true,
}

func isTerminator(t *Token) bool {
	if t.Kind != Punct {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	switch r {
	case '.', '!', '?', '؟', '۔', '…':
		return true
	}
	return false
}

func isCloser(t *Token) bool {
	if t.Kind != Punct {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	switch r {
	case '»', '"', '\'', '”', '’', ')', ']', '}', '›':
		return true
	}
	return false
}

// Sentences splits src into sentences using its tokens. A sentence ends at
// . ! ? ؟ … (with any closing quotes or brackets that follow), or at a line
// break. The Arabic comma, quotation marks and unbalanced quotes never end a
// sentence; an English full stop after a known abbreviation or an initial,
// or followed by a lower-case word, does not either.
func Sentences(src string, toks []Token) []Sentence {
	var out []Sentence
	first := 0
	emit := func(last int) {
		if last <= first {
			return
		}
		s := Sentence{Span: Span{toks[first].Start, toks[last-1].End}, First: first, Last: last}
		s.Lang = DetectLang(src[s.Start:s.End])
		out = append(out, s)
		first = last
	}
	for i := range toks {
		if i > first && newlineBetween(src, toks[i-1].End, toks[i].Start) {
			emit(i)
		}
		if !isTerminator(&toks[i]) {
			continue
		}
		if isAbbrevStop(src, toks, i) {
			continue
		}
		j := i + 1
		for j < len(toks) && (isCloser(&toks[j]) || isTerminator(&toks[j])) && !newlineBetween(src, toks[j-1].End, toks[j].Start) {
			j++
		}
		if j < len(toks) && continuesSentence(&toks[j]) && !newlineBetween(src, toks[j-1].End, toks[j].Start) {
			continue
		}
		emit(j)
	}
	emit(len(toks))
	return out
}

func newlineBetween(src string, a, b int) bool {
	return a < b && strings.IndexByte(src[a:b], '\n') >= 0
}

// isAbbrevStop reports whether the full stop at toks[i] belongs to an
// English abbreviation or initial rather than ending a sentence.
func isAbbrevStop(src string, toks []Token, i int) bool {
	t := &toks[i]
	if t.Text != "." || i == 0 {
		return false
	}
	p := &toks[i-1]
	if p.End != t.Start || p.Script != Latin {
		return false
	}
	w := strings.ToLower(p.Text)
	// U.S. / e.g. : the word before is itself preceded by "X."
	if i >= 2 && toks[i-2].Text == "." && toks[i-2].End == p.Start && i >= 3 {
		w = strings.ToLower(toks[i-3].Text) + "." + w
	}
	if englishAbbrev[w] {
		// "in the U.S. The next ..." — a capitalised common word after a
		// multi-letter abbreviation still ends the sentence; we accept that
		// the common case (U.S. forces) matters more.
		return true
	}
	r, _ := utf8.DecodeRuneInString(p.Text)
	return utf8.RuneCountInString(p.Text) == 1 && unicode.IsUpper(r) // initials: J. Smith
}

// continuesSentence reports whether a token after a full stop shows that the
// stop did not end the sentence (a lower-case English word).
func continuesSentence(t *Token) bool {
	if t.Script != Latin || t.Kind != Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLower(r)
}

// DetectLang identifies the language of s from its script: "ar" when Arabic
// letters make up at least 40% of its letters, "en" when Latin letters
// dominate, "" when s has no letters.
func DetectLang(s string) string {
	ar, lat := 0, 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
				lat++
			}
			continue
		}
		if unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
			ar++
		} else if unicode.Is(unicode.Latin, r) && unicode.IsLetter(r) {
			lat++
		}
	}
	switch {
	case ar+lat == 0:
		return ""
	case ar*10 >= (ar+lat)*4:
		return "ar"
	}
	return "en"
}
