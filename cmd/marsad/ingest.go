package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/marsad-dev/marsad/internal/coder"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/ingest"
	"github.com/marsad-dev/marsad/internal/queue"
	"github.com/marsad-dev/marsad/internal/store"
)

// errSkipped is returned with --strict when some inputs were skipped.
type errSkipped struct{ n int }

func (e errSkipped) Error() string { return fmt.Sprintf("%d inputs skipped (--strict)", e.n) }
func (e errSkipped) ExitCode() int { return 3 }

func (m *Main) runIngest(ctx context.Context, args []string) error {
	fs := m.newFlagSet("ingest", "[--db URL | --queue nats://HOST:4222 [--stream NAME]] [--strict] [--workers N] [--lang ar|en] [--source NAME] PATH|URL...")
	db := addDBFlag(fs)
	strict := fs.Bool("strict", false, "exit non-zero when any input was skipped")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents coded in parallel")
	lang := fs.String("lang", "", "language of inputs that do not say (ar or en; default: detect)")
	source := fs.String("source", "", "outlet name for inputs that do not give one")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest document accepted, in bytes")
	published := fs.String("published", "", "publication date `YYYY-MM-DD` for inputs that do not give one")
	queueURL := fs.String("queue", "", "publish the documents to the NATS JetStream queue at `URL` (nats://HOST:4222) for marsad worker instead of coding them here")
	stream := addStreamFlag(fs)
	cf := addCoderFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("no input: give files, directories, JSONL files, feeds or URLs")
	}
	pub, err := parseDate(*published)
	if err != nil {
		return err
	}
	if *queueURL != "" {
		sum, err := publishAll(ctx, *queueURL, queue.Config{Stream: *stream}, fs.Args(),
			ingest.Options{MaxBytes: *maxBytes, Lang: *lang, Source: *source}, pub, 256, m.logger())
		fmt.Fprint(m.Stderr, sum.String())
		if err != nil {
			return err
		}
		if *strict && sum.skipped > 0 {
			return errSkipped{sum.skipped}
		}
		return nil
	}
	c, err := cf.coder()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := ingestAll(ctx, st, c, fs.Args(), ingest.Options{MaxBytes: *maxBytes, Lang: *lang, Source: *source}, pub, *workers, m.logger())
	fmt.Fprint(m.Stderr, sum.String())
	if err != nil {
		return err
	}
	if *strict && sum.skipped > 0 {
		return errSkipped{sum.skipped}
	}
	return nil
}

// ingestSummary counts what an ingest run did.
type ingestSummary struct {
	mu                                  sync.Mutex
	read, inserted, replaced, unchanged int
	skipped, events                     int
	reasons                             map[string][]string
	start                               time.Time
}

func (s *ingestSummary) skip(origin string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.skipped++
	r := ingest.Reason(err)
	if s.reasons == nil {
		s.reasons = map[string][]string{}
	}
	s.reasons[r] = append(s.reasons[r], fmt.Sprintf("%s: %v", origin, err))
}

func (s *ingestSummary) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	el := time.Since(s.start).Seconds()
	fmt.Fprintf(&b, "ingest: %d documents read, %d new, %d replaced, %d unchanged, %d skipped, %d events coded in %.1fs (%.1f docs/s)\n",
		s.read, s.inserted, s.replaced, s.unchanged, s.skipped, s.events, el, float64(s.read)/max(el, 1e-9))
	reasons := make([]string, 0, len(s.reasons))
	for r := range s.reasons {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		list := s.reasons[r]
		fmt.Fprintf(&b, "  skipped (%s): %d\n", r, len(list))
		for i, l := range list {
			if i == 10 {
				fmt.Fprintf(&b, "    ... and %d more\n", len(list)-10)
				break
			}
			fmt.Fprintf(&b, "    %s\n", l)
		}
	}
	return b.String()
}

// ingestAll reads inputs, codes documents on several workers and writes
// each document with its events in one store transaction. A document is
// reported done only after its transaction commits, so a killed run loses
// nothing it reported, and re-running skips what is already stored.
func ingestAll(ctx context.Context, st store.Store, c *coder.Coder, inputs []string, opt ingest.Options, published time.Time, workers int, log *slog.Logger) (*ingestSummary, error) {
	sum := &ingestSummary{start: time.Now()}
	type coded struct {
		item ingest.Item
		res  event.Result
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan ingest.Item, workers*4)
	out := make(chan coded, workers*4)
	var walkErr error
	go func() {
		defer close(items)
		walkErr = ingest.Walk(ctx, inputs, opt, func(it ingest.Item) error {
			if it.Err != nil {
				sum.skip(it.Origin, it.Err)
				return nil
			}
			if it.Doc.Published.IsZero() {
				it.Doc.Published = published
			}
			select {
			case items <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				if ok, err := st.HasDocument(ctx, it.Doc.ID, it.Hash); err == nil && ok {
					out <- coded{item: it} // unchanged: no need to code it again
					continue
				}
				out <- coded{item: it, res: c.Code(it.Doc)}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	var firstErr error
	for cd := range out {
		if firstErr != nil {
			continue // drain
		}
		sum.mu.Lock()
		sum.read++
		sum.mu.Unlock()
		if cd.res.ID == "" {
			sum.mu.Lock()
			sum.unchanged++
			sum.mu.Unlock()
			continue
		}
		d := cd.item.Doc
		doc := store.Document{ID: d.ID, URL: d.URL, Outlet: d.Source, Title: d.Title, Published: d.Published,
			Lang: cd.res.Lang, Hash: cd.item.Hash, SimHash: cd.item.SimHash, Text: d.Text}
		pr, err := st.PutDocument(ctx, doc, cd.res)
		if err != nil {
			firstErr = fmt.Errorf("store %s: %w", cd.item.Origin, err)
			cancel()
			continue
		}
		sum.mu.Lock()
		switch pr.Status {
		case store.Inserted:
			sum.inserted++
			sum.events += len(cd.res.Events)
		case store.Replaced:
			sum.replaced++
			sum.events += len(cd.res.Events)
		default:
			sum.unchanged++
		}
		sum.mu.Unlock()
		select {
		case <-tick.C:
			sum.mu.Lock()
			log.Info("ingest progress", "read", sum.read, "new", sum.inserted, "skipped", sum.skipped, "events", sum.events,
				"docs_per_s", fmt.Sprintf("%.1f", float64(sum.read)/time.Since(sum.start).Seconds()))
			sum.mu.Unlock()
		default:
		}
	}
	if firstErr != nil {
		return sum, firstErr
	}
	if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		return sum, walkErr
	}
	return sum, ctx.Err()
}
