package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/marsad-dev/marsad/internal/store/sqlite"
	"github.com/marsad-dev/marsad/internal/store/storetest"
)

// benchEvents is the size of the synthetic record (MARSAD_BENCH_EVENTS,
// default 100000).
func benchEvents(b *testing.B) int {
	if v := os.Getenv("MARSAD_BENCH_EVENTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			b.Fatalf("MARSAD_BENCH_EVENTS=%q: %v", v, err)
		}
		return n
	}
	return 100000
}

// BenchmarkQueries measures the page's main queries on a synthetic record
// of MARSAD_BENCH_EVENTS events, built once into MARSAD_BENCH_DB (default
// marsad-bench-N.db in the temporary directory) and reused by later runs.
func BenchmarkQueries(b *testing.B) {
	n := benchEvents(b)
	path := os.Getenv("MARSAD_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("marsad-bench-%d.db", n))
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := storetest.Synthesize(ctx, s, n, b.Logf); err != nil {
		b.Fatal(err)
	}
	storetest.Bench(b, s)
}

// BenchmarkPutDocument measures merging ingest of synthetic documents (ten
// events each) into a fresh store.
func BenchmarkPutDocument(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "put.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	i := 0
	for b.Loop() {
		doc, res := storetest.SynthDocument(i)
		if _, err := s.PutDocument(ctx, doc, res); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
