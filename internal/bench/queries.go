package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/store"
)

// Latency is the latency distribution of one query.
type Latency struct {
	Query    string
	N        int
	P50, P99 time.Duration
	Max      time.Duration
}

func (l Latency) String() string {
	return fmt.Sprintf("%-24s n=%-6d p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms", l.Query, l.N, ms(l.P50), ms(l.P99), ms(l.Max))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// sample holds values seen in the record, to build realistic filters.
type sample struct {
	ids                                                   []string
	types, places, admin1s, actors, speakers, days, words values
	boxes                                                 []store.BBox
}

// values is a list of distinct strings.
type values struct {
	seen map[string]bool
	list []string
}

func (v *values) add(s string) {
	if s == "" || v.seen[s] {
		return
	}
	if v.seen == nil {
		v.seen = map[string]bool{}
	}
	v.seen[s] = true
	v.list = append(v.list, s)
}

// sampleRecord reads up to 2000 events (newest first, then oldest first) to
// collect the values the queries filter on.
func sampleRecord(ctx context.Context, st store.Store) (*sample, error) {
	s := &sample{}
	for _, sort := range []string{store.SortDateDesc, store.SortDateAsc} {
		f := store.Filter{Sort: sort, Limit: 500}
		for range 2 {
			p, err := st.ListEvents(ctx, f)
			if err != nil {
				return nil, fmt.Errorf("sample the record: %w", err)
			}
			for _, e := range p.Events {
				s.ids = append(s.ids, e.ID)
				s.types.add(e.Type)
				if e.Date != nil {
					s.days.add(*e.Date)
				}
				if l := e.Location; l != nil {
					s.places.add(l.Name)
					if l.Admin1 != "" {
						s.admin1s.add(l.Country + "\x00" + l.Admin1)
					}
					if l.Lat != nil && l.Lon != nil {
						s.boxes = append(s.boxes, store.BBox{MinLon: *l.Lon - 0.5, MinLat: *l.Lat - 0.5, MaxLon: *l.Lon + 0.5, MaxLat: *l.Lat + 0.5})
					}
				}
				for _, a := range e.Actors {
					s.actors.add(a.Name)
					for _, w := range strings.Fields(a.Name) {
						if len(w) > 3 {
							s.words.add(w)
						}
					}
				}
				for _, sp := range e.Speakers {
					s.speakers.add(sp)
				}
			}
			if p.Next == "" {
				break
			}
			f.Cursor = p.Next
		}
	}
	if len(s.ids) == 0 {
		return nil, fmt.Errorf("the store holds no events")
	}
	slices.Sort(s.days.list)
	return s, nil
}

// Queries runs the web page's main queries against st, each repeatedly for
// about per (at least 20 times), with filters drawn from the record itself,
// and returns their latencies.
func Queries(ctx context.Context, st store.Store, per time.Duration) ([]Latency, error) {
	s, err := sampleRecord(ctx, st)
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(v values) string {
		l := v.list
		if len(l) == 0 {
			return ""
		}
		return l[rng.IntN(len(l))]
	}
	// window returns a month-long range starting at a day of the record.
	window := func(days int) (string, string) {
		d, err := time.Parse("2006-01-02", pick(s.days))
		if err != nil {
			return "", ""
		}
		return d.Format("2006-01-02"), d.AddDate(0, 0, days).Format("2006-01-02")
	}
	box := func() *store.BBox {
		if len(s.boxes) == 0 {
			return nil
		}
		b := s.boxes[rng.IntN(len(s.boxes))]
		return &b
	}
	list := func(mk func() store.Filter) func() error {
		return func() error { _, err := st.ListEvents(ctx, mk()); return err }
	}
	count := func(bucket string, mk func() store.Filter) func() error {
		return func() error { _, err := st.CountEvents(ctx, mk(), bucket); return err }
	}
	cases := []struct {
		name string
		run  func() error
	}{
		{"list/latest", list(func() store.Filter { return store.Filter{} })},
		{"list/type", list(func() store.Filter { return store.Filter{Types: []string{pick(s.types)}} })},
		{"list/type+month", list(func() store.Filter {
			from, to := window(30)
			return store.Filter{Types: []string{pick(s.types)}, From: from, To: to}
		})},
		{"list/bbox", list(func() store.Filter { return store.Filter{BBox: box()} })},
		{"list/admin1", list(func() store.Filter {
			c, a, _ := strings.Cut(pick(s.admin1s), "\x00")
			return store.Filter{Country: c, Admin1: a}
		})},
		{"list/place", list(func() store.Filter { return store.Filter{Place: pick(s.places)} })},
		{"list/actor", list(func() store.Filter { return store.Filter{Actor: pick(s.actors)} })},
		{"list/speaker", list(func() store.Filter { return store.Filter{Speaker: pick(s.speakers)} })},
		{"list/denied", list(func() store.Filter { return store.Filter{Modality: "denied"} })},
		{"list/text", list(func() store.Filter { return store.Filter{Query: pick(s.words)} })},
		{"list/text+month", list(func() store.Filter {
			from, to := window(30)
			return store.Filter{Query: pick(s.words), From: from, To: to}
		})},
		{"detail", func() error { _, err := st.GetEvent(ctx, s.ids[rng.IntN(len(s.ids))]); return err }},
		{"count/day×type/quarter", count(store.BucketDay, func() store.Filter {
			from, to := window(90)
			return store.Filter{From: from, To: to}
		})},
		{"count/day×type/all", count(store.BucketDay, func() store.Filter { return store.Filter{} })},
		{"count/place/all", count(store.BucketPlace, func() store.Filter { return store.Filter{} })},
		{"count/place/bbox", count(store.BucketPlace, func() store.Filter { return store.Filter{BBox: box()} })},
		{"stats", func() error { _, err := st.Stats(ctx); return err }},
		{"figures", func() error { _, err := st.Figures(ctx, store.FigureFilter{}); return err }},
	}
	var out []Latency
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		var lat []time.Duration
		start := time.Now()
		for len(lat) < 20 || time.Since(start) < per {
			t0 := time.Now()
			if err := c.run(); err != nil {
				return out, fmt.Errorf("query %s: %w", c.name, err)
			}
			lat = append(lat, time.Since(t0))
			if len(lat) >= 100000 {
				break
			}
		}
		slices.Sort(lat)
		q := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
		out = append(out, Latency{Query: c.name, N: len(lat), P50: q(0.50), P99: q(0.99), Max: lat[len(lat)-1]})
	}
	return out, nil
}
