package queue_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/ingest"
	"github.com/marsad-dev/marsad/internal/queue"
	"github.com/marsad-dev/marsad/internal/queue/queuetest"
	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/open"
)

// antMessages reads the first n documents of the ANT Middle East corpus
// ($MARSAD_SHARED or ../shared/data) as ingest would; the benchmark is
// skipped when it is absent.
func antMessages(b *testing.B, n int) []queue.Message {
	dir := os.Getenv("MARSAD_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	path := filepath.Join(dir, "news", "ant-2018", "ant_middleEast.jsonl")
	if _, err := os.Stat(path); err != nil {
		b.Skipf("ANT corpus not available: %v", err)
	}
	var out []queue.Message
	errEnough := errors.New("enough")
	err := ingest.Walk(context.Background(), []string{path}, ingest.Options{}, func(it ingest.Item) error {
		if it.Err != nil {
			return nil
		}
		out = append(out, queue.MessageOf(it))
		if len(out) == n {
			return errEnough
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		b.Fatal(err)
	}
	return out
}

// benchDocs is MARSAD_BENCH_DOCS, or all 7,628 documents of the corpus.
func benchDocs(b *testing.B) int {
	if s := os.Getenv("MARSAD_BENCH_DOCS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("MARSAD_BENCH_DOCS: %v", err)
		}
		return n
	}
	return 1 << 30
}

// cpu is CPU time in seconds: this process, and the PostgreSQL and NATS
// server processes (read from /proc; zero where it cannot be read).
type cpu struct{ self, pg, nats float64 }

func readCPU() cpu {
	var c cpu
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		c.self = float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
	}
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		s := string(b)
		i, j := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if i < 0 || j < i {
			continue
		}
		comm, f := s[i+1:j], strings.Fields(s[j+1:])
		if len(f) < 13 {
			continue
		}
		ut, _ := strconv.ParseFloat(f[11], 64)
		st, _ := strconv.ParseFloat(f[12], 64)
		secs := (ut + st) / 100 // USER_HZ
		switch {
		case comm == "postgres":
			c.pg += secs
		case strings.HasPrefix(comm, "nats-server"):
			c.nats += secs
		}
	}
	return c
}

func report(b *testing.B, docs int, el time.Duration, c0 cpu) {
	c1 := readCPU()
	b.ReportMetric(float64(docs)/el.Seconds(), "docs/s")
	b.ReportMetric(c1.self-c0.self, "self-cpu-s")
	b.ReportMetric(c1.pg-c0.pg, "pg-cpu-s")
	b.ReportMetric(c1.nats-c0.nats, "nats-cpu-s")
}

// BenchmarkIngestANT measures documents per second over the ANT corpus
// (MARSAD_BENCH_DOCS documents, default all): the single-process ingest
// into SQLite and PostgreSQL, and 1, 2 and 4 queue workers (in this
// process, two documents at a time each, each with its own connection
// pool) into PostgreSQL. Publishing is not timed. Besides docs/s it
// reports the CPU seconds spent by this process (coder and clients), by
// the PostgreSQL server processes and by nats-server. Run with
// -benchtime=1x: one iteration is one whole ingest into a fresh store.
func BenchmarkIngestANT(b *testing.B) {
	benchIngest(b, antMessages(b, benchDocs(b)))
}

// BenchmarkIngestSynthetic is BenchmarkIngestANT over about 2,000 short
// generated reports spread over a year (sparse merge components).
func BenchmarkIngestSynthetic(b *testing.B) {
	benchIngest(b, queuetest.Messages(queuetest.Generate(2026, 800)))
}

func benchIngest(b *testing.B, msgs []queue.Message) {
	c := testCoder(b)
	ctx := context.Background()
	local := func(b *testing.B, url string) {
		for range b.N {
			b.StopTimer()
			st, err := open.Open(ctx, url)
			if err != nil {
				b.Fatal(err)
			}
			c0 := readCPU()
			b.StartTimer()
			start := time.Now()
			ingestLocally(b, st, c, msgs)
			el := time.Since(start)
			b.StopTimer()
			report(b, len(msgs), el, c0)
			st.Close()
		}
	}
	b.Run("sqlite/single-process", func(b *testing.B) {
		local(b, filepath.Join(b.TempDir(), "bench.db"))
	})
	b.Run("postgres/single-process", func(b *testing.B) {
		local(b, queuetest.Postgres(b))
	})
	for _, k := range []int{1, 2, 4} {
		b.Run("postgres/queue/workers="+strconv.Itoa(k), func(b *testing.B) {
			nc, js := queuetest.NATS(b)
			for range b.N {
				b.StopTimer()
				cfg := queuetest.Queue(b, js)
				url := queuetest.Postgres(b)
				e := &env{nc: nc, js: js, cfg: cfg, url: url}
				e.publish(b, msgs)
				qs, err := queue.ReadStatus(ctx, js, cfg, nil, 0)
				if err != nil {
					b.Fatal(err)
				}
				queued := int(qs.Queued) // the corpus repeats a few documents
				var stores []store.Store
				var workers []*queue.Worker
				for i := range k {
					st, err := open.Open(ctx, url)
					if err != nil {
						b.Fatal(err)
					}
					stores = append(stores, st)
					w, err := queue.NewWorker(ctx, js, cfg, st, c, queue.WorkerOptions{Name: "bench" + strconv.Itoa(i), Concurrency: 2, Log: quietLog()})
					if err != nil {
						b.Fatal(err)
					}
					workers = append(workers, w)
				}
				c0 := readCPU()
				b.StartTimer()
				start := time.Now()
				runCtx, cancel := context.WithCancel(ctx)
				done := make(chan error, k)
				for _, w := range workers {
					go func() { done <- w.Run(runCtx) }()
				}
				e.waitDrained(b, 30*time.Minute)
				el := time.Since(start)
				b.StopTimer()
				report(b, queued, el, c0)
				cancel()
				for range k {
					if err := <-done; err != nil {
						b.Error(err)
					}
				}
				var n int64
				for _, w := range workers {
					n += w.Stats().Processed
				}
				if n != int64(queued) {
					b.Errorf("%d documents processed, want %d", n, queued)
				}
				for _, st := range stores {
					st.Close()
				}
			}
		})
	}
}
