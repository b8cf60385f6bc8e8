// Package calendar recognises month and weekday names in Arabic (the
// Egyptian/Gulf series يناير…ديسمبر, the Levantine series كانون الثاني…كانون
// الأول and the Maghrebi spellings) and English, over text.Token keys. It is
// the shared vocabulary of packages timex (which reads dates) and quantity
// (which must not mistake a day or a year for a count).
package calendar

import (
	"strings"
	"sync"
	"time"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/text"
)

// arMonths maps matching keys (see arabic.Key) of one-word Arabic month names
// to their month.
var arMonths = map[string]time.Month{
	// Egyptian / Gulf series
	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
	"يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
	// Levantine series (one-word names)
	"شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9,
	// Maghrebi spellings
	"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "يوليوز": 7,
	"اوت": 8, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}

// arMonthPairs holds the two-word Levantine names: first key, second key.
var arMonthPairs = map[[2]string]time.Month{
	{"كانون", "الثاني"}: 1, {"كانون", "الاول"}: 12,
	{"تشرين", "الاول"}: 10, {"تشرين", "الثاني"}: 11,
}

// ambiguousMonths are month keys that are also common words (اب father, ماي
// mine, مارس practised, may, march); callers should accept them only next to
// a day, a year or a cue word.
var ambiguousMonths = map[string]bool{"اب": true, "ماي": true, "مارس": true, "may": true, "march": true, "نيسان": true}

// pairFirst maps the first word of the two-word names to itself (for
// Lookup with clitics: وتشرين الأول).
var pairFirst = map[string]string{"كانون": "كانون", "تشرين": "تشرين"}

var enMonths = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// enMonthAbbrev are English abbreviations, accepted capitalised, with or
// without a following full stop.
var enMonthAbbrev = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var arWeekdays = map[string]time.Weekday{
	"الاحد": time.Sunday, "الاثنين": time.Monday, "الثلاثاء": time.Tuesday, "الاربعاء": time.Wednesday,
	"الخميس": time.Thursday, "الجمعه": time.Friday, "السبت": time.Saturday,
}

var enWeekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var enWeekdayAbbrev = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wed": time.Wednesday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"fri": time.Friday, "sat": time.Saturday,
}

func init() {
	// The tables are written as matching keys; pass them through arabic.Key
	// so they stay in step with the tokenizer's folding.
	rekey(arMonths)
	rekey(arWeekdays)
	rekey(ambiguousMonths)
	pairs := make(map[[2]string]time.Month, len(arMonthPairs))
	for k, m := range arMonthPairs {
		pairs[[2]string{arabic.Key(k[0]), arabic.Key(k[1])}] = m
	}
	clear(arMonthPairs)
	for k, m := range pairs {
		arMonthPairs[k] = m
	}
}

func rekey[V any](m map[string]V) {
	tmp := make(map[string]V, len(m))
	for k, v := range m {
		tmp[arabic.Key(k)] = v
	}
	clear(m)
	for k, v := range tmp {
		m[k] = v
	}
}

// Month reports the month named at toks[i] and the index of the token after
// the name. It reads one- and two-word Arabic names (with a conjunction or
// preposition clitic: وأكتوبر، بتشرين الأول), English names and capitalised
// abbreviations (Oct. 17), and a name followed by its alternative in the other
// series, as in يوليو/ تموز, أكتوبر/تشرين الأول or يوليو (تموز). Ambiguous reports whether
// the name is also a common word.
func Month(toks []text.Token, i int) (m time.Month, next int, ambiguous, ok bool) {
	m, next, ambiguous, ok = month1(toks, i)
	if !ok {
		return 0, i, false, false
	}
	// "يوليو/ تموز": the same month in the other series after a slash.
	if next+1 < len(toks) && toks[next].Text == "/" {
		if m2, n2, _, ok2 := month1(toks, next+1); ok2 && m2 == m {
			next = n2
			ambiguous = false
		}
	}
	// "يوليو (تموز)": the other series' name as a gloss in brackets; the
	// year, when written, follows the closing bracket.
	if n2, ok2 := bracketedMonth(toks, next); ok2 {
		next = n2
		ambiguous = false
	}
	return m, next, ambiguous, true
}

// bracketedMonth reports whether toks[i:] is a month name in round
// brackets, and the index after the closing bracket. The gloss may name
// another month than the one before it (a slip of the writer's); it is
// still a gloss, not a date of its own.
func bracketedMonth(toks []text.Token, i int) (int, bool) {
	if i+2 >= len(toks) || toks[i].Text != "(" {
		return i, false
	}
	_, n, _, ok := month1(toks, i+1)
	if !ok || n >= len(toks) || toks[n].Text != ")" {
		return i, false
	}
	return n + 1, true
}

