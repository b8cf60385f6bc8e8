// Package quantity finds numbers and quantities in Arabic and English text:
// digits with separators, number words (with gender, dual and construct
// forms), mixed forms (120 ألف), ordinals, ranges, vague amounts with ACLED's
// conventions and approximators — each with the counted noun phrase it
// quantifies and byte offsets into the original text.
//
// Conventions (what the fields mean):
//
//   - Exact numbers have Min == Max == Value.
//   - Max == 0 means "no upper bound" (more than 200: Value 200, Min 200,
//     Max 0). +Inf is not used so that quantities encode as JSON.
//   - Vague amounts follow ACLED: عشرات/tens 10, dozens 12, scores 20,
//     مئات/hundreds 100, آلاف/thousands 1000, عشرات الآلاف 10 000, مئات
//     الآلاف 100 000, ملايين/millions 10⁶ — Value = Min = that number, Max 0,
//     Vague and Approx set.
//   - A few / several / بضعة / عدة: Value = Min = 3, Max = 9 (بضع means three
//     to nine), Vague and Approx set; بضعة آلاف and several hundred scale the
//     bounds. ACLED itself codes an unnumbered plural ("killing several") as
//     10; its scorer (eval) maps these, the quantity keeps three to nine.
//   - An unnumbered plural (many, numerous, a number of, an unknown number
//     of): Value 10 (what ACLED codes for it), Min 2, Max 0, Vague and
//     Approx set.
//   - Approximators: نحو، حوالي، قرابة، زهاء، ما يقارب، about, around, some
//     set Approx with Min == Max == Value; أكثر من، ما لا يقل عن، على الأقل،
//     more than, over, at least set Min = Value and Max 0; أقل من، ما يصل
//     إلى، up to, fewer than, nearly, almost, as many as set Min 0 and
//     Max = Value.
//   - Ranges (2500 إلى ثلاثة آلاف، بين 20 و30، between 20 and 30, 20-30,
//     from 20 to 30, two or three) set Range, Min and Max, and Value = Min
//     (ACLED codes the lower figure).
//   - Ordinals (العاشر، الحادي عشر، tenth, 10th) set Ordinal; they are not
//     counts and carry no noun.
//   - Date parts: a day or a year that sits next to a month or weekday name
//     (17 أكتوبر، October 17, أكتوبر 2019, الخميس 17) or a year after a year
//     word (عام 2019, in 2019) is still returned but marked DatePart, without
//     a noun; the event coder should skip DatePart quantities (and may also
//     drop quantities inside timex date spans, see DropCovered). Numeric
//     dates (17/10/2019, 2019-10-17, 17.10.2019) are never returned.
//
// The noun phrase is kept short (one to three tokens) and stops at
// punctuation, numbers, prepositions and particles, conjunction-prefixed
// words, verb-like words, month and weekday names.
package quantity

import (
	"math"
	"strconv"
	"strings"

	"github.com/marsad-dev/marsad/internal/text"
	"github.com/marsad-dev/marsad/internal/timex/calendar"
)

// Quantity is one number or amount found in text.
type Quantity struct {
	text.Span
	Text    string  `json:"text"`
	Value   float64 `json:"value"`
	Min     float64 `json:"min"`
	Max     float64 `json:"max"`               // 0: no upper bound
	Approx  bool    `json:"approx"`            // approximator (نحو، about) or vague amount
	Vague   bool    `json:"vague,omitempty"`   // عشرات، hundreds: Value is ACLED's minimum
	Ordinal bool    `json:"ordinal,omitempty"` // العاشر, 10th
	Range   bool    `json:"range,omitempty"`   // 20-30: Min and Max are the ends, Value = Min
	// DatePart marks a day or year read as part of a date (17 أكتوبر،
	// عام 2019); it is not a count.
	DatePart bool `json:"date_part,omitempty"`
	// Dual marks a dual noun read as two (جنديين، شرطيان): the noun is the
	// whole quantity.
	Dual bool `json:"dual,omitempty"`
	// Noun is the counted noun phrase (785 شخصا → شخصا), if any.
	Noun     *text.Span `json:"noun,omitempty"`
	NounText string     `json:"noun_text,omitempty"`
	// FirstToken and LastToken delimit the tokens [FirstToken, LastToken)
	// the quantity was read from (approximator and range words included, the
	// noun not included).
	FirstToken int `json:"-"`
	LastToken  int `json:"-"`
}

