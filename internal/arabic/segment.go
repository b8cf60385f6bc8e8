package arabic

import (
	"strings"
	"unicode/utf8"
)

// Stems returns the matching keys of an Arabic word with its clitics
// removed, least stripped first, not including the key itself, using the
// built-in lexicon (see Lexicon.Stems). norm is the word's Normalize form
// and key its Key.
func Stems(norm, key string) []string { return DefaultLexicon().Stems(norm, key) }

// minStemCount is the corpus frequency a stem needs to count as a word.
const minStemCount = 3

// minSuffixStemCount and suffixStemRatio are minStemCount and stemRatio
// for stems left by removing a suffix.
const (
	minSuffixStemCount = 30
	suffixStemRatio    = 3
)

// stemRatio bounds how much rarer than the whole word a stem may be when a
// single-letter proclitic or a suffix is removed: وقال → قال is taken, but
// وزير → زير (far rarer than وزير) is not.
const stemRatio = 8

// Stems returns the matching keys of an Arabic word with its clitics
// removed, least stripped first, not including key itself. norm is the
// word's Normalize form (it tells a final ه that was ة apart from the
// pronoun ه) and key its Key.
//
// Proclitics are the conjunctions و ف, the prepositions ب ك ل, the future
// س (before an imperfective verb in ي ت ن) and the article ال, alone or combined
// (وبال، فال، لل = ل + ال); enclitics are the pronouns ه ها هما هم هن نا,
// and the inflection endings ات ون ين ان وا ت are removed too. A stem is
// kept when the lexicon knows it and it is not far rarer than the word, or
// when it is the word less a proclitic sequence ending in the article
// (بالرقه → الرقه, رقه) and keeps enough letters. Words of fewer than three
// letters are left whole.
//
// For example وبالرقة yields بالرقه, الرقه, رقه; وأكدت yields اكدت, اكد;
// الحسكة yields حسكه but never حسك; فرار yields nothing.
//
// The returned slice may be shared with other calls: do not modify it.
func (l *Lexicon) Stems(norm, key string) []string {
	st, _ := l.StemsWord(norm, key)
	return st
}

// KeyStems returns the views of an Arabic word from its Normalize form:
// FoldKey(norm), Stems(norm, key) and the key's word number (see Word; 0
// when it is not a word of the lexicon), with one lookup. The key of a
// known word is the lexicon's copy.
func (l *Lexicon) KeyStems(norm string) (key string, stems []string, word int32) {
	i := firstFold(norm)
	if i < 0 {
		stems, word = l.StemsWord(norm, norm)
		return norm, stems, word
	}
	var buf [128]byte
	b := appendFold(buf[:0], norm, i)
	if wi, ok := l.index[string(b)]; ok {
		return l.keys[wi], l.stemsOf(wi, strings.HasSuffix(norm, "ة")), wi + 1
	}
	key = string(b)
	return key, l.unknownStems(key, strings.HasSuffix(norm, "ة")), 0
}

// Number returns the word number of key (see Word), or 0 when key is not
// a word of the lexicon.
func (l *Lexicon) Number(key string) int32 {
	if i, ok := l.index[key]; ok {
		return i + 1
	}
	return 0
}

// Word returns word number n (1 to Len, most frequent first) of the
// lexicon: its key and its stems when its final ه was written ه (plain)
// and ة (ta) — the Stems of a token whose key is the word.
func (l *Lexicon) Word(n int32) (key string, plain, ta []string) {
	return l.keys[n-1], l.stemsOf(n-1, false), l.stemsOf(n-1, true)
}

// stemsOf returns the stems of word wi.
func (l *Lexicon) stemsOf(wi int32, taMarbuta bool) []string {
	w := &l.words[wi]
	off, n := w.plainOff, uint32(w.plainLen)
	if taMarbuta {
		off, n = w.taOff, uint32(w.taLen)
	}
	if n == 0 {
		return nil
	}
	return l.stems[off : off+n : off+n]
}

// StemsWord returns Stems(norm, key) and the word number of key (see
// Word; 0 when it is not a word of the lexicon), with one lookup.
func (l *Lexicon) StemsWord(norm, key string) (stems []string, word int32) {
	taMarbuta := strings.HasSuffix(norm, "ة")
	if i, ok := l.index[key]; ok {
		return l.stemsOf(i, taMarbuta), i + 1
	}
	return l.unknownStems(key, taMarbuta), 0
}