func month1(toks []text.Token, i int) (time.Month, int, bool, bool) {
	if i < 0 || i >= len(toks) || toks[i].Kind != text.Word {
		return 0, i, false, false
	}
	t := &toks[i]
	if t.Script == text.Latin {
		if !isUpper(t.Text[0]) {
			return 0, i, false, false
		}
		if m, ok := enMonths[t.Key]; ok {
			return m, i + 1, ambiguousMonths[t.Key], true
		}
		if m, ok := enMonthAbbrev[t.Key]; ok {
			next := i + 1
			if next < len(toks) && toks[next].Text == "." && toks[next].Start == t.End {
				next++
			}
			return m, next, false, true
		}
		return 0, i, false, false
	}
	if t.Script != text.Arabic {
		return 0, i, false, false
	}
	if m, ok := Lookup(arMonths, t.Key); ok {
		amb, _ := Lookup(ambiguousMonths, t.Key)
		return m, i + 1, amb, true
	}
	if first, ok := Lookup(pairFirst, t.Key); ok && i+1 < len(toks) {
		if m, ok := arMonthPairs[[2]string{first, toks[i+1].Key}]; ok {
			return m, i + 2, false, true
		}
	}
	return 0, i, false, false
}

// Weekday reports the weekday named at toks[i] (الخميس، والخميس، Thursday,
// Thu.) and the index of the token after the name.
func Weekday(toks []text.Token, i int) (d time.Weekday, next int, ok bool) {
	if i < 0 || i >= len(toks) || toks[i].Kind != text.Word {
		return 0, i, false
	}
	t := &toks[i]
	if t.Script == text.Latin {
		if !isUpper(t.Text[0]) {
			return 0, i, false
		}
		if d, ok := enWeekdays[t.Key]; ok {
			return d, i + 1, true
		}
		if d, ok := enWeekdayAbbrev[t.Key]; ok && i+1 < len(toks) && toks[i+1].Text == "." && toks[i+1].Start == t.End {
			return d, i + 2, true
		}
		return 0, i, false
	}
	if t.Script != text.Arabic {
		return 0, i, false
	}
	if d, ok := Lookup(arWeekdays, t.Key); ok {
		return d, i + 1, true
	}
	return 0, i, false
}

// IsMonth reports whether toks[i] begins a month name.
func IsMonth(toks []text.Token, i int) bool {
	_, _, _, ok := month1(toks, i)
	return ok
}

// IsName reports whether toks[i] begins a month or weekday name.
func IsName(toks []text.Token, i int) bool {
	if _, _, _, ok := month1(toks, i); ok {
		return true
	}
	_, _, ok := Weekday(toks, i)
	return ok
}

// Lookup finds key in m, or else key with a leading conjunction (و ف)
// and/or preposition (ب ل ك) clitic removed, reading لل as ل + ال
// (للخميس → الخميس). Stripped forms keep at least two letters (four after
// a preposition). It does not allocate.
func Lookup[V any](m map[string]V, key string) (V, bool) {
	if v, ok := m[key]; ok {
		return v, true
	}
	var zero V
	w := key
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		w = w[len("و"):]
		if len(w) < 4 {
			return zero, false
		}
		if v, ok := m[w]; ok {
			return v, true
		}
	}
	if len(w) < 8 {
		return zero, false
	}
	switch {
	case strings.HasPrefix(w, "لل"):
		var buf [96]byte
		if len(w) > len(buf) {
			return zero, false
		}
		b := append(append(buf[:0], "ال"...), w[len("لل"):]...)
		v, ok := m[string(b)]
		return v, ok
	case strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "ك"):
		v, ok := m[w[len("ب"):]]
		return v, ok
	}
	return zero, false
}

// MayHaveClitic reports whether key starts with a letter that Lookup may
// strip.
func MayHaveClitic(key string) bool {
	return strings.HasPrefix(key, "و") || strings.HasPrefix(key, "ف") || strings.HasPrefix(key, "ب") ||
		strings.HasPrefix(key, "ل") || strings.HasPrefix(key, "ك")
}

