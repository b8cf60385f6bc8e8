package timex

import (
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/quantity"
	"github.com/marsad-dev/marsad/internal/text"
	"github.com/marsad-dev/marsad/internal/timex/calendar"
)

// Word tables in ordinary spelling; init keys them with arabic.Key.
var (
	// relDayWords are days relative to publication: أمس −1, اليوم 0, غدا +1.
	relDayWords = map[string]int{
		"أمس": -1, "الأمس": -1, "البارحة": -1, "اليوم": 0, "الليلة": 0, "غدا": 1, "غداً": 1,
		"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
	}
	// dirWords follow (Arabic) or precede (English) a weekday, month or
	// period: past −1, current 0, future +1.
	dirWords = map[string]int{
		"الماضي": -1, "الماضية": -1, "المنصرم": -1, "المنصرمة": -1, "الفائت": -1, "الفائتة": -1,
		"السابق": -1, "السابقة": -1,
		"المقبل": 1, "المقبلة": 1, "القادم": 1, "القادمة": 1,
		"الجاري": 0, "الجارية": 0, "الحالي": 0, "الحالية": 0,
		"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1,
	}
	// periodWords name a week, month or year.
	periodWords = map[string]string{
		"الأسبوع": Week, "الشهر": Month, "العام": Year, "السنة": Year,
		"week": Week, "month": Month, "year": Year,
	}
	// agoUnits are the units of "منذ يومين", "two days ago": unit and the
	// count a singular or dual form carries by itself (0: needs a number).
	agoUnits = map[string]struct {
		unit string
		n    int
	}{
		"يوم": {Day, 1}, "يوما": {Day, 0}, "أيام": {Day, 0}, "يومين": {Day, 2}, "يومان": {Day, 2},
		"أسبوع": {Week, 1}, "أسبوعا": {Week, 0}, "أسابيع": {Week, 0}, "أسبوعين": {Week, 2}, "أسبوعان": {Week, 2},
		"شهر": {Month, 1}, "شهرا": {Month, 0}, "أشهر": {Month, 0}, "شهور": {Month, 0}, "شهرين": {Month, 2}, "شهران": {Month, 2},
		"عام": {Year, 1}, "عاما": {Year, 0}, "أعوام": {Year, 0}, "عامين": {Year, 2}, "عامان": {Year, 2},
		"سنة": {Year, 1}, "سنوات": {Year, 0}, "سنين": {Year, 0}, "سنتين": {Year, 2}, "سنتان": {Year, 2},
		"day": {Day, 0}, "days": {Day, 0}, "week": {Week, 0}, "weeks": {Week, 0},
		"month": {Month, 0}, "months": {Month, 0}, "year": {Year, 0}, "years": {Year, 0},
	}
	// monthCues before a month name make a bare month a date: في أكتوبر.
	monthCues = []string{
		"في", "فى", "شهر", "خلال", "منذ", "مطلع", "أواخر", "أوائل", "بداية", "نهاية", "منتصف", "حتى", "بحلول", "أواسط",
		"in", "during", "since", "early", "late", "mid", "until", "by", "of", "last", "next", "this",
	}
	// yearCues before a four-digit number make it a year: عام 2019, in 2019.
	// The Arabic nouns are part of the date's span.
	yearNouns = []string{"عام", "العام", "سنة", "السنة"}
	yearPreps = []string{"في", "فى", "منذ", "مطلع", "أواخر", "أوائل", "بداية", "نهاية", "منتصف", "حتى", "صيف", "شتاء", "ربيع", "خريف",
		"in", "since", "during", "until", "till", "by", "early", "late", "mid", "of"}
)

var (
	relDay    = map[string]int{}
	dirKey    = map[string]int{}
	periodKey = map[string]string{}
	agoKey    = map[string]struct {
		unit string
		n    int
	}{}
	monthCue = map[string]bool{}
	yearNoun = map[string]bool{}
	yearPrep = map[string]bool{}
	kYom     = arabic.Key("يوم")
	yomSet   = map[string]bool{kYom: true}
	kMin     = arabic.Key("من")
	agoWords = map[string]bool{arabic.Key("منذ"): false, arabic.Key("قبل"): true} // value: قبل
	kAwwal   = arabic.Key("أول")
	kAms     = arabic.Key("أمس")
	kHadha   = map[string]bool{arabic.Key("هذا"): true, arabic.Key("هذه"): true}
	kNextDay = map[string]bool{arabic.Key("التالي"): true, arabic.Key("السابق"): true, arabic.Key("نفسه"): true}
	kLaila   = map[string]bool{arabic.Key("الليلة"): true}
	// kPastNight follow الليلة to make it the night before publication:
	// الليلة الماضية، الليلة البارحة.
	kPastNight = map[string]bool{arabic.Key("الماضية"): true, arabic.Key("الماضيه"): true, arabic.Key("البارحة"): true, arabic.Key("المنصرمة"): true}
)

