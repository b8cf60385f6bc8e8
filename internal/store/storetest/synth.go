package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/merge"
	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/sqlstore"
)

// Synthetic record dimensions.
const (
	synthPlaces      = 5000
	synthActors      = 300
	synthOutlets     = 40
	synthDays        = 3650 // ten years from synthStart
	synthPerDocument = 10
)

var synthStart = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)

var synthWords = []string{"attack", "convoy", "checkpoint", "village", "market", "bridge", "hospital", "camp",
	"prison", "border", "قصف", "هجوم", "سوق", "مخيم", "سجن", "قرية", "حاجز", "جسر"}

// synthPlace is the i-th synthetic town: a grid over Syria and Iraq.
func synthPlace(i int) *event.Location {
	lat := 32 + float64(i%70)*0.1
	lon := 36 + float64(i/70)*0.15
	country, admin1 := "SY", fmt.Sprintf("SY-%02d", i%14)
	if lon > 42 {
		country, admin1 = "IQ", fmt.Sprintf("IQ-%02d", i%18)
	}
	return &event.Location{Name: fmt.Sprintf("Town %d", i), Country: country, Admin1: admin1, Precision: "town",
		GeoPrecision: 1, GazetteerID: fmt.Sprintf("syn:%d", i), Lat: &lat, Lon: &lon}
}

// SynthDocument returns the i-th synthetic document: synthPerDocument
// events on random days, in random towns, of random types. About one event
// in ten is a second report of an event of the previous document (another
// outlet, another figure), so merging and reconciliation do real work.
func SynthDocument(i int) (store.Document, event.Result) {
	rng := rand.New(rand.NewPCG(uint64(i), 42))
	id := fmt.Sprintf("syn-%07d", i)
	outlet := fmt.Sprintf("Outlet %d", rng.IntN(synthOutlets))
	firstDay := rng.IntN(synthDays - 30)
	pub := synthStart.AddDate(0, 0, firstDay+30)
	res := event.Result{ID: id, Published: pub.Format(time.DateOnly)}
	var text strings.Builder
	prevEvents := synthEvents(i - 1)
	for k, e := range synthEvents(i) {
		if i > 0 && k == 0 && rng.IntN(10) == 0 {
			e = prevEvents[0]
			e.Counts = []event.Count{{What: "killed", Value: float64(rng.IntN(40) + 1)}}
			e.Attribution = []event.Attributed{{Speaker: fmt.Sprintf("Speaker %d", rng.IntN(50))}}
		}
		res.Events = append(res.Events, e)
		fmt.Fprintf(&text, "%s %s %s. ", e.Type, e.Location.Name, synthWords[rng.IntN(len(synthWords))])
	}
	if rng.IntN(5) == 0 {
		res.Figures = []event.Figure{{What: "detainees", Value: float64(rng.IntN(10000)), Location: synthPlace(rng.IntN(50)),
			Date: res.Events[0].Date}}
	}
	doc := store.Document{ID: id, Outlet: outlet, Published: pub, Lang: "en", Title: "Report " + id,
		Hash: fmt.Sprintf("synth-%d", i), Text: text.String()}
	return doc, res
}

func synthEvents(i int) []event.Event {
	rng := rand.New(rand.NewPCG(uint64(i), 43))
	out := make([]event.Event, synthPerDocument)
	for k := range out {
		day := synthStart.AddDate(0, 0, rng.IntN(synthDays)).Format(time.DateOnly)
		typ := event.Types[rng.IntN(len(event.Types))]
		mod := event.Asserted
		if rng.IntN(20) == 0 {
			mod = event.Denied
		}
		out[k] = event.Event{Type: typ, Date: &day, DatePrecision: "day", Location: synthPlace(rng.IntN(synthPlaces)),
			Actors: []event.Actor{
				{Role: "actor", Name: fmt.Sprintf("Actor %d", rng.IntN(synthActors)), Code: fmt.Sprintf("A%d", rng.IntN(synthActors))},
				{Role: "target", Name: fmt.Sprintf("Actor %d", rng.IntN(synthActors))},
			},
			Counts:      []event.Count{{What: "killed", Value: float64(rng.IntN(30))}},
			Modality:    mod,
			Attribution: []event.Attributed{{Speaker: fmt.Sprintf("Speaker %d", rng.IntN(50))}},
		}
	}
	return out
}