// Keys calls fn with the matching key of every month and weekday name (the
// first word of two-word names), so callers can build filters.
func Keys(fn func(string)) {
	for k := range arMonths {
		fn(k)
	}
	for k := range arMonthPairs {
		fn(k[0])
	}
	for k := range enMonths {
		fn(k)
	}
	for k := range enMonthAbbrev {
		fn(k)
	}
	for k := range arWeekdays {
		fn(k)
	}
	for k := range enWeekdays {
		fn(k)
	}
	for k := range enWeekdayAbbrev {
		fn(k)
	}
}

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }

// KeySet is a set of matching keys with a cheap pre-filter on (length,
// first two and last two bytes), for deciding quickly whether a token may
// start something. Clitic stripping only removes prefixes (لل → ال keeps
// the length), so the filter is asked about each form Lookup would look up.
type KeySet struct {
	m      map[string]bool
	filter [filterWords]uint64
	// words has bit n-1 set when HasClitic holds for the key of word n of
	// arabic.DefaultLexicon; filled on first use, after which Add must
	// not be called.
	words     []uint64
	wordsOnce sync.Once
}

const filterWords = 256 // 16384 bits

// NewKeySet returns an empty set.
func NewKeySet() *KeySet { return &KeySet{m: map[string]bool{}} }

// filterBit returns the filter bit of a key of n bytes whose first two
// bytes are a0 a1 and last two z0 z1 (for n == 1 all four are its byte).
func filterBit(n int, a0, a1, z0, z1 byte) uint {
	h := uint32(n)*0x9E3779B1 ^ uint32(a0)<<24 ^ uint32(a1)<<16 ^ uint32(z0)<<8 ^ uint32(z1)
	h *= 0x85EBCA6B
	h ^= h >> 15
	h *= 0xC2B2AE35
	h ^= h >> 13
	return uint(h) & (filterWords*64 - 1)
}

func keyBit(key string) uint {
	n := len(key)
	return filterBit(n, key[0], key[min(1, n-1)], key[max(0, n-2)], key[n-1])
}

func (s *KeySet) test(bit uint) bool { return s.filter[bit>>6]&(1<<(bit&63)) != 0 }

// Add puts key in the set.
func (s *KeySet) Add(key string) {
	if key == "" {
		return
	}
	s.m[key] = true
	b := keyBit(key)
	s.filter[b>>6] |= 1 << (b & 63)
}

// Has reports whether key is in the set.
func (s *KeySet) Has(key string) bool {
	if key == "" || !s.test(keyBit(key)) {
		return false
	}
	return s.m[key]
}

// HasCliticToken reports HasClitic(t.Key), reading it from a table of the
// lexicon's words for a token of one (t.Word > 0, see text.Token.Word).
// Add must not be called after it.
func (s *KeySet) HasCliticToken(t *text.Token) bool {
	if t.Word > 0 {
		s.wordsOnce.Do(s.markWords)
		if i := int(t.Word - 1); i/64 < len(s.words) {
			return s.words[i/64]&(1<<(i%64)) != 0
		}
	}
	return s.HasClitic(t.Key)
}

func (s *KeySet) markWords() {
	lex := arabic.DefaultLexicon()
	n := lex.Len()
	s.words = make([]uint64, (n+63)/64)
	for w := 1; w <= n; w++ {
		if key, _, _ := lex.Word(int32(w)); s.HasClitic(key) {
			s.words[(w-1)/64] |= 1 << ((w - 1) % 64)
		}
	}
}

// HasClitic reports whether key, or key with its clitics removed as Lookup
// does, is in the set.
func (s *KeySet) HasClitic(key string) bool {
	if key == "" {
		return false
	}
	// Lookup(s.m, key), with each map lookup behind the filter.
	if s.test(keyBit(key)) && s.m[key] {
		return true
	}
	w := key
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		w = w[len("و"):]
		if len(w) < 4 {
			return false
		}
		if s.test(keyBit(w)) && s.m[w] {
			return true
		}
	}
	if len(w) < 8 {
		return false
	}
	switch {
	case strings.HasPrefix(w, "لل"):
		if len(w) > 96 {
			return false
		}
		// "ال" + w[4:]: same length, first bytes those of ا, last those of w
		const alef = "ا"
		if !s.test(filterBit(len(w), alef[0], alef[1], w[len(w)-2], w[len(w)-1])) {
			return false
		}
		var buf [96]byte
		b := append(append(buf[:0], "ال"...), w[len("لل"):]...)
		return s.m[string(b)]
	case strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "ك"):
		r := w[len("ب"):]
		return s.test(keyBit(r)) && s.m[r]
	}
	return false
}
