package merge

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/store"
)

// Mention is one coded event of one document with what merging needs to
// know about the document.
type Mention struct {
	ID        string // MentionID(DocID, Index)
	DocID     string
	Index     int
	Outlet    string
	DupGroup  string
	Published string // YYYY-MM-DD or ""
	Event     event.Event
	// EventID is the merged event the mention belongs to in the store
	// ("" for a new mention).
	EventID string
	// Component is the label of the stored component of the
	// compatibility graph the mention is in ("" for a new mention, or one
	// stored before stores kept labels); see Closure.
	Component string

	// iv memoises Interval for the date and precision it was computed
	// from (merging compares each mention's dates many times).
	iv *interval
	// sp memoises Span for an undated mention's publication day.
	sp *span
	// ak memoises the actor key sets for the actors they were built from.
	ak *actorSets
}

type span struct {
	published string
	lo, hi    int
	ok        bool
}

// actorSets are a mention's actor keys: of every actor, and of those in
// the role "actor" (the perpetrators).
type actorSets struct {
	from        *event.Actor // the first element of the Actors slice
	n           int
	all, actors map[string]bool
}

// keys returns the mention's actor key sets, built once.
func (m *Mention) keys() *actorSets {
	as := m.Event.Actors
	var first *event.Actor
	if len(as) > 0 {
		first = &as[0]
	}
	if k := m.ak; k != nil && k.from == first && k.n == len(as) {
		return k
	}
	m.ak = &actorSets{from: first, n: len(as), all: actorKeys(&m.Event, ""), actors: actorKeys(&m.Event, "actor")}
	return m.ak
}

type interval struct {
	date, precision string
	lo, hi          int
	ok              bool
}

// MentionID is the id of the i-th event of a document.
func MentionID(docID string, i int) string { return docID + "#" + strconv.Itoa(i) }

// Mentions returns the mentions of one coded document.
func Mentions(doc store.Document, res event.Result) []Mention {
	pub := res.Published
	if !doc.Published.IsZero() {
		pub = doc.Published.UTC().Format(time.DateOnly)
	}
	out := make([]Mention, len(res.Events))
	for i, e := range res.Events {
		out[i] = Mention{
			ID: MentionID(doc.ID, i), DocID: doc.ID, Index: i,
			Outlet: doc.Outlet, DupGroup: doc.DupGroup, Published: pub, Event: e,
		}
	}
	return out
}

// Interval returns the first and last day (days since 1970-01-01) the
// mention's date may cover; ok is false when it is undated.
func (m *Mention) Interval() (lo, hi int, ok bool) {
	if m.Event.Date == nil {
		return 0, 0, false
	}
	if v := m.iv; v != nil && v.date == *m.Event.Date && v.precision == m.Event.DatePrecision {
		return v.lo, v.hi, v.ok
	}
	lo, hi, ok = DateInterval(*m.Event.Date, m.Event.DatePrecision)
	m.iv = &interval{*m.Event.Date, m.Event.DatePrecision, lo, hi, ok}
	return lo, hi, ok
}

// UndatedDays is how far before its document's publication an undated
// mention may have happened: news tells undated events as recent ones.
const UndatedDays = 14

// Span returns the days the mention may have happened on: its date's
// Interval, or for an undated mention the UndatedDays before its
// document's publication (and the day after, for time zones); ok is false
// when neither is known. Compatible, Loose and the stores' date index read
// Span; Build reads only the stated date.
func (m *Mention) Span() (lo, hi int, ok bool) {
	if m.Event.Date != nil {
		return m.Interval()
	}
	if v := m.sp; v != nil && v.published == m.Published {
		return v.lo, v.hi, v.ok
	}
	p, ok := ParseDay(m.Published)
	m.sp = &span{published: m.Published, lo: p - UndatedDays, hi: p + 1, ok: ok}
	return m.sp.lo, m.sp.hi, ok
}

