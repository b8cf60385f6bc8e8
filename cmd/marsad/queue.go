package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"github.com/marsad-dev/marsad/internal/ingest"
	"github.com/marsad-dev/marsad/internal/queue"
)

// addStreamFlag adds --stream, the queue's JetStream stream name.
func addStreamFlag(fs *flag.FlagSet) *string {
	return fs.String("stream", queue.DefaultStream, "JetStream stream `NAME` of the queue (the consumer, dead-letter stream and heartbeat bucket derive from it)")
}

// publishAll is `marsad ingest --queue`: it reads inputs like a local
// ingest and publishes every document to the queue instead of coding it,
// awaiting each publish's acknowledgement (at most window outstanding).
func publishAll(ctx context.Context, natsURL string, cfg queue.Config, inputs []string, opt ingest.Options,
	published time.Time, window int, log *slog.Logger) (*publishSummary, error) {
	sum := &publishSummary{ingestSummary: ingestSummary{start: time.Now()}}
	nc, _, err := queue.Connect(natsURL, "marsad ingest")
	if err != nil {
		return sum, err
	}
	defer nc.Close()
	p, err := queue.NewProducer(ctx, nc, cfg, queue.ProducerOptions{Window: window})
	if err != nil {
		return sum, err
	}
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	walkErr := ingest.Walk(ctx, inputs, opt, func(it ingest.Item) error {
		if it.Err != nil {
			sum.skip(it.Origin, it.Err)
			return nil
		}
		if it.Doc.Published.IsZero() {
			it.Doc.Published = published
		}
		err := p.Publish(ctx, queue.MessageOf(it))
		if errors.Is(err, queue.ErrTooLarge) {
			sum.skip(it.Origin, fmt.Errorf("%w: %v", ingest.ErrTooLarge, err))
			return nil
		}
		if err != nil {
			return err
		}
		sum.read++
		select {
		case <-tick.C:
			c := p.Counts()
			log.Info("publish progress", "read", sum.read, "published", c.Published, "duplicate", c.Duplicate, "skipped", sum.skipped)
		default:
		}
		return nil
	})
	flushErr := p.Flush(context.WithoutCancel(ctx))
	sum.counts = p.Counts()
	return sum, errors.Join(walkErr, flushErr)
}

// publishSummary counts what a publishing run did.
type publishSummary struct {
	ingestSummary
	counts queue.PublishCounts
}

func (s *publishSummary) String() string {
	el := time.Since(s.start).Seconds()
	head := fmt.Sprintf("ingest --queue: %d documents read, %d queued, %d already queued (deduplicated), %d failed, %d skipped in %.1fs (%.1f docs/s)\n",
		s.read, s.counts.Published, s.counts.Duplicate, s.counts.Failed, s.skipped, el, float64(s.read)/max(el, 1e-9))
	// The skip list comes from the local ingest's summary, minus its head line.
	rest := s.ingestSummary.String()
	for i := 0; i < len(rest); i++ {
		if rest[i] == '\n' {
			rest = rest[i+1:]
			break
		}
	}
	return head + rest
}