// synthVersion changes when SynthDocument changes, so that records built
// by an older generator are not reused. A record built under an older
// schema is migrated when opened.
const synthVersion = 1

// BenchFile is the file name under which benchmarks keep a synthetic
// SQLite record of n events.
func BenchFile(n int) string { return fmt.Sprintf("marsad-bench-%d-g%d.db", n, synthVersion) }

// Batcher is implemented by stores that can put many documents in one
// transaction (sqlstore.Store.PutBatch): Synthesize then commits once per
// batch.
type Batcher interface {
	PutBatch(ctx context.Context, docs []sqlstore.Coded) error
}

// synthBatch is the number of documents Synthesize puts per transaction.
const synthBatch = 500

// Synthesize puts synthetic documents into s until it holds at least n
// merged events (documents already there are skipped, so an interrupted
// run resumes), reporting progress to logf when not nil.
func Synthesize(ctx context.Context, s store.Store, n int, logf func(format string, args ...any)) error {
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	bs, batched := s.(Batcher)
	start, done, lastLog := time.Now(), 0, time.Now()
	for i := st.Documents; st.Events < n; {
		k := 1
		if batched {
			// Each document adds about synthPerDocument events.
			k = max(1, min(synthBatch, (n-st.Events)/synthPerDocument))
			batch := make([]sqlstore.Coded, k)
			for j := range batch {
				batch[j].Doc, batch[j].Res = SynthDocument(i + j)
			}
			if err := bs.PutBatch(ctx, batch); err != nil {
				return fmt.Errorf("synthesize documents %d-%d: %w", i, i+k-1, err)
			}
		} else {
			doc, res := SynthDocument(i)
			if _, err := s.PutDocument(ctx, doc, res); err != nil {
				return fmt.Errorf("synthesize document %d: %w", i, err)
			}
		}
		i += k
		done += k
		if st, err = s.Stats(ctx); err != nil {
			return err
		}
		if logf != nil && (time.Since(lastLog) > 30*time.Second || st.Events >= n) {
			lastLog = time.Now()
			logf("synthesize: %d documents, %d events, %.0f documents/s", st.Documents, st.Events,
				float64(done)/time.Since(start).Seconds())
		}
	}
	return nil
}