// starts holds the keys of words that may begin a date (see mayStart).
var starts = calendar.NewKeySet()

func init() {
	defer func() {
		for _, k := range []string{"the", "day", kAwwal} {
			starts.Add(k)
		}
		for _, m := range []map[string]bool{monthCue, yearNoun, yearPrep, agoWords, yomSet, kHadha} {
			for k := range m {
				starts.Add(k)
			}
		}
		for k := range relDay {
			starts.Add(k)
		}
		for k := range dirKey {
			starts.Add(k)
		}
		for k := range periodKey {
			starts.Add(k)
		}
		calendar.Keys(starts.Add)
		quantity.NumberStartKeys(starts.Add)
	}()
	for w, v := range relDayWords {
		relDay[arabic.Key(w)] = v
	}
	for w, v := range dirWords {
		dirKey[arabic.Key(w)] = v
	}
	for w, v := range periodWords {
		periodKey[arabic.Key(w)] = v
	}
	for w, v := range agoUnits {
		agoKey[arabic.Key(w)] = v
	}
	for _, w := range monthCues {
		monthCue[arabic.Key(w)] = true
	}
	for _, w := range yearNouns {
		yearNoun[arabic.Key(w)] = true
	}
	for _, w := range yearPreps {
		yearPrep[arabic.Key(w)] = true
	}
}

// keyIn looks key and its clitic-stripped forms up in m.
func keyIn[V any](m map[string]V, t *text.Token) (V, bool) {
	if v, ok := m[t.Key]; ok {
		return v, true
	}
	var zero V
	if t.Script != text.Arabic {
		return zero, false
	}
	return calendar.Lookup(m, t.Key)
}

// inKeys reports whether t, or t without its clitics, is in m.
func inKeys(m map[string]bool, t *text.Token) bool {
	_, ok := keyIn(m, t)
	return ok
}

// at reads a date starting at toks[i].
func (r *resolver) at(toks []text.Token, i int) (hit, bool) {
	if h, ok := r.numeric(toks, i); ok {
		return h, true
	}
	if h, ok := r.calendarDate(toks, i); ok {
		return h, true
	}
	if h, ok := r.relativeDay(toks, i); ok {
		return h, true
	}
	if h, ok := r.period(toks, i); ok {
		return h, true
	}
	if h, ok := r.ago(toks, i); ok {
		return h, true
	}
	if h, ok := r.weekdayAt(toks, i); ok {
		return h, true
	}
	return r.yearAt(toks, i)
}

// digitsValue returns the value of a plain-digit token of at most maxLen
// digits.
func digitsValue(t *text.Token, maxLen int) (int, bool) {
	s := t.Norm
	if t.Kind != text.Number || len(s) == 0 || len(s) > maxLen {
		return 0, false
	}
	v := 0
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return 0, false
		}
		v = v*10 + int(s[k]-'0')
	}
	return v, true
}

func adjacent(toks []text.Token, a, b int) bool {
	return a >= 0 && b < len(toks) && toks[a].End == toks[b].Start
}

// numeric reads 17/10/2019, 17-10-2019, 2019-10-17, 2019/10/17 and the
// single token 17.10.2019. Day-first is assumed for D/M/Y unless the middle
// number cannot be a month (10/17/2019).
func (r *resolver) numeric(toks []text.Token, i int) (hit, bool) {
	t := &toks[i]
	if t.Kind != text.Number {
		return hit{}, false
	}
	var parts [3]int
	var lens [3]int
	next := i + 1
	if strings.Count(t.Norm, ".") == 2 {
		f := strings.Split(t.Norm, ".")
		for k := range f {
			v, ok := digitsValue(&text.Token{Kind: text.Number, Norm: f[k]}, 4)
			if !ok {
				return hit{}, false
			}
			parts[k], lens[k] = v, len(f[k])
		}
	} else {
		if i+4 >= len(toks) {
			return hit{}, false
		}
		sep := toks[i+1].Norm
		if (sep != "/" && sep != "-") || toks[i+3].Norm != sep {
			return hit{}, false
		}
		for k := 0; k < 3; k++ {
			if k > 0 && !adjacent(toks, i+2*k-1, i+2*k) || !adjacent(toks, i+2*k, i+2*k+1) && k < 2 {
				return hit{}, false
			}
			v, ok := digitsValue(&toks[i+2*k], 4)
			if !ok {
				return hit{}, false
			}
			parts[k], lens[k] = v, len(toks[i+2*k].Norm)
		}
		next = i + 5
	}
	var y, m, d int
	switch {
	case lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2:
		y, m, d = parts[0], parts[1], parts[2]
	case lens[2] == 4 && lens[0] <= 2 && lens[1] <= 2:
		y, m, d = parts[2], parts[1], parts[0]
		if m > 12 && d <= 12 {
			m, d = d, m
		}
	default:
		return hit{}, false
	}
	if y < 1900 || y > 2100 || !validDay(y, time.Month(m), d) {
		return hit{}, false
	}
	return r.day(i, next, time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), false), true
}

