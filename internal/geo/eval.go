package geo

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	geodata "github.com/marsad-dev/marsad/data/geo"
	"github.com/marsad-dev/marsad/internal/corpus"
	"github.com/marsad-dev/marsad/internal/text"
)

// Report is the result of Evaluate.
type Report struct {
	Mentions       int // gold mentions
	Found          int // gold mentions overlapped by a resolved mention
	Scored         int // gold mentions with coordinates (kind place)
	Within10       int // of Scored, resolved within 10 km
	Within25       int // of Scored, resolved within 25 km
	CountryCorrect int // of Mentions, resolved to the gold country
	Misses         []string
}

// String formats the report with accuracies.
func (r Report) String() string {
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "geo evaluation: %d gold place mentions (%d with coordinates)\n", r.Mentions, r.Scored)
	fmt.Fprintf(&b, "  detected (recall)        %5.1f%%  (%d/%d)\n", pct(r.Found, r.Mentions), r.Found, r.Mentions)
	fmt.Fprintf(&b, "  within 10 km             %5.1f%%  (%d/%d)\n", pct(r.Within10, r.Scored), r.Within10, r.Scored)
	fmt.Fprintf(&b, "  within 25 km             %5.1f%%  (%d/%d)\n", pct(r.Within25, r.Scored), r.Within25, r.Scored)
	fmt.Fprintf(&b, "  correct country          %5.1f%%  (%d/%d)\n", pct(r.CountryCorrect, r.Mentions), r.CountryCorrect, r.Mentions)
	return b.String()
}

type goldPlace struct {
	doc        string
	start, end int
	surface    string
	cc         string
	lat, lon   float64
	hasPoint   bool
}

// Evaluate resolves the documents of the embedded evaluation set, read at
// run time from sharedDir/news/ant-2018, and scores the resolved toponyms
// against the gold referents: distance of the chosen entry (the anchor, not
// an offset point) and country. Undetected mentions count as wrong. It
// returns an error wrapping os.ErrNotExist when the corpus is absent.
func Evaluate(sharedDir string) (Report, error) {
	g, err := Load()
	if err != nil {
		return Report{}, err
	}
	gold, err := parseGold(geodata.EvalPlaces)
	if err != nil {
		return Report{}, err
	}
	want := map[string]bool{}
	for _, p := range gold {
		want[p.doc] = true
	}
	texts, err := corpus.ANTTexts([]string{filepath.Join(sharedDir, corpus.ANTMiddleEast)}, want)
	if err != nil {
		return Report{}, fmt.Errorf("evaluate: %w", err)
	}
	res := NewResolver(g)
	var tk text.Tokenizer
	resolved := map[string][]Mention{}
	for doc, src := range texts {
		toks := tk.Tokenize(src)
		resolved[doc] = res.Resolve(src, toks, text.Sentences(src, toks), "ar")
	}
	var r Report
	for _, p := range gold {
		r.Mentions++
		if p.hasPoint {
			r.Scored++
		}
		src, ok := texts[p.doc]
		if !ok {
			return r, fmt.Errorf("evaluate: document %s not in the corpus", p.doc)
		}
		if p.end > len(src) || src[p.start:p.end] != p.surface {
			return r, fmt.Errorf("evaluate: %s [%d,%d) is not %q: the corpus changed", p.doc, p.start, p.end, p.surface)
		}
		var m *Mention
		for i := range resolved[p.doc] {
			c := &resolved[p.doc][i]
			if c.Location.Start < p.end && p.start < c.Location.End {
				m = c
				break
			}
		}
		if m == nil {
			r.Misses = append(r.Misses, fmt.Sprintf("%s %d %s: not found", p.doc, p.start, p.surface))
			continue
		}
		r.Found++
		if m.Location.Country == p.cc {
			r.CountryCorrect++
		} else {
			r.Misses = append(r.Misses, fmt.Sprintf("%s %d %s: country %s (%s), want %s", p.doc, p.start, p.surface, m.Location.Country, m.Location.GazetteerID, p.cc))
		}
		if p.hasPoint {
			d := haversine(m.Entry.Lat, m.Entry.Lon, p.lat, p.lon)
			if d <= 10 {
				r.Within10++
			}
			if d <= 25 {
				r.Within25++
			} else {
				r.Misses = append(r.Misses, fmt.Sprintf("%s %d %s: %s %s at %.0f km", p.doc, p.start, p.surface, m.Location.GazetteerID, m.Location.Name, d))
			}
		}
	}
	return r, nil
}

func parseGold(s string) ([]goldPlace, error) {
	var out []goldPlace
	header := true
	for n, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 8 {
			return nil, fmt.Errorf("eval_places.tsv line %d: want 8 columns", n+1)
		}
		p := goldPlace{doc: f[0], surface: f[3], cc: f[4]}
		var e1, e2 error
		p.start, e1 = strconv.Atoi(f[1])
		p.end, e2 = strconv.Atoi(f[2])
		if e1 != nil || e2 != nil {
			return nil, fmt.Errorf("eval_places.tsv line %d: bad offsets", n+1)
		}
		if f[7] == "place" {
			p.lat, e1 = strconv.ParseFloat(f[5], 64)
			p.lon, e2 = strconv.ParseFloat(f[6], 64)
			if e1 != nil || e2 != nil {
				return nil, fmt.Errorf("eval_places.tsv line %d: bad coordinates", n+1)
			}
			p.hasPoint = true
		}
		out = append(out, p)
	}
	return out, nil
}
