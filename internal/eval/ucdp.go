package eval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/geo"
	"github.com/marsad-dev/marsad/internal/text"
)

// ucdpCountries maps the country names of UCDP GED to ISO 3166-1 alpha-2
// codes; several codes where GED's country covers several (Israel:
// Palestine too).
var ucdpCountries = map[string][]string{
	"Afghanistan": {"AF"}, "Algeria": {"DZ"}, "Angola": {"AO"}, "Azerbaijan": {"AZ"},
	"Bosnia-Herzegovina": {"BA"}, "Brazil": {"BR"}, "Burkina Faso": {"BF"}, "Burundi": {"BI"},
	"Cambodia (Kampuchea)": {"KH"}, "Cameroon": {"CM"}, "Central African Republic": {"CF"}, "Chad": {"TD"},
	"Colombia": {"CO"}, "Comoros": {"KM"}, "DR Congo (Zaire)": {"CD"}, "Congo": {"CG"}, "Egypt": {"EG"},
	"Ethiopia": {"ET"}, "Eritrea": {"ER"}, "Haiti": {"HT"}, "India": {"IN"}, "Indonesia": {"ID"}, "Iran": {"IR"},
	"Iraq": {"IQ"}, "Israel": {"IL", "PS"}, "Ivory Coast": {"CI"}, "Jordan": {"JO"}, "Kenya": {"KE"},
	"Kingdom of eSwatini (Swaziland)": {"SZ"}, "Kyrgyzstan": {"KG"}, "Lebanon": {"LB"}, "Liberia": {"LR"},
	"Libya": {"LY"}, "Macedonia, FYR": {"MK"}, "Mali": {"ML"}, "Mexico": {"MX"}, "Mozambique": {"MZ"},
	"Myanmar (Burma)": {"MM"}, "Nepal": {"NP"}, "Niger": {"NE"}, "Nigeria": {"NG"}, "Pakistan": {"PK"},
	"Peru": {"PE"}, "Philippines": {"PH"}, "Russia (Soviet Union)": {"RU"}, "Rwanda": {"RW"},
	"Saudi Arabia": {"SA"}, "Serbia (Yugoslavia)": {"RS", "XK", "ME"}, "Sierra Leone": {"SL"}, "Somalia": {"SO"},
	"South Africa": {"ZA"}, "South Sudan": {"SS"}, "Sri Lanka": {"LK"}, "Sudan": {"SD"}, "Syria": {"SY"},
	"Tajikistan": {"TJ"}, "Thailand": {"TH"}, "Turkey": {"TR"}, "Uganda": {"UG"}, "Ukraine": {"UA"},
	"United Kingdom": {"GB"}, "Venezuela": {"VE"}, "Yemen (North Yemen)": {"YE"},
}

