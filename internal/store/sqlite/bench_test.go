package sqlite_test

import (
	"context"
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

// benchPath is where the synthetic record of n events is kept:
// MARSAD_BENCH_DB, else storetest.BenchFile(n) in the temporary directory.
func benchPath(n int) string {
	if p := os.Getenv("MARSAD_BENCH_DB"); p != "" {
		return p
	}
	return filepath.Join(os.TempDir(), storetest.BenchFile(n))
}

// BenchmarkQueries measures the page's main queries on a synthetic record
// of MARSAD_BENCH_EVENTS events, built once (in transactions of 500
// documents, through the same merging as PutDocument) into benchPath and
// reused by later runs: go test -run XXX -bench Queries -benchtime 200x.
// Each query reports its latency p50 and p99 in milliseconds.
func BenchmarkQueries(b *testing.B) {
	n := benchEvents(b)
	path := benchPath(n)
	ctx := context.Background()
	if err := build(ctx, b, path, n); err != nil {
		b.Fatal(err)
	}
	s, err := sqlite.Open(ctx, "sqlite://"+path+os.Getenv("MARSAD_BENCH_SQLITE_OPTS"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.Bench(b, s)
}

// build synthesizes the record with a page cache large enough to hold it
// (random keys otherwise make every insert read pages back from disk).
func build(ctx context.Context, b *testing.B, path string, n int) error {
	s, err := sqlite.Open(ctx, "sqlite://"+path+"?cache_mb=4096")
	if err != nil {
		return err
	}
	defer s.Close()
	return storetest.Synthesize(ctx, s, n, b.Logf)
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
