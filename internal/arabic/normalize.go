package arabic

import (
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
		0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x00AD, 0x2060:
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
	if r >= 0x0621 && r <= 0x064A {
		return true
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

// drop marks a rune Normalize removes.
const drop = -1

// arabicBlock maps each rune of the Arabic block U+0600–U+06FF to what
// Normalize writes for it: 0 keeps the rune, drop removes it, anything else
// replaces it. It is filled once by buildArabicBlock and only read after.
var arabicBlock = buildArabicBlock()

func buildArabicBlock() (t [0x100]rune) {
	for r := rune(0x0600); r <= 0x06FF; r++ {
		switch {
		case r == Tatweel || IsDiacritic(r) || r == 0x061C:
			t[r-0x0600] = drop
		case DigitValue(r) >= 0:
			t[r-0x0600] = '0' + rune(DigitValue(r))
		}
	}
	for from, to := range map[rune]rune{
		// Persian, Urdu and other regional letter forms.
		'\u06A9': 'ك', // keheh
		'\u06AA': 'ك', // swash kaf
		'\u06AF': 'ك', // gaf (as written for Arabic words)
		'\u06AB': 'ك', // kaf with ring
		'\u06CC': 'ي', // Farsi yeh
		'\u06D0': 'ي', // yeh with two dots below
		'\u06D2': 'ي', // yeh barree
		'\u06CD': 'ي', // yeh with tail
		'\u06C1': 'ه', // heh goal
		'\u06BE': 'ه', // heh doachashmee
		'\u06D5': 'ه', // ae
		'\u06C0': 'ة', // heh with yeh above (Persian ezafe on heh)
		'\u06C2': 'ة', // heh goal with hamza above
		'\u06C3': 'ة', // teh marbuta goal
		'\u0672': 'أ', // alef with wavy hamza above
		'\u0673': 'إ', // alef with wavy hamza below
		'\u0675': 'أ', // high hamza alef
		'\u0671': 'ٱ', // alef wasla stays (Key folds it)
		'\u06C7': 'و', // u
		'\u06CB': 'و', // ve
		'\u06C6': 'و', // oe
		'\u06C8': 'و', // yu
		'\u0676': 'ؤ', // high hamza waw
		'\u0678': 'ئ', // high hamza yeh
		'\u06A4': 'ف', // veh (foreign v)
		'\u06A1': 'ف', // dotless feh
		'\u067E': 'ب', // peh
		'\u0679': 'ت', // tteh
		'\u0688': 'د', // ddal
		'\u0691': 'ر', // rreh
		'\u0686': 'ج', // tcheh
		'\u0698': 'ز', // jeh
		'\u06BA': 'ن', // noon ghunna
		'\u066E': 'ب', // dotless beh
		'\u066F': 'ق', // dotless qaf
		// Arabic punctuation.
		'،':      ',',
		'؛':      ';',
		'؟':      '?',
		'\u066A': '%',
		'\u066B': '.', // Arabic decimal separator
		'\u066C': ',', // Arabic thousands separator
		'\u06D4': '.', // Arabic full stop
		'\u060D': ',', // date separator
		'\u066D': '*', // five pointed star
	} {
		t[from-0x0600] = to
	}
	t[0x0671-0x0600] = 0 // alef wasla: kept
	return t
}

// mapRune returns what Normalize writes for r outside presentation forms:
// the rune itself, a replacement, or drop.
func mapRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		return r
	case r >= 0x0600 && r <= 0x06FF:
		if m := arabicBlock[r-0x0600]; m != 0 {
			return m
		}
		return r
	case IsIgnorable(r) || r == utf8.RuneError || (r >= 0x08D3 && r <= 0x08FF):
		return drop
	}
	switch r {
	case '«', '»', '\u201C', '\u201D', '\u201E', '\u201F', '\u2033':
		return '"'
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032':
		return '\''
	case '\u00A0', '\u2007', '\u202F':
		return ' '
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	case '\u2026':
		return '…' // kept: one mark, see text.Sentences
	}
	return r
}

// composeHamza returns the precomposed letter for base followed by the
// combining madda (U+0653), hamza above (U+0654) or hamza below (U+0655), or
// 0 when they do not compose (NFC's compositions for Arabic).
func composeHamza(base, mark rune) rune {
	switch mark {
	case 0x0653:
		if base == 'ا' {
			return 'آ'
		}
	case 0x0654:
		switch base {
		case 'ا':
			return 'أ'
		case 'و':
			return 'ؤ'
		case 'ي':
			return 'ئ'
		case 'ه', 'ة':
			return 'ة'
		}
	case 0x0655:
		if base == 'ا' {
			return 'إ'
		}
	}
	return 0
}