// DateInterval returns the days a date of the given precision covers:
// YYYY-MM-DD is one day (seven from that day for precision "week"),
// YYYY-MM (or precision "month") the month, YYYY (or "year") the year.
func DateInterval(date, precision string) (lo, hi int, ok bool) {
	date = strings.TrimSpace(date)
	var t time.Time
	var err error
	switch len(date) {
	case 10:
		t, err = time.Parse(time.DateOnly, date)
	case 7:
		t, err = time.Parse("2006-01", date)
		if precision != "year" {
			precision = "month"
		}
	case 4:
		t, err = time.Parse("2006", date)
		precision = "year"
	default:
		return 0, 0, false
	}
	if err != nil {
		return 0, 0, false
	}
	switch precision {
	case "week":
		return Day(t), Day(t) + 6, true
	case "month":
		t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		return Day(t), Day(t.AddDate(0, 1, -1)), true
	case "year":
		t = time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		return Day(t), Day(t.AddDate(1, 0, -1)), true
	}
	return Day(t), Day(t), true
}

// Day is the number of days since 1970-01-01 of t's UTC date.
func Day(t time.Time) int {
	return int(t.UTC().Truncate(24*time.Hour).Unix() / 86400)
}

// DayString formats a day number as YYYY-MM-DD.
func DayString(d int) string {
	return time.Unix(int64(d)*86400, 0).UTC().Format(time.DateOnly)
}

// ParseDay parses YYYY-MM-DD into a day number.
func ParseDay(s string) (int, bool) {
	if d, ok := fastDay(s); ok {
		return d, true
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, false
	}
	return Day(t), true
}

// Loose reports whether the mention's Span is unknown or longer than a
// week. Stores index such mentions by place rather than by date.
func (m *Mention) Loose() bool {
	lo, hi, ok := m.Span()
	return !ok || hi-lo > 7
}

// PlaceKey is the key a store indexes a mention's place under: the
// gazetteer id, else the lower-cased name, of a precise place ("" if none).
func PlaceKey(l *event.Location) string {
	if l == nil || !precise(l) {
		return ""
	}
	if l.GazetteerID != "" {
		return l.GazetteerID
	}
	return "name:" + strings.ToLower(l.Name)
}

// Key returns the part of an event that Compatible, Group and Closure read:
// type, date and precision, the location's identity, precision and
// coordinates, the actors' roles, codes and names, and the count kinds.
// Stores keep it beside the full event so that candidate mentions are
// compared without decoding their evidence; Build needs the full event.
func Key(e event.Event) event.Event {
	k := event.Event{Type: e.Type, Date: e.Date, DatePrecision: e.DatePrecision}
	if l := e.Location; l != nil {
		k.Location = &event.Location{Name: l.Name, Admin1: l.Admin1, Admin2: l.Admin2, Country: l.Country,
			Lat: l.Lat, Lon: l.Lon, Precision: l.Precision, GeoPrecision: l.GeoPrecision, GazetteerID: l.GazetteerID}
	}
	for _, a := range e.Actors {
		k.Actors = append(k.Actors, event.Actor{Role: a.Role, Name: a.Name, Code: a.Code})
	}
	for _, c := range e.Counts {
		k.Counts = append(k.Counts, event.Count{What: c.What})
	}
	return k
}

// CompatibleTypes returns the types that may describe one event with typ
// (TypesCompatible), typ first.
func CompatibleTypes(typ string) []string {
	out := []string{typ}
	for p := range compatible {
		switch typ {
		case p[0]:
			out = append(out, p[1])
		case p[1]:
			out = append(out, p[0])
		}
	}
	slices.Sort(out[1:])
	return out
}

// Site reports whether a location is a site: the only precision that
// matches another precise place within SiteRadiusKm.
func Site(l *event.Location) bool { return l != nil && l.Precision == "site" }

// fastDay parses a valid YYYY-MM-DD (year 1–9999) without time.Parse,
// which merging would otherwise call millions of times; anything else is
// left to time.Parse.
func fastDay(s string) (int, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	num := func(b string) (int, bool) {
		n := 0
		for i := 0; i < len(b); i++ {
			c := b[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(s[:4])
	mo, ok2 := num(s[5:7])
	d, ok3 := num(s[8:])
	if !ok1 || !ok2 || !ok3 || y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
		return 0, false
	}
	return daysFromCivil(y, mo, d), true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil is the number of days from 1970-01-01 to y-m-d in the
// proleptic Gregorian calendar (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
