// Package timex finds dates in Arabic and English text — absolute (17
// October 2019, الخميس العاشر من أكتوبر 2019, كانون الثاني, 2019-10-17) and
// relative (أمس، الخميس الماضي، الأسبوع الماضي، منذ يومين، last week, two
// days ago) — and resolves them against a document's publication date, with
// a precision for each.
//
// Conventions:
//
//   - Value is YYYY-MM-DD (day), YYYY-MM (month) or YYYY (year); week
//     precision gives the Monday of the week as YYYY-MM-DD.
//   - A date that needs the publication date (أمس، يوم الخميس، a day and
//     month without a year, last week) is Resolved=false with Value "" when
//     published is zero.
//   - A bare weekday (يوم الخميس، الخميس، on Thursday) is the most recent such
//     day on or before publication (news convention); with الماضي or "last"
//     it is strictly before; with المقبل/القادم or "next" strictly after.
//   - A day and month without a year take the year that puts them on or
//     before publication; a month name alone (with a cue: في أكتوبر، in
//     October) likewise; أكتوبر الماضي is the last October before the
//     publication month, أكتوبر المقبل the next one after it.
//   - Relative is set for dates read relative to the publication date
//     (weekday names, أمس، last month, two days ago).
package timex

import (
	"time"

	"github.com/marsad-dev/marsad/internal/text"
)

// Precisions of a Date.
const (
	Day   = "day"
	Week  = "week"
	Month = "month"
	Year  = "year"
)

// Date is one date expression found in text.
type Date struct {
	text.Span
	Text      string `json:"text"`
	Value     string `json:"value,omitempty"` // YYYY-MM-DD, YYYY-MM or YYYY; "" when unresolved
	Precision string `json:"precision"`       // day, week, month, year
	Relative  bool   `json:"relative,omitempty"`
	Resolved  bool   `json:"resolved"`
	// FirstToken and LastToken delimit the tokens [FirstToken, LastToken)
	// the date was read from.
	FirstToken int `json:"-"`
	LastToken  int `json:"-"`
}

// Extract finds dates in src given its tokens (from text.Tokenizer);
// relative dates are resolved against published (left unresolved when
// published is zero). Dates come in text order and do not overlap.
func Extract(src string, toks []text.Token, published time.Time) []Date {
	var out []Date
	r := resolver{pub: published, known: !published.IsZero()}
	if r.known {
		y, m, d := published.Date()
		r.pub = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	for i := 0; i < len(toks); {
		t := &toks[i]
		if !mayStart(t) {
			i++
			continue
		}
		h, ok := r.at(toks, i)
		if !ok {
			i++
			continue
		}
		d := Date{
			Span:       text.Span{Start: toks[h.first].Start, End: toks[h.next-1].End},
			Precision:  h.prec,
			Relative:   h.relative,
			FirstToken: h.first,
			LastToken:  h.next,
		}
		d.Text = src[d.Start:d.End]
		if h.resolved {
			d.Value, d.Resolved = h.value, true
		}
		out = append(out, d)
		i = h.next
	}
	return out
}

// mayStart is a cheap filter: it reports whether a date may begin at t.
func mayStart(t *text.Token) bool {
	switch {
	case t.Kind == text.Number:
		return true
	case t.Kind != text.Word:
		return false
	case t.Script == text.Latin:
		return starts.Has(t.Key)
	case t.Script == text.Arabic:
		return starts.HasCliticToken(t)
	}
	return false
}

// hit is a date read from tokens [first, next).
type hit struct {
	first, next int
	prec        string
	value       string
	resolved    bool
	relative    bool
}

// resolver turns date expressions into values against a publication date
// (midnight UTC of the publication day).
type resolver struct {
	pub   time.Time
	known bool
}

func (r *resolver) day(first, next int, t time.Time, relative bool) hit {
	return hit{first: first, next: next, prec: Day, value: t.Format("2006-01-02"), resolved: true, relative: relative}
}

func (r *resolver) week(first, next int, t time.Time) hit {
	t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) // back to Monday
	return hit{first: first, next: next, prec: Week, value: t.Format("2006-01-02"), resolved: true, relative: true}
}

func (r *resolver) month(first, next int, y int, m time.Month, relative bool) hit {
	t := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	return hit{first: first, next: next, prec: Month, value: t.Format("2006-01"), resolved: true, relative: relative}
}

func (r *resolver) year(first, next int, y int, relative bool) hit {
	t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	return hit{first: first, next: next, prec: Year, value: t.Format("2006"), resolved: true, relative: relative}
}

// unresolved is a date that needs the publication date, which is unknown.
func unresolved(first, next int, prec string, relative bool) hit {
	return hit{first: first, next: next, prec: prec, relative: relative}
}

// validDay reports whether y-m-d exists (y 0: any leap year).
func validDay(y int, m time.Month, d int) bool {
	if d < 1 || d > 31 || m < 1 || m > 12 {
		return false
	}
	if y == 0 {
		y = 2000
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Day() == d
}

// dayNoYear resolves a day and month without a year to the latest such day
// on or before publication.
func (r *resolver) dayNoYear(first, next int, m time.Month, d int) hit {
	if !r.known {
		return unresolved(first, next, Day, false)
	}
	y := r.pub.Year()
	for k := 0; k < 8; k++ { // 29 February may need a few years back
		t := time.Date(y-k, m, d, 0, 0, 0, 0, time.UTC)
		if t.Day() == d && !t.After(r.pub) {
			return r.day(first, next, t, false)
		}
	}
	return unresolved(first, next, Day, false)
}

// monthNoYear resolves a month without a year: dir 0 the latest such month
// on or before publication, -1 strictly before the publication month, +1
// strictly after it.
func (r *resolver) monthNoYear(first, next int, m time.Month, dir int) hit {
	if !r.known {
		return unresolved(first, next, Month, dir != 0)
	}
	y, pm := r.pub.Year(), r.pub.Month()
	switch {
	case dir == 0 && m > pm, dir < 0 && m >= pm:
		y--
	case dir > 0 && m <= pm:
		y++
	}
	return r.month(first, next, y, m, dir != 0)
}

// weekday resolves a weekday name: dir 0 most recent on or before
// publication, -1 strictly before, +1 strictly after.
func (r *resolver) weekday(first, next int, wd time.Weekday, dir int) hit {
	if !r.known {
		return unresolved(first, next, Day, true)
	}
	if dir > 0 {
		diff := (int(wd) - int(r.pub.Weekday()) + 7) % 7
		if diff == 0 {
			diff = 7
		}
		return r.day(first, next, r.pub.AddDate(0, 0, diff), true)
	}
	diff := (int(r.pub.Weekday()) - int(wd) + 7) % 7
	if diff == 0 && dir < 0 {
		diff = 7
	}
	return r.day(first, next, r.pub.AddDate(0, 0, -diff), true)
}

// offset resolves n units (Day, Week, Month, Year) from publication.
func (r *resolver) offset(first, next int, unit string, n int) hit {
	if !r.known {
		return unresolved(first, next, unit, true)
	}
	switch unit {
	case Day:
		return r.day(first, next, r.pub.AddDate(0, 0, n), true)
	case Week:
		return r.week(first, next, r.pub.AddDate(0, 0, 7*n))
	case Month:
		t := time.Date(r.pub.Year(), r.pub.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return r.month(first, next, t.Year(), t.Month(), true)
	}
	return r.year(first, next, r.pub.Year()+n, true)
}