// maxValue bounds what is read as a number; longer digit strings (phone
// numbers, identifiers) are not quantities.
const maxValue = 1e13

// Extract finds the quantities in src given its tokens (from
// text.Tokenizer). Quantities come in text order and do not overlap.
func Extract(src string, toks []text.Token) []Quantity {
	var out []Quantity
	for i := 0; i < len(toks); {
		if !mayStart(&toks[i]) {
			if q, ok := dualAt(toks, i); ok {
				q.Span = text.Span{Start: toks[i].Start, End: toks[i].End}
				q.Text = src[q.Start:q.End]
				q.NounText = q.Text
				out = append(out, q)
			}
			i++
			continue
		}
		q, next, ok := parseAt(src, toks, i, out)
		if ok {
			q.Span = text.Span{Start: toks[q.FirstToken].Start, End: toks[q.LastToken-1].End}
			q.Text = src[q.Start:q.End]
			if q.Noun != nil {
				q.NounText = src[q.Noun.Start:q.Noun.End]
			}
			out = append(out, q)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return out
}

// DropCovered removes, in place, the quantities that lie inside one of the
// spans (for example the spans of the dates timex found) and returns the
// shortened slice.
func DropCovered(qs []Quantity, spans []text.Span) []Quantity {
	out := qs[:0]
	for _, q := range qs {
		covered := false
		for _, s := range spans {
			if s.Contains(q.Span) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, q)
		}
	}
	return out
}

// Cardinal reads a cardinal number (digits, words or both: 3, ثلاثة، ثلاثة
// آلاف، 2.5 million, twenty-five) at toks[i]. It returns its value and the
// index of the token after it. Vague words (عشرات، hundreds) are not read.
func Cardinal(toks []text.Token, i int) (value float64, next int, ok bool) {
	n, ok := cardinalAt(toks, i)
	if !ok || n.vague {
		return 0, i, false
	}
	return n.value, n.next, true
}

// Ordinal reads an ordinal (الأول، العاشر، الحادي عشر، الحادي والعشرين،
// first, 21st) at toks[i], returning its value and the index of the token
// after it.
func Ordinal(toks []text.Token, i int) (value int, next int, ok bool) {
	return ordinalAt(toks, i)
}

// MayStartNumber is a cheap filter: it reports whether a cardinal or an
// ordinal may begin at t (digits, a number word, an ordinal, English a/an).
func MayStartNumber(t *text.Token) bool {
	switch {
	case t.Kind == text.Number:
		return true
	case t.Kind != text.Word:
		return false
	case t.Script == text.Latin:
		return numberStarts.Has(t.Key)
	case t.Script == text.Arabic:
		return numberStarts.HasCliticToken(t)
	}
	return false
}

// mayStart is a cheap filter: it reports whether a quantity may begin at t
// (a number, or a word that starts a number, an approximator or a range).
func mayStart(t *text.Token) bool {
	switch {
	case t.Kind == text.Number:
		return true
	case t.Kind != text.Word:
		return false
	case t.Script == text.Latin:
		return quantityStarts.Has(t.Key)
	case t.Script == text.Arabic:
		return quantityStarts.HasCliticToken(t)
	}
	return false
}

// number is a cardinal read from tokens [first, next).
type number struct {
	value       float64
	first, next int
	vague, few  bool
	many        bool    // an unnumbered plural (many, a number of)
	digits      bool    // written only in digits
	scale       float64 // the last multiplier applied (1 when none)
	hasScale    bool
}

type approxMode uint8

const (
	apNone approxMode = iota
	apAbout
	apMin
	apMax
)

// parseAt reads a quantity starting at toks[i]. prev holds the quantities
// already found (to mark the year in "October 17, 2019"). next is the token to
// continue from; it may be past i even when ok is false (skipped numeric
// dates).
func parseAt(src string, toks []text.Token, i int, prev []Quantity) (q Quantity, next int, ok bool) {
	start := i
	mode, j := approxAt(toks, i)
	rangeWord := rangeNone
	if mode == apNone {
		rangeWord, j = rangePrefixAt(toks, i)
	}
	if j >= len(toks) {
		return q, i + 1, false
	}
	if mode == apNone && rangeWord == rangeNone {
		if v, nx, ok := ordinalAt(toks, i); ok {
			return Quantity{Value: float64(v), Min: float64(v), Max: float64(v), Ordinal: true, FirstToken: i, LastToken: nx}, nx, true
		}
	}
	a, ok := cardinalAt(toks, j)
	if !ok {
		return q, i + 1, false
	}
	if a.digits {
		if end, isDate := numericDate(toks, j); isDate {
			return q, end, false
		}
	}
	q = Quantity{Value: a.value, Min: a.value, Max: a.value, FirstToken: start, LastToken: a.next}
	end := a.next
	// ranges
	if lo, hi, vague, nx, ok := rangeEnd(toks, a, rangeWord); ok {
		q.Range = true
		q.Min, q.Max, q.Value = lo, hi, lo
		if vague {
			q.Vague, q.Approx = true, true
		}
		end = nx
		q.LastToken = nx
	} else if rangeWord != rangeNone {
		// "من 50" / "between" without a second number: the prefix is not
		// part of the quantity; read from the number itself.
		start = j
		q.FirstToken = j
	}
	if !q.Range {
		switch {
		case a.few:
			q.Vague, q.Approx = true, true
			q.Min, q.Max = a.value, a.value*3
		case a.many:
			q.Vague, q.Approx = true, true
			q.Min, q.Max = 2, 0
		case a.vague:
			q.Vague, q.Approx = true, true
			q.Max = 0
		}
	}
	// a day or a year of a date
	if a.digits && !q.Range && mode == apNone && isDatePart(toks, j, a, prev) {
		q.DatePart = true
		return q, end, true
	}
	// approximator after the number: 20 على الأقل، 20 or more
	if m, nx := suffixApproxAt(toks, end); m != apNone {
		mode = combine(mode, m)
		end = nx
		q.LastToken = nx
	}
	// the counted noun
	if ns, ne, ok := nounAt(src, toks, end); ok {
		q.Noun = &text.Span{Start: toks[ns].Start, End: toks[ne-1].End}
		end = ne
		if m, nx := suffixApproxAt(toks, ne); m != apNone {
			mode = combine(mode, m)
			end = nx
		}
	} else if a.next-a.first == 1 && isPostNominal(&toks[a.first]) && a.first > 0 && nounToken(toks, a.first-1, true) {
		// شخص واحد، طفلين اثنين: the noun comes first
		p := &toks[a.first-1]
		q.Noun = &text.Span{Start: p.Start, End: p.End}
	}
	applyApprox(&q, mode)
	return q, end, true
}

func combine(a, b approxMode) approxMode {
	if a == apNone {
		return b
	}
	return a
}

func applyApprox(q *Quantity, mode approxMode) {
	if mode == apNone {
		return
	}
	q.Approx = true
	if q.Range {
		return
	}
	switch mode {
	case apMin:
		q.Min, q.Max = q.Value, 0
	case apMax:
		q.Min, q.Max = 0, q.Value
	}
}

// parseDigits reads the normalised text of a number token. A group of
// exactly three digits after a lone separator is a thousands group (120,000
// · 120.000) unless bigScale says a "million" or larger follows (2.500
// million is read 2.5); with both separators the last one is the decimal
// point (1,234.5 · 1.234,5). It reports date when the token looks like a
// dotted date (17.10.2019).
func parseDigits(s string, bigScale bool) (v float64, date, ok bool) {
	nDot, nComma := strings.Count(s, "."), strings.Count(s, ",")
	var buf [64]byte
	b := buf[:0]
	switch {
	case nDot == 0 && nComma == 0:
		b = append(b, s...)
	case nDot > 0 && nComma > 0:
		dec := byte('.')
		if strings.LastIndexByte(s, ',') > strings.LastIndexByte(s, '.') {
			dec = ','
		}
		if (dec == '.' && nDot > 1) || (dec == ',' && nComma > 1) {
			return 0, false, false
		}
		for k := 0; k < len(s); k++ {
			switch c := s[k]; {
			case c == dec:
				b = append(b, '.')
			case c == '.' || c == ',':
			default:
				b = append(b, c)
			}
		}
	default:
		sep := byte('.')
		n := nDot
		if nComma > 0 {
			sep, n = ',', nComma
		}
		thousands := true
		first := strings.IndexByte(s, sep)
		if first == 0 || first > 3 {
			thousands = false
		}
		for k, g := first, 0; k < len(s) && thousands; k++ {
			if s[k] == sep {
				if k > first && g != 3 {
					thousands = false
				}
				g = 0
				continue
			}
			g++
			if k == len(s)-1 && g != 3 {
				thousands = false
			}
		}
		if thousands && n == 1 && sep == '.' && bigScale {
			thousands = false
		}
		if !thousands && n > 1 {
			return 0, sep == '.' || sep == ',', false
		}
		for k := 0; k < len(s); k++ {
			switch c := s[k]; {
			case c == sep:
				if !thousands {
					b = append(b, '.')
				}
			default:
				b = append(b, c)
			}
		}
	}
	if len(b) == 0 || len(b) > 20 {
		return 0, false, false
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || f > maxValue {
		return 0, false, false
	}
	return f, false, true
}

// isDigitsOnly reports whether a number token is plain digits.
func isDigitsOnly(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return len(s) > 0
}

func adjacent(toks []text.Token, a, b int) bool {
	return a >= 0 && b < len(toks) && toks[a].End == toks[b].Start
}

// numericDate reports whether the number at toks[i] begins a numeric date
// (17/10/2019, 17/10, 2019-10-17, 17-10-2019) or is a dotted date token, and
// the token after it.
func numericDate(toks []text.Token, i int) (end int, ok bool) {
	t := &toks[i]
	if !isDigitsOnly(t.Norm) {
		if _, date, _ := parseDigits(t.Norm, false); date {
			return i + 1, true
		}
		return i, false
	}
	sep := func(k int) string {
		if k+1 < len(toks) && adjacent(toks, k-1, k) && adjacent(toks, k, k+1) && toks[k+1].Kind == text.Number && isDigitsOnly(toks[k+1].Norm) {
			return toks[k].Text
		}
		return ""
	}
	s1 := sep(i + 1)
	if s1 != "/" && s1 != "-" {
		return i, false
	}
	s2 := sep(i + 3)
	if s2 == s1 {
		return i + 5, true
	}
	if s1 == "/" && len(toks[i].Norm) <= 2 && len(toks[i+2].Norm) <= 4 {
		return i + 3, true // 17/10, 10/2019
	}
	if s1 == "-" && len(toks[i].Norm) == 4 && len(toks[i+2].Norm) == 2 {
		return i + 3, true // 2019-10
	}
	return i, false
}

// isDatePart reports whether the digits number a (at toks[i]) is a day or a
// year of a date.
func isDatePart(toks []text.Token, i int, a number, prev []Quantity) bool {
	if a.next != i+1 || !isDigitsOnly(toks[i].Norm) {
		return false
	}
	v := a.value
	day := v >= 1 && v <= 31 && len(toks[i].Norm) <= 2
	year := v >= 1900 && v <= 2100 && len(toks[i].Norm) == 4
	if !day && !year {
		return false
	}
	// month name after a day: 17 أكتوبر، 9 October
	if day && calendar.IsMonth(toks, i+1) {
		return true
	}
	// month (or weekday) name before: October 17, أكتوبر 2019, الخميس 17
	for back := 1; back <= 3 && i-back >= 0; back++ {
		if _, nx, _, ok := calendar.Month(toks, i-back); ok && nx == i {
			return true
		}
		if _, nx, ok := calendar.Weekday(toks, i-back); ok && nx == i && day {
			return true
		}
	}
	if year {
		if i+1 < len(toks) && (toks[i+1].Key == "م" || toks[i+1].Key == "ad") && adjacentOrSpace(toks, i) {
			return true
		}
		if i > 0 && yearCue[toks[i-1].Key] {
			return true
		}
		if i > 0 && calendarCueVariant(toks[i-1].Key) {
			return true
		}
		// "October 17, 2019" / "17 أكتوبر، 2019"
		if i >= 2 && toks[i-1].Norm == "," && len(prev) > 0 && prev[len(prev)-1].DatePart && prev[len(prev)-1].LastToken == i-1 {
			return true
		}
	}
	return false
}

func adjacentOrSpace(toks []text.Token, i int) bool {
	return toks[i+1].Start-toks[i].End <= 1
}

// calendarCueVariant reads year cues with a clitic: لعام، وعام، بعام.
func calendarCueVariant(key string) bool {
	_, ok := calendar.Lookup(yearCue, key)
	return ok
}