// Bench runs benchmarks of the page's main queries against s, which should
// hold a synthetic record (Synthesize). Each reports the latency p50 and
// p99 in milliseconds.
func Bench(b *testing.B, s store.Store) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 7))
	window := func(days int) (string, string) {
		d := rng.IntN(synthDays - days)
		return merge.DayString(merge.Day(synthStart) + d), merge.DayString(merge.Day(synthStart) + d + days - 1)
	}
	var sample []string
	for range 20 {
		from, to := window(30)
		p, err := s.ListEvents(ctx, store.Filter{From: from, To: to, Limit: 50})
		if err != nil {
			b.Fatal(err)
		}
		sample = append(sample, ids(p.Events)...)
	}
	if len(sample) == 0 {
		b.Fatal("empty store: run Synthesize first")
	}
	list := func(mk func() store.Filter) func() error {
		return func() error {
			_, err := s.ListEvents(ctx, mk())
			return err
		}
	}
	count := func(bucket string, mk func() store.Filter) func() error {
		return func() error {
			_, err := s.CountEvents(ctx, mk(), bucket)
			return err
		}
	}
	cases := []struct {
		name string
		run  func() error
	}{
		{"list/latest", list(func() store.Filter { return store.Filter{} })},
		{"list/type+month", list(func() store.Filter {
			from, to := window(30)
			return store.Filter{Types: []string{event.Types[rng.IntN(len(event.Types))]}, From: from, To: to}
		})},
		{"list/type", list(func() store.Filter {
			return store.Filter{Types: []string{event.Types[rng.IntN(len(event.Types))]}}
		})},
		{"list/bbox", list(func() store.Filter {
			lat, lon := 32+rng.Float64()*6, 36+rng.Float64()*10
			return store.Filter{BBox: &store.BBox{MinLat: lat, MaxLat: lat + 1, MinLon: lon, MaxLon: lon + 1}}
		})},
		{"list/admin1", list(func() store.Filter {
			return store.Filter{Country: "SY", Admin1: fmt.Sprintf("SY-%02d", rng.IntN(14))}
		})},
		{"list/place", list(func() store.Filter {
			return store.Filter{Place: fmt.Sprintf("syn:%d", rng.IntN(synthPlaces))}
		})},
		{"list/actor", list(func() store.Filter {
			return store.Filter{Actor: fmt.Sprintf("A%d", rng.IntN(synthActors))}
		})},
		{"list/speaker", list(func() store.Filter {
			return store.Filter{Speaker: fmt.Sprintf("Speaker %d", rng.IntN(50))}
		})},
		{"list/denied", list(func() store.Filter { return store.Filter{Modality: event.Denied} })},
		{"list/text+month", list(func() store.Filter {
			from, to := window(30)
			return store.Filter{Query: synthWords[rng.IntN(len(synthWords))], From: from, To: to}
		})},
		{"list/page3", func() error {
			f := store.Filter{Types: []string{event.Types[rng.IntN(len(event.Types))]}}
			for range 3 {
				p, err := s.ListEvents(ctx, f)
				if err != nil {
					return err
				}
				f.Cursor = p.Next
			}
			return nil
		}},
		{"detail", func() error {
			_, err := s.GetEvent(ctx, sample[rng.IntN(len(sample))])
			return err
		}},
		{"count/day×type/quarter", count(store.BucketDay, func() store.Filter {
			from, to := window(90)
			return store.Filter{From: from, To: to}
		})},
		{"count/week×type/year", count(store.BucketWeek, func() store.Filter {
			from, to := window(365)
			return store.Filter{From: from, To: to}
		})},
		{"count/place/bbox", count(store.BucketPlace, func() store.Filter {
			lat, lon := 32+rng.Float64()*6, 36+rng.Float64()*10
			return store.Filter{BBox: &store.BBox{MinLat: lat, MaxLat: lat + 1, MinLon: lon, MaxLon: lon + 1}}
		})},
		{"figures/site", func() error {
			_, err := s.Figures(ctx, store.FigureFilter{Place: fmt.Sprintf("syn:%d", rng.IntN(50))})
			return err
		}},
		{"search", func() error {
			_, err := s.SearchDocuments(ctx, synthWords[rng.IntN(len(synthWords))]+" "+fmt.Sprintf("Town %d", rng.IntN(synthPlaces)), 20)
			return err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			cpu := make([]time.Duration, 0, b.N)
			for b.Loop() {
				t0, c0 := time.Now(), ProcessCPU()
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t0))
				cpu = append(cpu, ProcessCPU()-c0)
			}
			ReportLatency(b, lat)
			ReportCPU(b, cpu)
		})
	}
}

// ProcessCPU is the CPU time this process has used (user and system). On
// a shared machine the wall-clock latency of a query includes waiting for
// a core; its CPU time does not (for an embedded store it is the query's
// cost; a database server's own CPU time is not counted).
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ReportCPU reports the p50 and p99 of per-call CPU times in milliseconds.
func ReportCPU(b *testing.B, cpu []time.Duration) {
	if len(cpu) == 0 {
		return
	}
	cpu = slices.Clone(cpu)
	slices.Sort(cpu)
	q := func(p float64) float64 {
		return float64(cpu[min(len(cpu)-1, int(p*float64(len(cpu))))].Microseconds()) / 1000
	}
	b.ReportMetric(q(0.50), "cpu-p50-ms")
	b.ReportMetric(q(0.99), "cpu-p99-ms")
}

// ReportLatency reports the p50 and p99 of latencies in milliseconds.
func ReportLatency(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	lat = slices.Clone(lat)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	q := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(q(0.50), "p50-ms")
	b.ReportMetric(q(0.99), "p99-ms")
}
