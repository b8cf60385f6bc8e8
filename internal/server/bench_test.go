package server_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/server"
	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/open"
	"github.com/marsad-dev/marsad/internal/store/sqlite"
	"github.com/marsad-dev/marsad/internal/store/storetest"
)

// benchStore opens the synthetic record the store benchmarks use:
// MARSAD_BENCH_EVENTS events (default 100000) in the SQLite file
// MARSAD_BENCH_DB (default storetest.BenchFile(N) in the temporary
// directory, the file internal/store/sqlite's BenchmarkQueries builds),
// built on first use and reused after. MARSAD_BENCH_STORE=postgres://...
// measures a PostgreSQL record instead (internal/store/postgres's
// BenchmarkQueries fills marsad_bench_N_gV).
func benchStore(b *testing.B) store.Store {
	n := 100000
	if v := os.Getenv("MARSAD_BENCH_EVENTS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatalf("MARSAD_BENCH_EVENTS=%q: %v", v, err)
		}
	}
	ctx := context.Background()
	if u := os.Getenv("MARSAD_BENCH_STORE"); u != "" {
		s, err := open.Open(ctx, u)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s
	}
	path := os.Getenv("MARSAD_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), storetest.BenchFile(n))
	}
	// Build with a page cache that holds the record, then serve with the
	// default settings.
	w, err := sqlite.Open(ctx, "sqlite://"+path+"?cache_mb=4096")
	if err != nil {
		b.Fatal(err)
	}
	err = storetest.Synthesize(ctx, w, n, b.Logf)
	w.Close()
	if err != nil {
		b.Fatal(err)
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkAPI measures the API's main reads over HTTP on a synthetic
// record, reporting latency p50 and p99 in milliseconds.
func BenchmarkAPI(b *testing.B) {
	st := benchStore(b)
	srv, err := server.New(server.Config{Store: st})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	month := func() (string, string) {
		d := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(3600))
		return d.Format(time.DateOnly), d.AddDate(0, 0, 29).Format(time.DateOnly)
	}
	var sample []string
	for range 10 {
		from, to := month()
		p, err := st.ListEvents(context.Background(), store.Filter{From: from, To: to})
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range p.Events {
			sample = append(sample, e.ID)
		}
	}
	if len(sample) == 0 {
		b.Fatal("empty synthetic store")
	}
	cases := []struct {
		name string
		url  func() string
	}{
		{"list/latest", func() string { return "/api/events" }},
		{"list/type+month", func() string {
			from, to := month()
			return "/api/events?" + url.Values{"type": {event.Types[rng.IntN(len(event.Types))]}, "from": {from}, "to": {to}}.Encode()
		}},
		{"list/bbox", func() string {
			lat, lon := 32+rng.Float64()*6, 36+rng.Float64()*10
			return fmt.Sprintf("/api/events?bbox=%.3f,%.3f,%.3f,%.3f", lon, lat, lon+1, lat+1)
		}},
		{"detail", func() string { return "/api/events/" + url.PathEscape(sample[rng.IntN(len(sample))]) }},
		{"stats/month", func() string {
			from, to := month()
			return "/api/stats?interval=auto&from=" + from + "&to=" + to
		}},
		{"stats/year", func() string {
			from, _ := month()
			to := mustDay(b, from).AddDate(1, 0, -1).Format(time.DateOnly)
			return "/api/stats?interval=auto&from=" + from + "&to=" + to
		}},
		{"stats/bbox", func() string {
			lat, lon := 32+rng.Float64()*6, 36+rng.Float64()*10
			return fmt.Sprintf("/api/stats?interval=auto&bbox=%.3f,%.3f,%.3f,%.3f", lon, lat, lon+1, lat+1)
		}},
		{"stats/all", func() string { return "/api/stats?interval=auto" }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			cpu := make([]time.Duration, 0, b.N)
			for b.Loop() {
				t0, c0 := time.Now(), storetest.ProcessCPU()
				res, err := ts.Client().Get(ts.URL + c.url())
				if err != nil {
					b.Fatal(err)
				}
				n, err := io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != http.StatusOK {
					b.Fatalf("%s: %d %v", c.name, res.StatusCode, err)
				}
				lat = append(lat, time.Since(t0))
				cpu = append(cpu, storetest.ProcessCPU()-c0)
				b.SetBytes(n)
			}
			storetest.ReportLatency(b, lat)
			// Server and client share the process: CPU time of the whole
			// request (for SQLite, the query too).
			storetest.ReportCPU(b, cpu)
		})
	}
}

func mustDay(b *testing.B, s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		b.Fatal(err)
	}
	return t
}