// dayAt reads a day of the month: 17, 17th, العاشر، الحادي والعشرين, the
// 17th.
func dayAt(toks []text.Token, i int) (int, int, bool) {
	if i >= len(toks) {
		return 0, i, false
	}
	j := i
	if toks[j].Key == "the" {
		j++
		if j >= len(toks) {
			return 0, i, false
		}
	}
	if v, nx, ok := quantity.Ordinal(toks, j); ok && v >= 1 && v <= 31 {
		return v, nx, true
	}
	if j == i {
		if v, ok := digitsValue(&toks[i], 2); ok && v >= 1 && v <= 31 {
			return v, i + 1, true
		}
	}
	return 0, i, false
}

// yearAfter reads an optional year after a month: [,] 2019 [م].
func yearAfter(toks []text.Token, j int) (int, int, bool) {
	k := j
	if k < len(toks) && toks[k].Norm == "," {
		k++
	}
	if k >= len(toks) {
		return 0, j, false
	}
	y, ok := digitsValue(&toks[k], 4)
	if !ok || y < 1900 || y > 2100 || len(toks[k].Norm) != 4 {
		return 0, j, false
	}
	k++
	if k < len(toks) && (toks[k].Key == "م" || toks[k].Key == "ad") && toks[k].Start-toks[k-1].End <= 1 {
		k++
	}
	return y, k, true
}

// calendarDate reads dates built on a month name, with an optional weekday
// before them: [يوم] [الخميس] 17 [من] أكتوبر [2019], الخميس العاشر من
// أكتوبر 2019, Thursday, Oct. 17, 2019, October 17, أكتوبر 2019, في أكتوبر،
// أكتوبر الماضي, the 17th of October.
func (r *resolver) calendarDate(toks []text.Token, i int) (hit, bool) {
	j := i
	if toks[j].Script == text.Arabic {
		if _, ok := keyIn(yomSet, &toks[j]); ok && j+1 < len(toks) {
			j++
		}
	}
	if _, nx, ok := calendar.Weekday(toks, j); ok {
		j = nx
		if j < len(toks) && toks[j].Norm == "," {
			j++
		}
	}
	if j >= len(toks) {
		return hit{}, false
	}
	// day first: 17 أكتوبر، العاشر من أكتوبر، 17 October, the 17th of October
	if d, nx, ok := dayAt(toks, j); ok {
		k := nx
		if k < len(toks) && (toks[k].Key == kMin || toks[k].Key == "of") {
			k++
		}
		if m, nx2, _, ok := calendar.Month(toks, k); ok {
			if y, nx3, ok := yearAfter(toks, nx2); ok {
				if !validDay(y, m, d) {
					return hit{}, false
				}
				return r.day(i, nx3, time.Date(y, m, d, 0, 0, 0, 0, time.UTC), false), true
			}
			if !validDay(0, m, d) {
				return hit{}, false
			}
			// "17 أكتوبر الماضي": the year is the one before publication anyway
			end := nx2
			if end < len(toks) {
				if dir, ok := dirKey[toks[end].Key]; ok && dir < 0 && toks[end].Script == text.Arabic {
					end++
				}
			}
			return r.dayNoYear(i, end, m, d), true
		}
	}
	// month first
	start := i
	cue := false
	if j == i && toks[j].Kind == text.Word {
		if _, ok := keyIn(monthCue, &toks[j]); ok && j+1 < len(toks) && calendar.IsMonth(toks, j+1) {
			cue = true
			dir, isDir := dirKey[toks[j].Key]
			if toks[j].Key == arabic.Key("شهر") || isDir {
				// شهر أكتوبر، last October: part of the date
				j++
				if isDir && toks[j-1].Script == text.Latin {
					if m, nx, _, ok := calendar.Month(toks, j); ok {
						return r.monthNoYear(start, nx, m, dir), true
					}
				}
			} else {
				j++
				start = j
			}
		}
	}
	m, nx, _, ok := calendar.Month(toks, j)
	if !ok {
		return hit{}, false
	}
	// a weekday before a month needs a day after it (Thursday, Oct. 17);
	// otherwise the weekday is left to weekdayAt
	weekdayFirst := j > start && !cue
	// October 17[, 2019]
	if d, ok := digitsValue(safeTok(toks, nx), 2); ok && d >= 1 && d <= 31 && !(nx+1 < len(toks) && toks[nx+1].Norm == ":") {
		k := nx + 1
		if k < len(toks) && enOrdinalSuffix(toks[k].Key) && adjacent(toks, k-1, k) {
			k++
		}
		if y, nx3, ok := yearAfter(toks, k); ok {
			if validDay(y, m, d) {
				return r.day(start, nx3, time.Date(y, m, d, 0, 0, 0, 0, time.UTC), false), true
			}
			return hit{}, false
		}
		if validDay(0, m, d) {
			return r.dayNoYear(start, k, m, d), true
		}
	}
	if weekdayFirst {
		return hit{}, false
	}
	// أكتوبر 2019, October 2019
	if y, nx3, ok := yearAfter(toks, nx); ok && (nx >= len(toks) || toks[nx].Norm != ",") {
		return r.month(start, nx3, y, m, false), true
	}
	// أكتوبر الماضي
	if nx < len(toks) && toks[nx].Script == text.Arabic {
		if dir, ok := dirKey[toks[nx].Key]; ok {
			return r.monthNoYear(start, nx+1, m, dir), true
		}
	}
	if cue && !weekdayFirst {
		return r.monthNoYear(start, nx, m, 0), true
	}
	return hit{}, false
}