// UCDP scores English coding of UCDP GED source headlines
// (sharedDir/gold/ucdp-ged-sample/ucdpged_sample_1000.csv): for each GED
// event with a usable headline, the coded event's place against the GED
// coordinates (within 25 km, within 50 km, same country) and its killed
// count against the GED death estimates (exactly best; within low–high).
// An event with no usable headline (a date, a name, "Incident #123") is
// left out and counted in a note.
func UCDP(c Coder, sharedDir string, limit int) (*Report, error) {
	path := filepath.Join(sharedDir, "gold", "ucdp-ged-sample", "ucdpged_sample_1000.csv")
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	rep, err := ScoreUCDP(c, fh, limit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rep, nil
}

// ScoreUCDP scores the coder on a UCDP GED CSV read from r (see UCDP).
func ScoreUCDP(c Coder, r io.Reader, limit int) (*Report, error) {
	rep := newReport("ucdp-ged-sample (English headlines: place, deaths)")
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	head, err := cr.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	for _, need := range []string{"source_headline", "source_article", "latitude", "longitude", "country", "best", "low", "high"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("no %q column", need)
		}
	}
	get := func(rec []string, k string) string {
		i, ok := col[k]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	var in25, in50, precise25, country, located, best, within Accuracy
	var countryTotal, rows, noText int
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		rows++
		heads := ucdpHeadlines(get(rec, "source_headline"), get(rec, "source_article"))
		if len(heads) == 0 {
			noText++
			continue
		}
		if limit > 0 && best.Total >= limit {
			break
		}
		pub := ucdpDate(get(rec, "source_date"), get(rec, "date_start"))
		id := get(rec, "id")
		// The first headline that codes an event; else the first one.
		var main *event.Event
		headline := heads[0]
		for i, h := range heads {
			if i == 3 {
				break
			}
			res := c.Code(text.Document{ID: id, Text: h, Lang: "en", Published: pub})
			if m := mainEvent(res.Events, 0.5); m != nil {
				main, headline = m, h
				break
			}
		}
		lat, e1 := strconv.ParseFloat(get(rec, "latitude"), 64)
		lon, e2 := strconv.ParseFloat(get(rec, "longitude"), 64)
		var loc *event.Location
		if main != nil && main.Location != nil && main.Location.Lat != nil && main.Location.Lon != nil {
			loc = main.Location
		}
		errf := func(format string, a ...any) {
			if len(rep.Errors) < 300 {
				rep.Errors = append(rep.Errors, fmt.Sprintf("ged %s: ", id)+fmt.Sprintf(format, a...)+" | "+headline)
			}
		}
		located.Total++
		if loc != nil {
			located.Correct++
		}
		if e1 == nil && e2 == nil {
			in25.Total++
			in50.Total++
			precise := get(rec, "where_prec") == "1" || get(rec, "where_prec") == "2"
			if precise {
				precise25.Total++
			}
			if loc != nil {
				d := geo.DistanceKm(lat, lon, *loc.Lat, *loc.Lon)
				if d <= 25 {
					in25.Correct++
					if precise {
						precise25.Correct++
					}
				}
				if d <= 50 {
					in50.Correct++
				} else {
					errf("place %s (%s) at %.0f km from %s", loc.Name, loc.Country, d, get(rec, "where_coordinates"))
				}
			} else {
				errf("place: none coded, want %s", get(rec, "where_coordinates"))
			}
		}
		if ccs, ok := ucdpCountries[get(rec, "country")]; ok {
			countryTotal++
			country.Total++
			if main != nil && main.Location != nil {
				for _, cc := range ccs {
					if main.Location.Country == cc {
						country.Correct++
						break
					}
				}
			}
		}
		b, _ := strconv.Atoi(get(rec, "best"))
		lo, errLo := strconv.Atoi(get(rec, "low"))
		hi, errHi := strconv.Atoi(get(rec, "high"))
		if errLo != nil {
			lo = b
		}
		if errHi != nil {
			hi = b
		}
		got := 0
		if main != nil {
			got = killed(main)
		}
		best.Total++
		within.Total++
		if got == b {
			best.Correct++
		} else {
			errf("deaths want %d (%d-%d), got %d", b, lo, hi, got)
		}
		if got >= lo && got <= hi {
			within.Correct++
		}
	}
	rep.Accuracy["place within 25 km"] = in25
	rep.Accuracy["place within 50 km"] = in50
	if precise25.Total > 0 {
		rep.Accuracy["place 25 km (where_prec<=2)"] = precise25
	}
	rep.Accuracy["place same country"] = country
	rep.Accuracy["place coded (coverage)"] = located
	rep.Accuracy["deaths exact best"] = best
	rep.Accuracy["deaths within low-high"] = within
	rep.Notes = append(rep.Notes, fmt.Sprintf("%d GED events, %d with a usable headline scored, %d without one left out", rows, best.Total, noText))
	if countryTotal < best.Total {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d events in a country with no ISO code mapping left out of the country score", best.Total-countryTotal))
	}
	return rep, nil
}

// ucdpDate is the first source date, or the event's start date.
func ucdpDate(sourceDate, start string) time.Time {
	for _, s := range []string{strings.Split(sourceDate, ";")[0], start} {
		s = strings.TrimSpace(s)
		if len(s) >= 10 {
			if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

var (
	// `Reuters 1989-05-17 "ANGOLAN UNITA REBELS ...` and
	// `BBC Monitoring Central Asia, 2002-05-26, Russian planes bomb ...`.
	ucdpArticleQuoted = regexp.MustCompile(`^[^"]*?\d{2,4}-\d{2}-\d{2}\s+"+(.+)$`)
	ucdpArticleComma  = regexp.MustCompile(`^[^,]+,\s*\d{2,4}-\d{2}-\d{2}\s*,\s*(.+)$`)
	// [highlight color=11]Boko[/highlight]: markup left in some headlines.
	ucdpMarkup = regexp.MustCompile(`\[/?highlight[^\]]*\]`)
)

// ucdpHeadlines returns the usable headlines of a GED event: those of
// source_headline (';'-separated), else those that can be read out of
// source_article; a usable headline reads like a sentence.
func ucdpHeadlines(headline, article string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(h string) {
		h = ucdpMarkup.ReplaceAllString(h, "")
		h = strings.TrimSpace(strings.Trim(strings.TrimSpace(h), `"`))
		if ucdpUsable(h) && !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	if headline != "" {
		for _, h := range strings.Split(headline, ";") {
			add(h)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, a := range strings.Split(article, `";"`) {
		a = strings.Trim(strings.TrimSpace(a), `"`)
		if m := ucdpArticleQuoted.FindStringSubmatch(a); m != nil {
			add(m[1])
		} else if m := ucdpArticleComma.FindStringSubmatch(a); m != nil {
			add(m[1])
		}
	}
	return out
}

// ucdpUsable reports whether a headline reads like a sentence: at least
// four words, one of them in lower case (or the whole headline in capitals,
// as wire headlines are), and not a bare incident number or date.
func ucdpUsable(h string) bool {
	words := strings.Fields(h)
	if len(words) < 4 {
		return false
	}
	lower, letters, upper := false, 0, 0
	for _, w := range words {
		allLower := true
		hasLetter := false
		for _, r := range w {
			if unicode.IsLetter(r) {
				hasLetter = true
				letters++
				if unicode.IsUpper(r) {
					upper++
					allLower = false
				}
			}
		}
		if hasLetter && allLower {
			lower = true
		}
	}
	return lower || (letters > 0 && upper == letters)
}
