package bench

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/coder"
	"github.com/marsad-dev/marsad/internal/geo"
	"github.com/marsad-dev/marsad/internal/ingest"
	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/text"
)

// Extract codes docs (analysis, dictionaries, places, events) on one
// goroutine.
func Extract(c *coder.Coder, docs []text.Document, minTime time.Duration) Throughput {
	an := c.Analyzer()
	return run("extract", docs, minTime, func(d text.Document) (int, int) {
		a := an.Analyze(d.Text, d.Lang, d.Published)
		res := c.CodeAnalysis(d, a)
		return len(a.Sentences), len(res.Events)
	})
}

// GeoLoad is the cost of loading the embedded gazetteer.
type GeoLoad struct {
	Places  int
	Elapsed time.Duration
	Heap    uint64 // live heap it adds, bytes
}

func (g GeoLoad) String() string {
	return fmt.Sprintf("gazetteer %d places, loaded in %d ms, %.1f MB of heap", g.Places, g.Elapsed.Milliseconds(), float64(g.Heap)/1e6)
}

// LoadGazetteer loads the embedded gazetteer and measures time and heap.
func LoadGazetteer() (GeoLoad, error) {
	before := HeapInUse()
	t0 := time.Now()
	g, err := geo.Load()
	el := time.Since(t0)
	if err != nil {
		return GeoLoad{}, err
	}
	after := HeapInUse()
	gl := GeoLoad{Places: g.Len(), Elapsed: el}
	if after > before {
		gl.Heap = after - before
	}
	return gl, nil
}

// IngestRate is what an ingest into a store did.
type IngestRate struct {
	Docs, Inserted, Events int
	Elapsed                time.Duration
	// Code and Store split Elapsed between the coder and the store.
	Code, Store time.Duration
	// Windows are the rates, in documents per second, of each successive
	// IngestWindow documents: a falling series means the store slows as
	// the record grows.
	Windows []float64
	PeakRSS int64
}

// IngestWindow is the number of documents each of IngestRate.Windows
// covers.
const IngestWindow = 1000

func (r IngestRate) String() string {
	s := fmt.Sprintf("ingest    %6d docs (%d new), %d events in %.1f s: %.1f docs/s (coding %.1f s, store %.1f s), peak RSS %.0f MB",
		r.Docs, r.Inserted, r.Events, r.Elapsed.Seconds(), float64(r.Docs)/r.Elapsed.Seconds(),
		r.Code.Seconds(), r.Store.Seconds(), float64(r.PeakRSS)/1e6)
	if len(r.Windows) > 1 {
		ws := make([]string, len(r.Windows))
		for i, w := range r.Windows {
			ws[i] = fmt.Sprintf("%.1f", w)
		}
		s += fmt.Sprintf("\n          docs/s per %d docs: %s", IngestWindow, strings.Join(ws, ", "))
	}
	return s
}

// Ingest codes and stores items one after the other, as `marsad ingest
// --workers 1` does, and measures the rate and the process's peak RSS.
func Ingest(ctx context.Context, st store.Store, c *coder.Coder, items []ingest.Item) (IngestRate, error) {
	var r IngestRate
	t0 := time.Now()
	w0 := t0
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		tc := time.Now()
		res := c.Code(it.Doc)
		ts := time.Now()
		pr, err := st.PutDocument(ctx, store.DocumentOf(it.Doc, it.Hash, it.SimHash, res.Lang), res)
		if err != nil {
			return r, fmt.Errorf("ingest %s: %w", it.Origin, err)
		}
		now := time.Now()
		r.Code += ts.Sub(tc)
		r.Store += now.Sub(ts)
		r.Docs++
		if r.Docs%IngestWindow == 0 {
			r.Windows = append(r.Windows, IngestWindow/now.Sub(w0).Seconds())
			w0 = now
		}
		if pr.Status != store.Unchanged {
			r.Inserted++
			r.Events += len(res.Events)
		}
	}
	r.Elapsed = time.Since(t0)
	r.PeakRSS = PeakRSS()
	return r, nil
}