func safeTok(toks []text.Token, i int) *text.Token {
	if i < len(toks) {
		return &toks[i]
	}
	return &text.Token{}
}

func enOrdinalSuffix(k string) bool { return k == "st" || k == "nd" || k == "rd" || k == "th" }

// relativeDay reads أمس، اليوم، غدا، أول أمس، أول من أمس، أمس الأول،
// الليلة الماضية، yesterday, today, the day before yesterday, last night — with a weekday
// that may follow (أمس الخميس، اليوم الثلاثاء).
func (r *resolver) relativeDay(toks []text.Token, i int) (hit, bool) {
	t := &toks[i]
	if t.Kind != text.Word {
		return hit{}, false
	}
	next := i + 1
	n, ok := 0, false
	switch {
	case t.Key == kAwwal && i+1 < len(toks) && toks[i+1].Key == kAms:
		n, ok, next = -2, true, i+2
	case t.Key == kAwwal && i+2 < len(toks) && toks[i+1].Key == kMin && toks[i+2].Key == kAms:
		n, ok, next = -2, true, i+3
	case t.Key == "day" && i+2 < len(toks) && toks[i+1].Key == "before" && toks[i+2].Key == "yesterday":
		n, ok, next = -2, true, i+3
	case t.Key == "last" && i+1 < len(toks) && toks[i+1].Key == "night":
		n, ok, next = -1, true, i+2
	case i+1 < len(toks) && kPastNight[toks[i+1].Key] && inKeys(kLaila, t):
		n, ok, next = -1, true, i+2 // الليلة الماضية: last night, not tonight
	default:
		n, ok = keyIn(relDay, t)
		if ok && n == -1 && next < len(toks) && toks[next].Key == arabic.Key("الأول") && t.Script == text.Arabic {
			n, next = -2, next+1 // أمس الأول
		}
		if ok && n == 0 && next < len(toks) && kNextDay[toks[next].Key] {
			return hit{}, false // اليوم التالي: relative to the event, not to publication
		}
	}
	if !ok {
		return hit{}, false
	}
	if _, nx, ok := calendar.Weekday(toks, next); ok && t.Script == text.Arabic {
		next = nx // اليوم الثلاثاء
	}
	if !r.known {
		return unresolved(i, next, Day, true), true
	}
	return r.day(i, next, r.pub.AddDate(0, 0, n), true), true
}