// maxUnknownStems bounds the number of unknown words whose stems a Lexicon
// keeps.
const maxUnknownStems = 1 << 15

// unknownStems returns computeStems(key, taMarbuta) for a key that is not a
// word of the list, keeping the stems of up to maxUnknownStems such words
// (names and misspellings come back often).
func (l *Lexicon) unknownStems(key string, taMarbuta bool) []string {
	m := &l.unknown[0]
	if taMarbuta {
		m = &l.unknown[1]
	}
	if v, ok := m.Load(key); ok {
		return v.([]string)
	}
	st := l.computeStems(key, taMarbuta)
	if l.nUnknown.Load() < maxUnknownStems {
		if _, loaded := m.LoadOrStore(key, st); !loaded {
			l.nUnknown.Add(1)
		}
	}
	return st
}

func (l *Lexicon) computeStems(key string, taMarbuta bool) []string {
	n := utf8.RuneCountInString(key)
	if n < 3 || !isArabicKey(key) {
		return nil
	}
	var cs cands
	wc := l.Count(key)

	// Proclitics: conjunction, then particle, then article.
	var conj [2]string
	nc := 0
	conj[nc] = key
	nc++
	if (hasLetter(key, 'و') || hasLetter(key, 'ف')) && n > 3 {
		conj[nc] = key[2:]
		nc++
	}
	for ci := range nc {
		a := conj[ci]
		strippedA := (len(key) - len(a)) / 2
		if ci > 0 {
			cs.prefix(l, a, strippedA, false, wc)
		}
		// particle
		var b string
		synthArticle := false
		switch {
		case strings.HasPrefix(a, "لل") && len(a) >= 8:
			b = "ال" + a[4:] // ل + ال with its alef elided
			synthArticle = true
		case (hasLetter(a, 'ب') || hasLetter(a, 'ك')) && len(a) >= 6:
			// ب and ك go with nouns, and few nouns start with ي: بيوم → يوم,
			// but not بينس → ينس.
			if !hasLetter(a[2:], 'ي') || l.Count(a[2:]) >= 500 {
				b = a[2:]
			}
		case hasLetter(a, 'ل') && len(a) >= 6:
			b = a[2:]
		case hasLetter(a, 'س') && len(a) >= 8 && isImperfective(a[2:]):
			b = a[2:]
		}
		if b != "" {
			strippedB := strippedA + 1
			switch {
			case synthArticle:
				cs.add(b, strippedB, false)
			case strings.HasPrefix(b, "ال"):
				cs.prefix(l, b, strippedB, true, wc)
			case ci == 0 || l.knownStem(a, wc):
				// و + ب + stem only when و + ب… is itself a word
				// (وبحسب → بحسب → حسب, not ولايه → لايه → ايه).
				cs.prefix(l, b, strippedB, false, wc)
			}
		} else {
			b = a
		}
		if strings.HasPrefix(b, "ال") {
			stem := b[4:]
			m := utf8.RuneCountInString(stem)
			stripped := (len(key) - len(stem)) / 2
			if synthArticle {
				stripped-- // the elided alef was not in the word
			}
			if m >= 3 || (m == 2 && l.Count(stem) >= minStemCount) {
				cs.add(stem, stripped, false)
			}
		}
	}

	// Suffixes on the word and on every prefix stem.
	np := len(cs.c)
	l.suffixes(&cs, key, 0, wc, taMarbuta)
	for i := range np {
		c := cs.c[i]
		l.suffixes(&cs, c.s, c.stripped, l.Count(c.s), taMarbuta)
	}
	return cs.sorted(key)
}

// enclitics are the pronoun suffixes removed for matching, longest first.
var enclitics = []string{"هما", "هم", "هن", "نا", "ها", "ه"}

// inflections are the verb and noun endings removed for matching.
var inflections = []string{"ات", "ون", "ين", "ان", "وا", "ت"}

