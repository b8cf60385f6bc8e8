// Package bench measures marsad on a corpus and reports figures people can
// compare with the project's targets: text analysis and coding throughput
// on one core, the gazetteer's load time and memory, the ingest rate and
// peak memory of a store, and the latency of the web page's main queries.
// `marsad bench` prints them; Go benchmarks in each package measure the same
// stages in isolation.
package bench

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/analysis"
	"github.com/marsad-dev/marsad/internal/ingest"
	"github.com/marsad-dev/marsad/internal/text"
)

// Corpus reads up to limit documents (all when limit <= 0) from inputs
// (files, directories or JSONL, as `marsad ingest` reads them), skipping
// bad inputs, and returns them as ingest items.
func Corpus(ctx context.Context, inputs []string, limit int) ([]ingest.Item, error) {
	var items []ingest.Item
	errEnough := errors.New("enough")
	err := ingest.Walk(ctx, inputs, ingest.Options{}, func(it ingest.Item) error {
		if it.Err != nil {
			return nil
		}
		items = append(items, it)
		if limit > 0 && len(items) >= limit {
			return errEnough
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return items, fmt.Errorf("read corpus: %w", err)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("read corpus %s: no documents", strings.Join(inputs, ", "))
	}
	return items, nil
}

// Throughput is what one pass of a stage over a corpus did, on one
// goroutine (so the rates are per core).
type Throughput struct {
	Stage     string
	Docs      int
	Bytes     int64
	Sentences int
	Events    int // events coded (the extract stage)
	Passes    int
	Elapsed   time.Duration
}

// MBps is the rate in megabytes (10^6 bytes) of text per second.
func (t Throughput) MBps() float64 { return float64(t.Bytes) / 1e6 / t.Elapsed.Seconds() }

// SentencesPerSec is the rate in sentences per second.
func (t Throughput) SentencesPerSec() float64 { return float64(t.Sentences) / t.Elapsed.Seconds() }

func (t Throughput) String() string {
	s := fmt.Sprintf("%-9s %6d docs %8.1f MB  %7.2f MB/s  %9.0f sentences/s  %6.0f docs/s",
		t.Stage, t.Docs/max(t.Passes, 1), float64(t.Bytes)/1e6/float64(max(t.Passes, 1)), t.MBps(), t.SentencesPerSec(),
		float64(t.Docs)/t.Elapsed.Seconds())
	if t.Events > 0 {
		s += fmt.Sprintf("  %d events", t.Events/max(t.Passes, 1))
	}
	return s
}

// run calls fn over docs, in passes, until at least minTime has passed
// (one pass at least), and returns the totals.
func run(stage string, docs []text.Document, minTime time.Duration, fn func(text.Document) (sentences, events int)) Throughput {
	t := Throughput{Stage: stage}
	start := time.Now()
	for t.Passes == 0 || time.Since(start) < minTime {
		for _, d := range docs {
			s, e := fn(d)
			t.Sentences += s
			t.Events += e
			t.Bytes += int64(len(d.Text))
			t.Docs++
		}
		t.Passes++
	}
	t.Elapsed = time.Since(start)
	return t
}

// Analysis runs the text analysis (tokens, sentences, numbers, dates) over
// docs on one goroutine.
func Analysis(docs []text.Document, minTime time.Duration) Throughput {
	a := analysis.New()
	return run("analysis", docs, minTime, func(d text.Document) (int, int) {
		r := a.Analyze(d.Text, d.Lang, d.Published)
		return len(r.Sentences), 0
	})
}

// Docs returns the documents of items.
func Docs(items []ingest.Item) []text.Document {
	docs := make([]text.Document, len(items))
	for i, it := range items {
		docs[i] = it.Doc
	}
	return docs
}

// PeakRSS returns the process's peak resident set size in bytes (VmHWM
// from /proc/self/status), or 0 where that is not available.
func PeakRSS() int64 { return procStatus("VmHWM:") }

// RSS returns the process's resident set size in bytes, or 0.
func RSS() int64 { return procStatus("VmRSS:") }

func procStatus(key string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, key); ok {
			f := strings.Fields(rest)
			if len(f) >= 1 {
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

// HeapInUse returns the live heap after a collection, in bytes.
func HeapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