// period reads الأسبوع الماضي، الشهر الجاري، العام المقبل، هذا الشهر، last
// week, this month, next year.
func (r *resolver) period(toks []text.Token, i int) (hit, bool) {
	t := &toks[i]
	if t.Kind != text.Word || i+1 >= len(toks) {
		return hit{}, false
	}
	if t.Script == text.Latin {
		dir, ok := dirKey[t.Key]
		unit, ok2 := periodKey[toks[i+1].Key]
		if !ok || !ok2 || t.Key == "past" {
			return hit{}, false
		}
		return r.offset(i, i+2, unit, dir), true
	}
	if kHadha[t.Key] {
		if unit, ok := periodKey[toks[i+1].Key]; ok {
			return r.offset(i, i+2, unit, 0), true
		}
		return hit{}, false
	}
	unit, ok := keyIn(periodKey, t)
	if !ok {
		return hit{}, false
	}
	dir, ok := dirKey[toks[i+1].Key]
	if !ok {
		return hit{}, false
	}
	return r.offset(i, i+2, unit, dir), true
}

// ago reads منذ يومين، قبل ثلاثة أيام، منذ 3 أسابيع، two days ago, a week
// ago.
func (r *resolver) ago(toks []text.Token, i int) (hit, bool) {
	t := &toks[i]
	if t.Script == text.Arabic {
		qabl, ok := calendar.Lookup(agoWords, t.Key)
		if !ok {
			return hit{}, false
		}
		j := i + 1
		n := 0
		if j < len(toks) {
			if u, ok := agoKey[toks[j].Key]; ok && u.n > 0 && toks[j].Script == text.Arabic {
				return r.agoHit(toks, i, j+1, u.unit, u.n, qabl)
			}
			if v, nx, ok := quantity.Cardinal(toks, j); ok && v >= 1 && v <= 1000 && v == float64(int(v)) {
				n, j = int(v), nx
			}
		}
		if n == 0 || j >= len(toks) || toks[j].Script != text.Arabic {
			return hit{}, false
		}
		u, ok := agoKey[toks[j].Key]
		if !ok {
			return hit{}, false
		}
		return r.agoHit(toks, i, j+1, u.unit, n, qabl)
	}
	// English: N unit ago
	n, j := 0, i
	if t.Key == "a" || t.Key == "an" {
		n, j = 1, i+1
	} else if v, nx, ok := quantity.Cardinal(toks, i); ok && v >= 1 && v <= 1000 && v == float64(int(v)) {
		n, j = int(v), nx
	}
	if n == 0 || j+1 >= len(toks) || toks[j+1].Key != "ago" {
		return hit{}, false
	}
	u, ok := agoKey[toks[j].Key]
	if !ok || toks[j].Script != text.Latin {
		return hit{}, false
	}
	return r.offset(i, j+2, u.unit, -n), true
}

func (r *resolver) agoHit(toks []text.Token, i, next int, unit string, n int, qabl bool) (hit, bool) {
	// قبل يومين من الهجوم: before the event, not before publication
	if qabl && next < len(toks) && toks[next].Key == kMin {
		return hit{}, false
	}
	return r.offset(i, next, unit, -n), true
}

// weekdayAt reads a weekday: يوم الخميس، الخميس الماضي، الخميس المقبل،
// Thursday, on Thursday, last Thursday, next Thursday.
func (r *resolver) weekdayAt(toks []text.Token, i int) (hit, bool) {
	j := i
	dir := 0
	t := &toks[i]
	if t.Script == text.Latin && (t.Key == "last" || t.Key == "next" || t.Key == "this") {
		dir = dirKey[t.Key]
		j++
	} else if t.Script == text.Arabic {
		if _, ok := keyIn(yomSet, t); ok {
			j++
		}
	}
	wd, nx, ok := calendar.Weekday(toks, j)
	if !ok {
		return hit{}, false
	}
	if nx < len(toks) && toks[nx].Script == text.Arabic {
		if d, ok := dirKey[toks[nx].Key]; ok {
			dir = d
			nx++
		}
	}
	return r.weekday(i, nx, wd, dir), true
}

// yearAt reads a year after a cue: عام 2019، العام 2019م، منذ 2011، in 2019.
func (r *resolver) yearAt(toks []text.Token, i int) (hit, bool) {
	t := &toks[i]
	if t.Kind != text.Word || i+1 >= len(toks) {
		return hit{}, false
	}
	_, noun := keyIn(yearNoun, t)
	_, prep := keyIn(yearPrep, t)
	if !noun && !prep {
		return hit{}, false
	}
	y, next, ok := yearAfter(toks, i+1)
	if !ok || toks[i+1].Norm == "," {
		return hit{}, false
	}
	start := i
	if !noun {
		start = i + 1
	}
	return r.year(start, next, y, false), true
}
