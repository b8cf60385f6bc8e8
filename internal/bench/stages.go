package bench

import (
	"context"
	"fmt"
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
	PeakRSS                int64
}

func (r IngestRate) String() string {
	return fmt.Sprintf("ingest    %6d docs (%d new), %d events in %.1f s: %.1f docs/s, peak RSS %.0f MB",
		r.Docs, r.Inserted, r.Events, r.Elapsed.Seconds(), float64(r.Docs)/r.Elapsed.Seconds(), float64(r.PeakRSS)/1e6)
}

// Ingest codes and stores items one after the other, as `marsad ingest
// --workers 1` does, and measures the rate and the process's peak RSS.
func Ingest(ctx context.Context, st store.Store, c *coder.Coder, items []ingest.Item) (IngestRate, error) {
	var r IngestRate
	t0 := time.Now()
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		res := c.Code(it.Doc)
		pr, err := st.PutDocument(ctx, store.DocumentOf(it.Doc, it.Hash, it.SimHash, res.Lang), res)
		if err != nil {
			return r, fmt.Errorf("ingest %s: %w", it.Origin, err)
		}
		r.Docs++
		if pr.Status != store.Unchanged {
			r.Inserted++
			r.Events += len(res.Events)
		}
	}
	r.Elapsed = time.Since(t0)
	r.PeakRSS = PeakRSS()
	return r, nil
}
