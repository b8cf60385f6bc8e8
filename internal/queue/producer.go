package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ErrTooLarge is returned (wrapped) by Producer.Publish for a document whose
// message exceeds the server's payload limit.
var ErrTooLarge = errors.New("message larger than the server's max_payload")

// ProducerOptions tune a Producer. The zero value works.
type ProducerOptions struct {
	// Window is the most publishes awaiting their acknowledgement
	// (256 when 0). Publish blocks while the window is full.
	Window int
}

// PublishCounts says what a Producer did.
type PublishCounts struct {
	Published int // stored in the stream
	Duplicate int // dropped by the server's deduplication window
	Failed    int // not acknowledged (see Producer.Flush's error)
}

// Producer publishes documents to a queue with asynchronous publishes whose
// acknowledgements it awaits in order, with at most Window outstanding. It
// is not safe for concurrent use.
type Producer struct {
	js         jetstream.JetStream
	cfg        Config
	window     int
	maxPayload int64
	pending    []pendingPub
	counts     PublishCounts
	errs       []error
}

type pendingPub struct {
	fut    jetstream.PubAckFuture
	origin string
}

// NewProducer sets the queue up (see Setup) and returns a producer on it.
func NewProducer(ctx context.Context, nc *nats.Conn, cfg Config, opt ProducerOptions) (*Producer, error) {
	if opt.Window <= 0 {
		opt.Window = 256
	}
	// The client's own limit sits above our window, so it never stalls.
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(2*opt.Window))
	if err != nil {
		return nil, fmt.Errorf("JetStream: %w", err)
	}
	if err := Setup(ctx, js, cfg); err != nil {
		return nil, err
	}
	return &Producer{js: js, cfg: cfg.withDefaults(), window: opt.Window, maxPayload: nc.MaxPayload()}, nil
}

// Publish queues one message, first waiting for the oldest outstanding
// acknowledgement while the window is full. It returns an error wrapping
// ErrTooLarge for a message over the payload limit (nothing is sent), a
// client error, or ctx's error; failed acknowledgements are reported by
// Flush.
func (p *Producer) Publish(ctx context.Context, m Message) error {
	data, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode %s: %w", m.Doc.ID, err)
	}
	if int64(len(data))+512 > p.maxPayload {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), p.maxPayload)
	}
	for len(p.pending) >= p.window {
		if err := p.settleOldest(ctx); err != nil {
			return err
		}
	}
	msg := nats.NewMsg(p.cfg.Subject())
	msg.Data = data
	fut, err := p.js.PublishMsgAsync(msg, jetstream.WithMsgID(m.MsgID()), jetstream.WithExpectStream(p.cfg.Stream))
	if err != nil {
		return fmt.Errorf("publish %s: %w", m.Origin, err)
	}
	p.pending = append(p.pending, pendingPub{fut: fut, origin: m.Origin})
	return nil
}

// settleOldest waits for the oldest outstanding acknowledgement.
func (p *Producer) settleOldest(ctx context.Context) error {
	pp := p.pending[0]
	select {
	case ack := <-pp.fut.Ok():
		if ack.Duplicate {
			p.counts.Duplicate++
		} else {
			p.counts.Published++
		}
	case err := <-pp.fut.Err():
		p.counts.Failed++
		p.errs = append(p.errs, fmt.Errorf("publish %s: %w", pp.origin, err))
	case <-ctx.Done():
		return ctx.Err()
	}
	p.pending = p.pending[1:]
	return nil
}

// Flush waits for every outstanding acknowledgement and returns the
// publishes that failed, joined.
func (p *Producer) Flush(ctx context.Context) error {
	for len(p.pending) > 0 {
		if err := p.settleOldest(ctx); err != nil {
			return err
		}
	}
	return errors.Join(p.errs...)
}

// Counts returns what has been acknowledged so far.
func (p *Producer) Counts() PublishCounts { return p.counts }