// Normalize returns the presentation view of s: presentation forms
// (U+FB50–U+FDFF, U+FE70–U+FEFF) mapped back to letters by NFKC, tatweel,
// harakat and invisible marks removed (a combining hamza or madda is first
// composed with its letter: ا + ٔ → أ), Persian/Urdu letter variants mapped
// to Arabic letters, Arabic-Indic and Eastern Arabic-Indic digits mapped to
// ASCII, and Arabic and typographic punctuation mapped to ASCII (، → ,
// ؛ → ; ؟ → ? «» → "). Hamza forms, alef maqsura and ta marbuta are kept
// (see Key). Invalid UTF-8 is dropped. Normalize is idempotent.
func Normalize(s string) string {
	i := firstChange(s)
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	return string(appendNormalized(b, s[i:]))
}

// NormalizeChanged returns Normalize(s) and whether Normalize changed any
// rune of s; when it did not, norm is s itself.
func NormalizeChanged(s string) (norm string, changed bool) {
	i := firstChange(s)
	if i < 0 {
		return s, false
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	return string(appendNormalized(b, s[i:])), true
}

// firstChange returns the byte offset of the first rune of s that Normalize
// changes, or -1.
func firstChange(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if (c == 0xD8 || c == 0xD9) && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xC0 {
			// U+0600–U+067F: two bytes, looked up in the table.
			if arabicBlock[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)-0x0600] != 0 {
				return i
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || IsPresentationForm(r) || mapRune(r) != r {
			return i
		}
		i += size
	}
	return -1
}

func appendNormalized(b []byte, s string) []byte {
	for _, r := range s {
		if IsPresentationForm(r) && r != 0xFEFF {
			d := norm.NFKC.String(string(r))
			if d != "" && d[0] == ' ' && onlyMarks(d[1:]) {
				continue // isolated harakat forms: a space and a mark
			}
			for _, dr := range d {
				b = appendNormRune(b, dr)
			}
			continue
		}
		b = appendNormRune(b, r)
	}
	return b
}

func onlyMarks(s string) bool {
	for _, r := range s {
		if !IsDiacritic(r) {
			return false
		}
	}
	return true
}

func appendNormRune(b []byte, r rune) []byte {
	if r >= 0x0653 && r <= 0x0655 && len(b) > 0 {
		last, size := utf8.DecodeLastRune(b)
		if c := composeHamza(last, r); c != 0 {
			return utf8.AppendRune(b[:len(b)-size], c)
		}
	}
	m := mapRune(r)
	switch {
	case m == drop:
		return b
	case m < utf8.RuneSelf:
		return append(b, byte(m))
	}
	return utf8.AppendRune(b, m)
}

// foldRune returns the matching-key form of a normalised rune.
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
	if r >= 0x0600 && r <= 0x06FF {
		return r
	}
	l := unicode.ToLower(r)
	if unicode.ToLower(l) != l || mapRune(l) != l {
		return r // keep Key idempotent
	}
	return l
}

// Key returns the matching key of s: Normalize, then the folds that let
// regional spellings meet the same dictionary entry — أ إ آ ٱ → ا,
// ى → ي (فى = في), ة → ه, ؤ → و, ئ → ي — and lower-casing. Keys are what
// dictionaries, the gazetteer and the matcher compare. Key is idempotent and
// Key(Normalize(s)) == Key(s).
func Key(s string) string { return FoldKey(Normalize(s)) }

// FoldKey returns Key(n) for a string n that Normalize leaves unchanged
// (a result of Normalize), without normalising it again.
func FoldKey(n string) string {
	i := firstFold(n)
	if i < 0 {
		return n
	}
	var buf [128]byte
	return string(appendFold(buf[:0], n, i))
}

// appendFold appends the key of n to b, given the offset i of the first
// rune of n that folding changes.
func appendFold(b []byte, n string, i int) []byte {
	b = append(b, n[:i]...)
	for _, r := range n[i:] {
		f := foldRune(r)
		if f < utf8.RuneSelf {
			b = append(b, byte(f))
		} else {
			b = utf8.AppendRune(b, f)
		}
	}
	return b
}

// firstFold returns the byte offset of the first rune of n that Key folds,
// or -1.
func firstFold(n string) int {
	for i := 0; i < len(n); i++ {
		switch c := n[i]; {
		case c >= 'A' && c <= 'Z':
			return i
		case c < utf8.RuneSelf:
			continue
		case c == 0xD8 && i+1 < len(n):
			switch n[i+1] {
			case 0xA3, 0xA5, 0xA2, 0xA4, 0xA6, 0xA9: // أ إ آ ؤ ئ ة
				return i
			}
			i++
			continue
		case c == 0xD9 && i+1 < len(n):
			if n[i+1] == 0x89 || n[i+1] == 0xB1 { // ى ٱ
				return i
			}
			i++
			continue
		}
		return firstFoldSlow(n, i)
	}
	return -1
}

func firstFoldSlow(n string, from int) int {
	for i, r := range n[from:] {
		if foldRune(r) != r {
			return from + i
		}
	}
	return -1
}
