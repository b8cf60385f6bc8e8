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
	"a.m": true, "p.m": true, "u.s": true, "u.n": true, "u.k": true, "al": true, "brig": true,
	"adm": true, "cpl": true, "pvt": true, "ft": true, "mt": true, "fig": true, "vol": true,
}

// sentenceStarters are capitalised words that, after a dotted abbreviation
// such as U.S., show that its full stop also ended the sentence.
var sentenceStarters = map[string]bool{
	"the": true, "he": true, "she": true, "it": true, "they": true, "we": true, "i": true,
	"a": true, "an": true, "in": true, "on": true, "but": true, "and": true, "this": true,
	"that": true, "these": true, "those": true, "there": true, "his": true, "her": true,
	"their": true, "its": true, "at": true, "after": true, "meanwhile": true, "however": true,
	"earlier": true, "later": true, "some": true, "many": true, "more": true, "officials": true,
}

func firstRune(t *Token) rune {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return r
}

func isTerminator(t *Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch firstRune(t) {
	case '.', '!', '?', '؟', '۔', '…':
		return true
	}
	return false
}

func isComma(t *Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch firstRune(t) {
	case ',', '،', ';', '؛':
		return true
	}
	return false
}

func isCloser(t *Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch firstRune(t) {
	case '»', '"', '\'', '”', '’', ')', ']', '}', '›':
		return true
	}
	return false
}

// maxQuoteTokens bounds a quotation that may hold sentence ends: a quote
// left open longer than this (or across a line break) is unbalanced and
// does not hold back sentence ends.
const maxQuoteTokens = 150

// quoteRole classifies the token at i as an opening (1) or closing (-1)
// quotation mark, or neither (0). Straight double quotes open when they
// follow a space or the start and are followed by a non-space.
func quoteRole(src string, toks []Token, i int) int {
	t := &toks[i]
	if t.Kind != Punct {
		return 0
	}
	switch firstRune(t) {
	case '«', '“', '‹', '„':
		return 1
	case '»', '”', '›':
		return -1
	case '"':
		before := t.Start == 0 || strings.ContainsAny(src[t.Start-1:t.Start], " \t\n\r(")
		after := t.End < len(src) && !strings.ContainsAny(src[t.End:t.End+1], " \t\n\r")
		if before && after {
			return 1
		}
		return -1
	}
	return 0
}

