package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-dev/marsad/internal/arabic"
)

// latinArticles are the transliterated forms of the Arabic article; inside a
// name they are all written "al" in keys (ez-Zor, as-Sweida, el-Hol).
var latinArticles = map[string]bool{
	"al": true, "el": true, "ul": true, "ad": true, "ar": true, "as": true, "ash": true, "at": true,
	"az": true, "an": true, "adh": true, "ath": true, "ed": true, "er": true, "es": true, "et": true,
	"ez": true, "en": true, "az-": true,
}

// nameWords splits a name into words the way the tokenizer does (letters of
// one script, digit runs) and returns their matching keys: arabic.Key for
// Arabic, folded lower case without diacritics or apostrophes for Latin.
// hyph[i] reports whether word i was followed by a hyphen.
func nameWords(s string) (words []string, hyph []bool) {
	var cur strings.Builder
	script := 0 // 1 Arabic, 2 Latin, 3 digits
	flush := func() {
		if cur.Len() > 0 {
			w := cur.String()
			if script == 1 {
				w = arabic.Key(w)
			} else if script == 2 {
				w = foldLatin(w)
			}
			if w != "" {
				words = append(words, w)
				hyph = append(hyph, false)
			}
			cur.Reset()
		}
		script = 0
	}
	for _, r := range s {
		var sc int
		switch {
		case arabic.DigitValue(r) >= 0:
			sc = 3
		case r == arabic.Tatweel || arabic.IsDiacritic(r) || arabic.IsIgnorable(r):
			continue
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			if unicode.Is(unicode.Arabic, r) {
				sc = 1
			} else {
				sc = 2
			}
		case isApostrophe(r):
			continue // Sina'a → sinaa, ‘Ayn → ayn
		default:
			flush()
			if (r == '-' || r == '‐' || r == '–') && len(hyph) > 0 {
				hyph[len(hyph)-1] = true
			}
			continue
		}
		if sc != script && cur.Len() > 0 {
			flush()
		}
		script = sc
		cur.WriteRune(r)
	}
	flush()
	return words, hyph
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '‘', '’', 'ʿ', 'ʾ', 'ʼ', '´':
		return true
	}
	return false
}

// foldLatin lower-cases a Latin word and strips diacritics and apostrophes.
func foldLatin(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '\'' || c == '`' || ('A' <= c && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isApostrophe(r) || unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if m, ok := latinFold[r]; ok {
			r = m
		}
		b.WriteRune(r)
	}
	return b.String()
}

var latinFold = func() map[rune]rune {
	m := map[rune]rune{}
	for base, vs := range map[rune]string{
		'a': "àáâãäåāăąǎạ", 'c': "çćĉċč", 'd': "ďđḍ", 'e': "èéêëēĕėęěẹ", 'g': "ĝğġģ", 'h': "ĥħḥḩḫ",
		'i': "ìíîïĩīĭįıị", 'j': "ĵ", 'k': "ķḳ", 'l': "ĺļľŀł", 'n': "ñńņňṇ", 'o': "òóôõöøōŏőọ",
		'r': "ŕŗřṛ", 's': "śŝşšṣș", 't': "ţťŧṭț", 'u': "ùúûüũūŭůűųụ", 'w': "ŵ", 'y': "ýÿŷ", 'z': "źżžẓẕ",
	} {
		for _, v := range vs {
			m[v] = base
		}
	}
	return m
}()

func isArabicWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Arabic, r)
}

// NameKeys returns the keys under which the gazetteer indexes a name; the
// generator stores them so that loading needs no folding.
func NameKeys(name string) []string { return nameKeys(name) }

// nameKeys returns the index keys of a name: its words joined by spaces,
// and the variants that text may use — Arabic without the article on the
// first word; Latin with every article written "al", and without a leading
// article (al-Hol, Al Hol, el-Hol, Hol).
func nameKeys(name string) []string {
	words, hyph := nameWords(name)
	if len(words) == 0 {
		return nil
	}
	var out []string
	add := func(ws []string) {
		if len(ws) == 0 {
			return
		}
		k := strings.Join(ws, " ")
		for _, o := range out {
			if o == k {
				return
			}
		}
		out = append(out, k)
	}
	add(words)
	if isArabicWord(words[0]) {
		if w := words[0]; strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) > 3 {
			add(append([]string{w[len("ال"):]}, words[1:]...))
		}
		return out
	}
	canon := make([]string, len(words))
	hcanon := make([]string, len(words))
	for i, w := range words {
		canon[i], hcanon[i] = w, w
		if latinArticles[w] && i+1 < len(words) {
			canon[i] = "al"
			if hyph[i] || w == "al" || w == "el" {
				hcanon[i] = "al"
			}
		}
	}
	add(canon)
	add(hcanon)
	if len(words) > 1 && latinArticles[words[0]] {
		add(words[1:])
	}
	for _, k := range append([]string(nil), out...) {
		add(strings.Fields(skeleton(k)))
	}
	return out
}

// wordVariants maps common spellings of toponym words to one form.
var wordVariants = map[string]string{
	"ein": "ain", "ayn": "ain", "aain": "ain", "issa": "isa", "eissa": "isa", "aissa": "isa", "esa": "isa",
	"tall": "tal", "tel": "tal", "tell": "tal", "dayr": "deir", "dair": "deir", "der": "deir", "dier": "deir",
	"kfar": "kafr", "kefr": "kafr", "kufr": "kafr", "jebel": "jabal", "jabel": "jabal", "jbel": "jabal", "jebal": "jabal",
	"abou": "abu", "abo": "abu", "um": "umm", "om": "umm", "oum": "umm", "ber": "bir", "beer": "bir", "bi'r": "bir",
	"kherbet": "khirbet", "khirbat": "khirbet", "khirbeh": "khirbet", "shaykh": "sheikh", "shaikh": "sheikh", "sheik": "sheikh",
	"kasr": "qasr", "wady": "wadi", "raas": "ras", "jisir": "jisr", "mazraat": "mazraa",
}

var skelReplacer = strings.NewReplacer("ou", "u", "oo", "u", "o", "u", "ee", "i", "q", "k", "ck", "k", "ph", "f")

// skeleton folds a Latin key to a spelling-tolerant form: word variants,
// doubled letters, q/k, ou/u, ee/i and final -ah/-eh/-a.
func skeleton(k string) string {
	if k == "" || isArabicWord(k) {
		return k
	}
	var ws []string
	for _, w := range strings.Fields(k) {
		if latinArticles[w] {
			continue // Deir al-Zour, Deir Ezzor → deir zur
		}
		if len(w) > 4 && (w[0] == 'a' || w[0] == 'e') && w[1] == w[2] && strings.IndexByte("dnrstz", w[1]) >= 0 {
			w = w[2:] // ezzor, assweida
		}
		ws = append(ws, w)
	}
	for i, w := range ws {
		if v, ok := wordVariants[w]; ok {
			w = v
		}
		w = skelReplacer.Replace(w)
		var b []byte
		for j := 0; j < len(w); j++ {
			if j > 0 && w[j] == w[j-1] {
				continue
			}
			b = append(b, w[j])
		}
		w = string(b)
		for _, suf := range []string{"ah", "eh", "a", "e"} {
			if len(w) > 3 && strings.HasSuffix(w, suf) {
				w = w[:len(w)-len(suf)]
				break
			}
		}
		ws[i] = w
	}
	return strings.Join(ws, " ")
}
