package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tatweel is the Arabic elongation mark (kashida), removed by Normalize.
const Tatweel = '\u0640'

// IsDiacritic reports whether r is an Arabic vowel mark, Quranic annotation
// or other combining mark that Normalize removes.
func IsDiacritic(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F: // fathatan .. wavy hamza below
		return true
	case r == 0x0670: // superscript alef
		return true
	case r >= 0x0610 && r <= 0x061A: // honorifics and small signs
		return true
	case r >= 0x06D6 && r <= 0x06ED: // Quranic annotation signs
		return true
	case r >= 0x08D3 && r <= 0x08FF: // extended-A marks
		return true
	}
	return false
}

// IsIgnorable reports whether r is an invisible format character (bidi
// marks, zero-width joiners, BOM) that carries no letter and is dropped from
// every view.
func IsIgnorable(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x2066, 0x2067, 0x2068, 0x2069,
		0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x00AD:
		return true
	}
	return false
}

// IsPresentationForm reports whether r is in the Arabic presentation form
// blocks, which NFKC maps back to ordinary letters.
func IsPresentationForm(r rune) bool {
	return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}

// IsArabicLetter reports whether r is a letter of the Arabic script
// (including presentation forms).
func IsArabicLetter(r rune) bool {
	if r == Tatweel {
		return false
	}
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// DigitValue returns the value of an ASCII, Arabic-Indic or Eastern
// Arabic-Indic (Persian/Urdu) digit, or -1.
func DigitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= 0x0660 && r <= 0x0669:
		return int(r - 0x0660)
	case r >= 0x06F0 && r <= 0x06F9:
		return int(r - 0x06F0)
	}
	return -1
}

// letterVariants maps Persian, Urdu and other regional letter forms to the
// standard Arabic letter they stand for in Arabic news text.
var letterVariants = map[rune]rune{
	'\u06A9': 'ك', // keheh
	'\u06AA': 'ك', // swash kaf
	'\u06AF': 'ك', // gaf (as written for Arabic words)
	'\u06CC': 'ي', // Farsi yeh
	'\u06D0': 'ي', // yeh with two dots below
	'\u06D2': 'ي', // yeh barree
	'\u064A': 'ي',
	'\u06C1': 'ه', // heh goal
	'\u06C0': 'ه', // heh with yeh above
	'\u06D5': 'ه', // ae
	'\u06BE': 'ه', // heh doachashmee
	'\u0672': 'أ', // alef with wavy hamza above
	'\u0673': 'إ', // alef with wavy hamza below
	'\u0675': 'أ',
	'\u06C7': 'و', // u
	'\u06CB': 'و', // ve
	'\u06A4': 'ف', // veh (foreign v)
	'\u067E': 'ب', // peh
	'\u0686': 'ج', // tcheh
	'\u0698': 'ز', // jeh
}

// punctuation maps Arabic punctuation to its ASCII counterpart.
var punctuation = map[rune]string{
	'،':      ",",
	'؛':      ";",
	'؟':      "?",
	'«':      "\"",
	'»':      "\"",
	'\u066A': "%",
	'\u066B': ".", // Arabic decimal separator
	'\u066C': ",", // Arabic thousands separator
	'\u06D4': ".", // Arabic full stop
	'\u201C': "\"",
	'\u201D': "\"",
	'\u201E': "\"",
	'\u2018': "'",
	'\u2019': "'",
	'\u00A0': " ",
	'\u2013': "-",
	'\u2014': "-",
}

// Normalize returns the presentation view of s: presentation forms
// decomposed by NFKC, tatweel, harakat and invisible marks removed,
// Persian/Urdu letter variants mapped to Arabic letters, Arabic-Indic and
// Eastern Arabic-Indic digits mapped to ASCII, and Arabic punctuation mapped
// to ASCII. Hamza forms, alef maqsura and ta marbuta are kept (see Key).
// Normalize is idempotent.
func Normalize(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	appendNormalized(&b, s)
	return b.String()
}

// isPlain reports whether s is ASCII without anything to normalise.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func appendNormalized(b *strings.Builder, s string) {
	for _, r := range s {
		if IsPresentationForm(r) && r != 0xFEFF {
			for _, d := range norm.NFKC.String(string(r)) {
				appendNormRune(b, d)
			}
			continue
		}
		appendNormRune(b, r)
	}
}

func appendNormRune(b *strings.Builder, r rune) {
	switch {
	case r == Tatweel || IsDiacritic(r) || IsIgnorable(r) || r == utf8.RuneError:
		return
	case r == ' ' || r == '\u00A0':
		b.WriteByte(' ')
		return
	}
	if d := DigitValue(r); d >= 0 {
		b.WriteByte(byte('0' + d))
		return
	}
	if v, ok := letterVariants[r]; ok {
		b.WriteRune(v)
		return
	}
	if p, ok := punctuation[r]; ok {
		b.WriteString(p)
		return
	}
	b.WriteRune(r)
}

// Key returns the matching key of s: Normalize, then the folds that let
// regional spellings meet the same dictionary entry — أ إ آ ٱ ٲ ٳ → ا,
// ى → ي, ة → ه, ؤ → و, ئ → ي — and lower-casing of Latin letters. Keys are
// what dictionaries, the gazetteer and the matcher compare. Key is
// idempotent and Key(Normalize(s)) == Key(s).
func Key(s string) string {
	n := Normalize(s)
	var b strings.Builder
	b.Grow(len(n))
	for _, r := range n {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى', 'ئ':
		return 'ي'
	case 'ة':
		return 'ه'
	case 'ؤ':
		return 'و'
	}
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}
