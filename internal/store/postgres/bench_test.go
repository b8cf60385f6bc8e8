package postgres_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-dev/marsad/internal/store/postgres"
	"github.com/marsad-dev/marsad/internal/store/storetest"
)

// BenchmarkQueries measures the page's main queries on a synthetic record
// of MARSAD_BENCH_EVENTS events (default 100000). The record is built once
// into the database marsad_bench_N on the MARSAD_TEST_POSTGRES server and
// kept for later runs (drop it by hand when done).
func BenchmarkQueries(b *testing.B) {
	n := 100000
	if v := os.Getenv("MARSAD_BENCH_EVENTS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatalf("MARSAD_BENCH_EVENTS=%q: %v", v, err)
		}
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, serverURL())
	if err != nil {
		b.Skipf("PostgreSQL not reachable at MARSAD_TEST_POSTGRES=%s (%v)", serverURL(), err)
	}
	name := fmt.Sprintf("marsad_bench_%d", n)
	var exists bool
	if err := admin.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		b.Fatal(err)
	}
	if !exists {
		if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
			b.Fatal(err)
		}
	}
	admin.Close(ctx)
	u, err := url.Parse(serverURL())
	if err != nil {
		b.Fatal(err)
	}
	u.Path = "/" + name
	s, err := postgres.Open(ctx, u.String())
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
// events each) into a fresh database.
func BenchmarkPutDocument(b *testing.B) {
	ctx := context.Background()
	s, err := postgres.Open(ctx, newDatabase(b))
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
