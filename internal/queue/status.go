package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/marsad-dev/marsad/internal/store"
)

// Status is a snapshot of a queue and its record.
type Status struct {
	Stream string `json:"stream"`
	// Queued counts the documents in the work-queue stream: not yet
	// delivered plus delivered and not yet acknowledged.
	Queued uint64 `json:"queued"`
	// Pending counts documents not yet delivered to any worker.
	Pending uint64 `json:"pending"`
	// InFlight counts documents delivered and not yet acknowledged.
	InFlight int `json:"in_flight"`
	// Redelivered counts in-flight documents delivered more than once.
	Redelivered int `json:"redelivered"`
	// Done is the store's summary: Documents is the documents stored.
	Done store.Stats `json:"done"`
	// DeadLettered counts the dead letters kept; LastDead are the latest.
	DeadLettered uint64       `json:"dead_lettered"`
	LastDead     []DeadLetter `json:"last_dead,omitempty"`
	// Workers are the latest heartbeats (gone after HeartbeatTTL).
	Workers []WorkerStats `json:"workers"`
	At      time.Time     `json:"at"`
}

// DeadLetter is one dead-lettered document.
type DeadLetter struct {
	Seq        uint64    `json:"seq"` // in the dead-letter stream
	Time       time.Time `json:"time"`
	DocID      string    `json:"doc_id"`
	Origin     string    `json:"origin,omitempty"`
	Reason     string    `json:"reason"`
	Deliveries int       `json:"deliveries"`
	Worker     string    `json:"worker"`
}

// ReadStatus reads the queue's state from JetStream and the record's from
// st (nil: not read), with the lastDead latest dead letters.
func ReadStatus(ctx context.Context, js jetstream.JetStream, cfg Config, st store.Store, lastDead int) (Status, error) {
	cfg = cfg.withDefaults()
	s := Status{Stream: cfg.Stream, At: time.Now(), Workers: []WorkerStats{}}
	stream, err := js.Stream(ctx, cfg.Stream)
	if err != nil {
		return s, fmt.Errorf("stream %s: %w", cfg.Stream, err)
	}
	si, err := stream.Info(ctx)
	if err != nil {
		return s, fmt.Errorf("stream %s: %w", cfg.Stream, err)
	}
	s.Queued, s.Pending = si.State.Msgs, si.State.Msgs
	ci, err := js.Consumer(ctx, cfg.Stream, cfg.Consumer)
	switch {
	case err == nil:
		info, err := ci.Info(ctx)
		if err != nil {
			return s, fmt.Errorf("consumer %s: %w", cfg.Consumer, err)
		}
		s.Pending, s.InFlight, s.Redelivered = info.NumPending, info.NumAckPending, info.NumRedelivered
	case errors.Is(err, jetstream.ErrConsumerNotFound):
		// no worker has started yet: everything is pending
	default:
		return s, fmt.Errorf("consumer %s: %w", cfg.Consumer, err)
	}
	if s.DeadLettered, s.LastDead, err = readDead(ctx, js, cfg, lastDead); err != nil {
		return s, err
	}
	if s.Workers, err = readWorkers(ctx, js, cfg); err != nil {
		return s, err
	}
	if st != nil {
		if s.Done, err = st.Stats(ctx); err != nil {
			return s, fmt.Errorf("store stats: %w", err)
		}
	}
	return s, nil
}

func readDead(ctx context.Context, js jetstream.JetStream, cfg Config, last int) (uint64, []DeadLetter, error) {
	ds, err := js.Stream(ctx, cfg.DeadLetterStream())
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, fmt.Errorf("stream %s: %w", cfg.DeadLetterStream(), err)
	}
	info, err := ds.Info(ctx)
	if err != nil {
		return 0, nil, fmt.Errorf("stream %s: %w", cfg.DeadLetterStream(), err)
	}
	var out []DeadLetter
	for seq := info.State.LastSeq; seq >= info.State.FirstSeq && seq > 0 && len(out) < last; seq-- {
		m, err := ds.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return 0, nil, fmt.Errorf("dead letter %d: %w", seq, err)
		}
		n, _ := strconv.Atoi(m.Header.Get(HeaderDeliveries))
		dl := DeadLetter{Seq: m.Sequence, Time: m.Time, DocID: m.Header.Get(HeaderDocID), Origin: m.Header.Get(HeaderOrigin),
			Reason: m.Header.Get(HeaderReason), Deliveries: n, Worker: m.Header.Get(HeaderWorker)}
		if dl.DocID == "" {
			if msg, err := decodeMessage(m.Data); err == nil {
				dl.DocID, dl.Origin = msg.Doc.ID, msg.Origin
			}
		}
		out = append(out, dl)
	}
	return info.State.Msgs, out, nil
}

func readWorkers(ctx context.Context, js jetstream.JetStream, cfg Config) ([]WorkerStats, error) {
	out := []WorkerStats{}
	kv, err := js.KeyValue(ctx, cfg.WorkersBucket())
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("bucket %s: %w", cfg.WorkersBucket(), err)
	}
	keys, err := kv.Keys(ctx)
	if errors.Is(err, jetstream.ErrNoKeysFound) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("bucket %s: %w", cfg.WorkersBucket(), err)
	}
	for _, k := range keys {
		e, err := kv.Get(ctx, k)
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			continue // expired meanwhile
		}
		if err != nil {
			return nil, fmt.Errorf("heartbeat %s: %w", k, err)
		}
		var ws WorkerStats
		if err := json.Unmarshal(e.Value(), &ws); err != nil {
			return nil, fmt.Errorf("heartbeat %s: %w", k, err)
		}
		out = append(out, ws)
	}
	slices.SortFunc(out, func(a, b WorkerStats) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// WriteText writes the status as a short human-readable report.
func (s Status) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "queue %s at %s\n", s.Stream, s.At.Format(time.RFC3339))
	fmt.Fprintf(&b, "  pending       %d\n  in flight     %d (redelivered %d)\n", s.Pending, s.InFlight, s.Redelivered)
	fmt.Fprintf(&b, "  done          %d documents, %d events, %d claims\n", s.Done.Documents, s.Done.Events, s.Done.Claims)
	fmt.Fprintf(&b, "  dead-lettered %d\n", s.DeadLettered)
	for _, d := range s.LastDead {
		fmt.Fprintf(&b, "    #%d %s %s (%d deliveries, %s): %s\n", d.Seq, d.Time.Format(time.RFC3339), d.DocID, d.Deliveries, d.Worker, d.Reason)
	}
	var total float64
	fmt.Fprintf(&b, "  workers       %d\n", len(s.Workers))
	for _, w := range s.Workers {
		age := s.At.Sub(w.Updated).Round(time.Second)
		fmt.Fprintf(&b, "    %-24s %-8s %7.1f docs/s (mean %.1f)  processed %d (new %d, unchanged %d)  failed %d  dead %d  in flight %d  seen %s ago\n",
			w.Name, w.State, w.Rate, w.MeanRate, w.Processed, w.Inserted, w.Unchanged, w.Failed, w.DeadLettered, w.InFlight, age)
		if w.State == "running" {
			total += w.Rate
		}
	}
	if len(s.Workers) > 0 {
		fmt.Fprintf(&b, "  rate          %.1f docs/s over running workers\n", total)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