// quotedRanges pairs quotation marks (innermost first, as a stack) and
// returns, for each token index inside a balanced quotation, the index of
// the closing mark; -1 elsewhere. Unpaired marks are ignored, so an
// unbalanced quote never swallows the text after it.
func quotedRanges(src string, toks []Token) []int32 {
	var in []int32
	var stack []int
	for i := range toks {
		if len(stack) > 0 && newlineBetween(src, toks[i-1].End, toks[i].Start) {
			stack = stack[:0]
		}
		switch quoteRole(src, toks, i) {
		case 1:
			stack = append(stack, i)
		case -1:
			if len(stack) == 0 {
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if i-o > maxQuoteTokens {
				continue
			}
			if in == nil {
				in = make([]int32, len(toks))
				for j := range in {
					in[j] = -1
				}
			}
			for j := o + 1; j < i; j++ {
				if in[j] < 0 {
					in[j] = int32(i)
				}
			}
		}
	}
	return in
}

// Sentences splits src into sentences using its tokens. A sentence ends at
// . ! ? ؟ … and runs of them (..!! ؟!), with any closing quotes or brackets
// that follow, or at a line break. The Arabic comma never ends a sentence.
// A sentence end inside a balanced quotation («...» or "...") does not end
// the sentence around it unless it is the quotation's last word;
// unbalanced quotation marks are ignored. An English full stop after a
// known abbreviation (Mr., Nov., U.S.), an initial, or followed by a
// lower-case word does not end a sentence; decimals (2.5) are number
// tokens and never do.
func Sentences(src string, toks []Token) []Sentence {
	out, _, _ := sentences(src, toks)
	return out
}

// SentencesLang returns Sentences(src, toks) and DetectLang(src), for
// tokens that come from Tokenizer.Tokenize(src): the letters of src all lie
// in its sentences, so the language of the whole is read from theirs.
func SentencesLang(src string, toks []Token) ([]Sentence, string) {
	out, ar, lat := sentences(src, toks)
	return out, langOf(ar, lat)
}

// sentences returns the sentences and the counts of Arabic and Latin
// letters in them.
func sentences(src string, toks []Token) (out []Sentence, ar, lat int) {
	quoted := quotedRanges(src, toks)
	first := 0
	emit := func(last int) {
		if last <= first {
			return
		}
		s := Sentence{Span: Span{toks[first].Start, toks[last-1].End}, First: first, Last: last}
		a, l := letterCounts(src[s.Start:s.End])
		ar, lat = ar+a, lat+l
		s.Lang = langOf(a, l)
		out = append(out, s)
		first = last
	}
	for i := 0; i < len(toks); i++ {
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
		if j < len(toks) && isComma(&toks[j]) {
			continue // "الكردية.، وتم": a stray stop before a comma
		}
		if quoted != nil && quoted[i] >= 0 && int(quoted[i]) >= j {
			continue // inside a quotation that goes on
		}
		if j < len(toks) && continuesSentence(&toks[j]) && !newlineBetween(src, toks[j-1].End, toks[j].Start) {
			continue
		}
		emit(j)
		i = j - 1
	}
	emit(len(toks))
	return out, ar, lat
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
	dotted := false
	// U.S. / e.g. : the word before is itself preceded by "X."
	if i >= 3 && toks[i-2].Text == "." && toks[i-2].End == p.Start && toks[i-3].End == toks[i-2].Start {
		w = strings.ToLower(toks[i-3].Text) + "." + w
		dotted = true
	}
	if englishAbbrev[w] {
		// "in the U.S. The next ...": a dotted abbreviation followed by a
		// word that usually starts a sentence ends the sentence too.
		if dotted && i+1 < len(toks) && toks[i+1].Script == Latin && unicode.IsUpper(firstRune(&toks[i+1])) &&
			sentenceStarters[strings.ToLower(toks[i+1].Text)] {
			return false
		}
		return true
	}
	if utf8.RuneCountInString(p.Text) == 1 && unicode.IsUpper(firstRune(p)) { // initials: J. Smith
		// "... Plan B. The next ..." is rare next to initials; keep initials.
		return i+1 < len(toks) && toks[i+1].Script == Latin
	}
	return false
}

// continuesSentence reports whether a token after a full stop shows that the
// stop did not end the sentence (a lower-case English word).
func continuesSentence(t *Token) bool {
	if t.Script != Latin || t.Kind != Word {
		return false
	}
	return unicode.IsLower(firstRune(t))
}

// DetectLang identifies the language of s from its script: "ar" when Arabic
// letters make up at least 40% of its letters, "en" when Latin letters
// dominate, "" when s has no letters.
func DetectLang(s string) string { return langOf(letterCounts(s)) }

// langOf is DetectLang's decision from the counts of Arabic and Latin
// letters.
func langOf(ar, lat int) string {
	switch {
	case ar+lat == 0:
		return ""
	case ar*10 >= (ar+lat)*4:
		return "ar"
	}
	return "en"
}

// letterCounts counts the Arabic and the Latin letters of s.
func letterCounts(s string) (ar, lat int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
				lat++
			}
			i++
			continue
		}
		if (c == 0xD8 || c == 0xD9) && i+1 < len(s) {
			// U+0600–U+067F without decoding: letters are U+0621–U+064A
			// less tatweel (U+0640).
			if r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F); s[i+1]&0xC0 == 0x80 {
				if r >= 0x0621 && r <= 0x064A && r != 0x0640 {
					ar++
				}
				i += 2
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r >= 0x0621 && r <= 0x064A:
			ar++
		case r < 0x0250 && unicode.IsLetter(r): // Latin-1, Latin Extended A/B
			lat++
		case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
			ar++
		case unicode.Is(unicode.Latin, r) && unicode.IsLetter(r):
			lat++
		}
	}
	return ar, lat
}
