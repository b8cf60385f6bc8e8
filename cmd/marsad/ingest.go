package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
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
	fs := m.newFlagSet("ingest", "[--db URL | --queue nats://HOST:4222 [--stream NAME]] [--watch 15m [--state FILE]] [--strict] [--workers N] [--lang ar|en] [--source NAME] PATH|URL...")
	db := addDBFlag(fs)
	strict := fs.Bool("strict", false, "exit non-zero when any input was skipped")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents coded in parallel")
	lang := fs.String("lang", "", "language of inputs that do not say (ar or en; default: detect)")
	source := fs.String("source", "", "outlet name for inputs that do not give one")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest document accepted, in bytes")
	published := fs.String("published", "", "publication date `YYYY-MM-DD` for inputs that do not give one")
	queueURL := fs.String("queue", "", "publish the documents to the NATS JetStream queue at `URL` (nats://HOST:4222) for marsad worker instead of coding them here")
	watch := fs.Duration("watch", 0, "keep polling the RSS/Atom feeds given as arguments every `INTERVAL` (e.g. 15m) and ingest new items until interrupted")
	statePath := fs.String("state", "", "with --watch: JSON `FILE` keeping each feed's ETag/Last-Modified and seen items across restarts")
	memLimit := fs.Int("memory-limit", 128, "soft limit of the Go heap in `MB` (0: none; GOMEMLIMIT, when set, wins): the garbage collector works harder near it, keeping RSS near the dictionaries' size plus SQLite's cache")
	stream := addStreamFlag(fs)
	cf := addCoderFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("no input: give files, directories, JSONL files, feeds or URLs")
	}
	if *memLimit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(*memLimit) << 20)
	}
	pub, err := parseDate(*published)
	if err != nil {
		return err
	}
	if *watch < 0 {
		return fmt.Errorf("--watch %v: the interval must be positive", *watch)
	}
	if *statePath != "" && *watch == 0 {
		return errors.New("--state needs --watch")
	}
	opt := ingest.Options{MaxBytes: *maxBytes, Lang: *lang, Source: *source}
	if *queueURL != "" {
		if *watch > 0 {
			return errors.New("--watch with --queue is not supported yet: run the watcher with --db, or publish feed snapshots with --queue")
		}
		sum, err := publishAll(ctx, *queueURL, queue.Config{Stream: *stream}, fs.Args(), opt, pub, 256, m.logger())
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
	if *watch > 0 {
		err := watchFeeds(ctx, st, c, fs.Args(), opt, pub, *watch, *statePath, m.Stderr, m.logger())
		if errors.Is(err, context.Canceled) {
			return nil // interrupted: everything reported is stored
		}
		return err
	}
	sum, err := ingestAll(ctx, st, c, fs.Args(), opt, pub, *workers, ingest.NewProgress(m.Stderr), m.logger())
	fmt.Fprint(m.Stderr, sum.String())
	if err != nil {
		return err
	}
	if *strict && sum.skipped > 0 {
		return errSkipped{sum.skipped}
	}
	return nil
}

// watchFeeds polls feeds until ctx is done. Each new item is coded and
// stored before the watcher marks it seen, so a killed watcher loses
// nothing: an item it had not stored is emitted again on the next run.
func watchFeeds(ctx context.Context, st store.Store, c *coder.Coder, feeds []string, opt ingest.Options, published time.Time, every time.Duration, statePath string, out io.Writer, log *slog.Logger) error {
	sum := &ingestSummary{start: time.Now()}
	w := &ingest.Watcher{
		Feeds:     feeds,
		Interval:  every,
		StatePath: statePath,
		Options:   opt,
		Logger:    log,
		Emit: func(it ingest.Item) error {
			if it.Err != nil {
				sum.skip(it.Origin, it.Err)
				log.Warn("feed item skipped", "item", it.Origin, "reason", ingest.Reason(it.Err), "err", it.Err)
				return nil
			}
			if it.Doc.Published.IsZero() {
				it.Doc.Published = published
			}
			pr, n, err := storeItem(ctx, st, c, it)
			if err != nil {
				return err
			}
			sum.count(pr.Status, n)
			if pr.Status != store.Unchanged {
				log.Info("feed item stored", "item", it.Origin, "id", it.Doc.ID, "status", pr.Status, "events", n)
			}
			return nil
		},
	}
	log.Info("watching feeds", "feeds", len(feeds), "every", every.String())
	err := w.Run(ctx)
	fmt.Fprint(out, sum.String())
	return err
}

// storeItem codes an item (unless this version is already stored) and
// writes it with its events in one transaction; n is the events coded.
func storeItem(ctx context.Context, st store.Store, c *coder.Coder, it ingest.Item) (store.PutResult, int, error) {
	if ok, err := st.HasDocument(ctx, it.Doc.ID, it.Hash); err != nil {
		return store.PutResult{}, 0, fmt.Errorf("store %s: %w", it.Origin, err)
	} else if ok {
		return store.PutResult{Status: store.Unchanged}, 0, nil
	}
	res := c.Code(it.Doc)
	pr, err := st.PutDocument(ctx, store.DocumentOf(it.Doc, it.Hash, it.SimHash, res.Lang), res)
	if err != nil {
		return pr, 0, fmt.Errorf("store %s: %w", it.Origin, err)
	}
	return pr, len(res.Events), nil
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

// count records one stored document.
func (s *ingestSummary) count(st store.PutStatus, events int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.read++
	switch st {
	case store.Inserted:
		s.inserted++
		s.events += events
	case store.Replaced:
		s.replaced++
		s.events += events
	default:
		s.unchanged++
	}
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
func ingestAll(ctx context.Context, st store.Store, c *coder.Coder, inputs []string, opt ingest.Options, published time.Time, workers int, prog *ingest.Progress, log *slog.Logger) (*ingestSummary, error) {
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
				prog.Item(it)
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
	var firstErr error
	for cd := range out {
		if firstErr != nil {
			continue // drain
		}
		if cd.res.ID == "" {
			sum.count(store.Unchanged, 0)
			prog.Item(cd.item)
			continue
		}
		pr, err := st.PutDocument(ctx, store.DocumentOf(cd.item.Doc, cd.item.Hash, cd.item.SimHash, cd.res.Lang), cd.res)
		if err != nil {
			firstErr = fmt.Errorf("store %s: %w", cd.item.Origin, err)
			cancel()
			continue
		}
		n := len(cd.res.Events)
		if pr.Status == store.Unchanged {
			n = 0
		}
		sum.count(pr.Status, n)
		prog.Item(cd.item)
		prog.Events(n)
	}
	prog.Done()
	log.Debug("ingest finished", "read", sum.read, "skipped", sum.skipped)
	if firstErr != nil {
		return sum, firstErr
	}
	if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		return sum, walkErr
	}
	return sum, ctx.Err()
}