// suffixes adds the stems of w (a key or a prefix stem, stripped letters
// already removed, frequency wc) with an enclitic and/or an inflection
// ending removed.
func (l *Lexicon) suffixes(cs *cands, w string, stripped, wc int, taMarbuta bool) {
	n := utf8.RuneCountInString(w)
	base := w
	for _, e := range enclitics {
		if e == "ه" && taMarbuta {
			continue
		}
		if strings.HasSuffix(w, e) && n-utf8.RuneCountInString(e) >= 3 {
			s := w[:len(w)-len(e)]
			k := stripped + utf8.RuneCountInString(e)
			if l.knownSuffixStem(s, wc) {
				cs.add(s, k, true)
				base = s
			}
			if strings.HasSuffix(s, "و") && l.knownSuffixStem(s[:len(s)-len("و")], wc) { // قتلوهم → قتل
				cs.add(s[:len(s)-len("و")], k+1, true)
			}
			if strings.HasSuffix(s, "ت") { // حكومته → حكومه
				r := s[:len(s)-len("ت")] + "ه"
				if l.knownSuffixStem(r, wc) {
					cs.add(r, k, true)
				}
			}
			break
		}
	}
	bn := utf8.RuneCountInString(base)
	for _, e := range inflections {
		if strings.HasSuffix(base, e) && bn-utf8.RuneCountInString(e) >= 3 {
			s := base[:len(base)-len(e)]
			if l.knownSuffixStem(s, wc) {
				cs.add(s, stripped+n-bn+utf8.RuneCountInString(e), true)
			}
			break
		}
	}
}

// knownStem reports whether s is a known word not far rarer than the word
// (frequency wc) it was cut from.
func (l *Lexicon) knownStem(s string, wc int) bool {
	c := l.Count(s)
	return c >= minStemCount && c*stemRatio >= wc
}

// knownSuffixStem is knownStem for a stem left by removing a suffix, which
// must be commoner: a suffix is more often part of a name (باكين is not
// باك + ين).
func (l *Lexicon) knownSuffixStem(s string, wc int) bool {
	c := l.Count(s)
	return c >= minSuffixStemCount && c*suffixStemRatio >= wc
}

// isImperfective reports whether w begins with an imperfective verb prefix
// (ي ت ن; the first person ا is rare in reports and would take سانا for
// س + انا), which the future particle س precedes.
func isImperfective(w string) bool {
	return hasLetter(w, 'ي') || hasLetter(w, 'ت') || hasLetter(w, 'ن')
}

// hasLetter reports whether w starts with the two-byte Arabic letter r.
func hasLetter(w string, r rune) bool {
	return len(w) >= 2 && w[0] == byte(0xC0|r>>6) && w[1] == byte(0x80|r&0x3F)
}

// isArabicKey reports whether key is made only of Arabic letters.
func isArabicKey(key string) bool {
	for _, r := range key {
		if r < 0x0621 || r > 0x064A {
			return false
		}
	}
	return true
}

type cand struct {
	s        string
	stripped int
	suffix   bool
}

// cands collects candidate stems without duplicates.
type cands struct {
	buf [12]cand
	c   []cand
}

func (cs *cands) add(s string, stripped int, suffix bool) {
	for _, c := range cs.c {
		if c.s == s {
			return
		}
	}
	if cs.c == nil {
		cs.c = cs.buf[:0]
	}
	cs.c = append(cs.c, cand{s, stripped, suffix})
}

// prefix adds a stem left by removing proclitics: kept when it is known and
// not far rarer than the word, or when it starts with the article and keeps
// at least two letters after it (بالرقه → الرقه).
func (cs *cands) prefix(l *Lexicon, s string, stripped int, article bool, wc int) {
	n := utf8.RuneCountInString(s)
	if n < 2 {
		return
	}
	if l.knownStem(s, wc) || (article && n >= 4) {
		cs.add(s, stripped, false)
	}
}

// sorted returns the stems, least stripped first (prefix stems before
// suffix stems on a tie), leaving out key itself.
func (cs *cands) sorted(key string) []string {
	c := cs.c
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && less(c[j], c[j-1]); j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
	var out []string
	for _, x := range c {
		if x.s == key {
			continue
		}
		if out == nil {
			out = make([]string, 0, len(c))
		}
		out = append(out, x.s)
	}
	return out
}

func less(a, b cand) bool {
	if a.stripped != b.stripped {
		return a.stripped < b.stripped
	}
	return !a.suffix && b.suffix
}
