package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/text"
)

// Coder codes one document (coder.Coder is one).
type Coder interface {
	Code(doc text.Document) event.Result
}

// WorkerOptions tune a Worker. The zero value works.
type WorkerOptions struct {
	// Name identifies the worker in metrics, heartbeats and dead letters
	// (hostname-pid when empty).
	Name string
	// Concurrency is the most documents worked on at once; the worker never
	// holds more unacknowledged messages than this (GOMAXPROCS when 0).
	Concurrency int
	// MaxDeliver is how many attempts a document gets before it is
	// dead-lettered (5 when 0). A document delivered more often than this
	// without an outcome (its workers crashed or lost it) is dead-lettered
	// on its next delivery.
	MaxDeliver int
	// Timeout limits coding one document (30 s when 0).
	Timeout time.Duration
	// Backoff is the redelivery delay after the nth failed attempt
	// (Backoff[n-1], the last entry repeating; 1 s, 5 s, 30 s, 2 min when
	// nil).
	Backoff []time.Duration
	// StoreRetryFor is how long a transient store error (connection lost,
	// serialization failure, deadlock) is retried in place, holding the
	// message, before the attempt counts as failed (2 min when 0).
	StoreRetryFor time.Duration
	// Grace is how long Run waits, once its context is done, for documents
	// in flight before it gives up on them and naks them (Timeout when 0).
	Grace time.Duration
	// FetchWait is the longest one pull request waits (1 s when 0); it
	// bounds how long a stop request waits for the fetch loop.
	FetchWait time.Duration
	// Heartbeat is the interval of the worker's heartbeat in the workers
	// bucket (5 s when 0).
	Heartbeat time.Duration
	// Metrics receives the worker's metrics (NewMetrics(Name) when nil).
	Metrics *Metrics
	// Log receives the worker's logs (slog.Default() when nil).
	Log *slog.Logger
}

func (o WorkerOptions) withDefaults() WorkerOptions {
	if o.Name == "" {
		host, _ := os.Hostname()
		o.Name = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	o.Name = keySafe(o.Name)
	if o.Concurrency <= 0 {
		o.Concurrency = runtime.GOMAXPROCS(0)
	}
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = 5
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if len(o.Backoff) == 0 {
		o.Backoff = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second, 2 * time.Minute}
	}
	if o.StoreRetryFor <= 0 {
		o.StoreRetryFor = 2 * time.Minute
	}
	if o.Grace <= 0 {
		o.Grace = o.Timeout
	}
	if o.FetchWait <= 0 {
		o.FetchWait = time.Second
	}
	if o.Heartbeat <= 0 {
		o.Heartbeat = 5 * time.Second
	}
	if o.Metrics == nil {
		o.Metrics = NewMetrics(o.Name)
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	return o
}

// keySafe maps a name to the characters a key-value key may hold.
func keySafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, s)
}

// WorkerStats are a worker's counts, published as its heartbeat.
type WorkerStats struct {
	Name    string    `json:"name"`
	Host    string    `json:"host"`
	PID     int       `json:"pid"`
	State   string    `json:"state"` // "running", "stopping" or "stopped"
	Started time.Time `json:"started"`
	Updated time.Time `json:"updated"`
	// Processed = Inserted + Replaced + Unchanged: documents acknowledged.
	Processed    int64 `json:"processed"`
	Inserted     int64 `json:"inserted"`
	Replaced     int64 `json:"replaced"`
	Unchanged    int64 `json:"unchanged"`
	Failed       int64 `json:"failed"` // failed attempts
	DeadLettered int64 `json:"dead_lettered"`
	InFlight     int64 `json:"in_flight"`
	// Rate is documents processed per second over the last heartbeat
	// interval; MeanRate since the start.
	Rate     float64 `json:"rate"`
	MeanRate float64 `json:"mean_rate"`
}

// Worker pulls documents from a queue, codes them, stores them and
// acknowledges them. Create it with NewWorker and start it with Run.
type Worker struct {
	js    jetstream.JetStream
	cons  jetstream.Consumer
	kv    jetstream.KeyValue
	cfg   Config
	st    store.Store
	coder Coder
	opt   WorkerOptions
	m     *Metrics
	log   *slog.Logger

	started                                         time.Time
	inserted, replaced, unchanged, failed, dead, in atomic.Int64
	abandonedN                                      atomic.Int64
	state                                           atomic.Value // string
}

// NewWorker sets the queue up (see Setup), creates or updates the durable
// consumer and returns a worker on it.
func NewWorker(ctx context.Context, js jetstream.JetStream, cfg Config, st store.Store, c Coder, opt WorkerOptions) (*Worker, error) {
	if err := Setup(ctx, js, cfg); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	cons, err := consumer(ctx, js, cfg)
	if err != nil {
		return nil, err
	}
	kv, err := js.KeyValue(ctx, cfg.WorkersBucket())
	if err != nil {
		return nil, fmt.Errorf("bucket %s: %w", cfg.WorkersBucket(), err)
	}
	opt = opt.withDefaults()
	w := &Worker{js: js, cons: cons, kv: kv, cfg: cfg, st: st, coder: c, opt: opt, m: opt.Metrics,
		log: opt.Log.With("worker", opt.Name), started: time.Now()}
	w.state.Store("running")
	return w, nil
}

// Name returns the worker's name.
func (w *Worker) Name() string { return w.opt.Name }

// Metrics returns the worker's metrics.
func (w *Worker) Metrics() *Metrics { return w.m }

// Stats returns the worker's counts now.
func (w *Worker) Stats() WorkerStats {
	host, _ := os.Hostname()
	s := WorkerStats{Name: w.opt.Name, Host: host, PID: os.Getpid(), State: w.state.Load().(string),
		Started: w.started, Updated: time.Now(),
		Inserted: w.inserted.Load(), Replaced: w.replaced.Load(), Unchanged: w.unchanged.Load(),
		Failed: w.failed.Load(), DeadLettered: w.dead.Load(), InFlight: w.in.Load()}
	s.Processed = s.Inserted + s.Replaced + s.Unchanged
	if el := s.Updated.Sub(s.Started).Seconds(); el > 0 {
		s.MeanRate = float64(s.Processed) / el
	}
	return s
}

// Run works until ctx is done, then stops fetching, lets the documents in
// flight finish for up to Grace, naks the rest and returns. It returns nil
// after a stop requested through ctx.
func (w *Worker) Run(ctx context.Context) error {
	// Work in flight outlives ctx by up to Grace.
	workCtx, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	hbCtx, stopHB := context.WithCancel(context.WithoutCancel(ctx))
	hbDone := make(chan struct{})
	go func() { defer close(hbDone); w.heartbeats(hbCtx) }()

	slots := make(chan struct{}, w.opt.Concurrency)
	release := func(n int) {
		for range n {
			<-slots
		}
	}
	var wg sync.WaitGroup
	w.log.Info("worker started", "stream", w.cfg.Stream, "consumer", w.cfg.Consumer, "concurrency", w.opt.Concurrency)
loop:
	for ctx.Err() == nil {
		// Backpressure: ask the server for as many documents as there are
		// free slots, never more.
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			break loop
		}
		// Coder calls past their time limit still burn CPU: while as many
		// run as there are slots, take no more work.
		for w.abandonedN.Load() >= int64(w.opt.Concurrency) && ctx.Err() == nil {
			w.log.Error("as many coder calls past their time limit as slots: waiting for them (restart the worker if they never end)",
				"abandoned", w.abandonedN.Load())
			sleepCtx(ctx, time.Second)
		}
		n := 1
	fill:
		for n < w.opt.Concurrency {
			select {
			case slots <- struct{}{}:
				n++
			default:
				break fill
			}
		}
		batch, err := w.cons.Fetch(n, jetstream.FetchMaxWait(w.opt.FetchWait))
		if err != nil {
			release(n)
			w.log.Warn("fetch failed", "err", err)
			if !sleepCtx(ctx, time.Second) {
				break loop
			}
			continue
		}
		got := 0
		for msg := range batch.Messages() {
			got++
			if ctx.Err() != nil {
				// Stopping: hand it straight back.
				if err := msg.Nak(); err != nil {
					w.log.Warn("nak failed", "err", err)
				}
				w.m.failed.WithLabelValues("shutdown").Inc()
				release(1)
				continue
			}
			wg.Add(1)
			w.in.Add(1)
			w.m.inFlight.Inc()
			go func() {
				defer wg.Done()
				w.handle(workCtx, msg)
				w.in.Add(-1)
				w.m.inFlight.Dec()
				release(1)
			}()
		}
		release(n - got)
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, jetstream.ErrNoMessages) {
			w.log.Warn("fetch ended with an error", "err", err)
		}
	}
	w.state.Store("stopping")
	w.log.Info("worker stopping", "in_flight", w.in.Load())
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(w.opt.Grace):
		w.log.Warn("grace period over: nak the documents still in flight", "in_flight", w.in.Load())
		cancelWork()
		<-done
	}
	// The naks above are fire-and-forget: make sure they left.
	if err := w.js.Conn().FlushTimeout(2 * time.Second); err != nil {
		w.log.Warn("flush", "err", err)
	}
	w.state.Store("stopped")
	stopHB()
	<-hbDone
	w.log.Info("worker stopped", "processed", w.Stats().Processed)
	return nil
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// failure is a failed attempt at a document.
type failure struct {
	reason string // metric label: panic, timeout, store, transient, decode, shutdown
	err    error
	final  bool // retrying cannot help: dead-letter now
}

func (f *failure) Error() string { return f.reason + ": " + f.err.Error() }
func (f *failure) Unwrap() error { return f.err }

// handle works on one message until it is acknowledged, nak'ed or
// dead-lettered.
func (w *Worker) handle(ctx context.Context, msg jetstream.Msg) {
	start := time.Now()
	md, err := msg.Metadata()
	if err != nil {
		w.log.Error("message without metadata", "err", err)
		_ = msg.Term()
		return
	}
	stop := w.keepAlive(msg)
	defer stop()
	log := w.log.With("seq", md.Sequence.Stream, "delivery", md.NumDelivered)
	if md.NumDelivered > uint64(w.opt.MaxDeliver) {
		w.deadLetter(ctx, msg, md, nil, fmt.Sprintf("delivered %d times without an outcome (a worker crashed or lost it)", md.NumDelivered-1))
		return
	}
	m, err := decodeMessage(msg.Data())
	if err != nil {
		w.fail(ctx, msg, md, nil, &failure{reason: "decode", err: err, final: true})
		return
	}
	log = log.With("doc", m.Doc.ID)
	status, err := w.process(ctx, m)
	if err != nil {
		var f *failure
		if !errors.As(err, &f) {
			f = &failure{reason: "store", err: err}
		}
		w.fail(ctx, msg, md, &m, f)
		return
	}
	// DoubleAck waits for the server's confirmation. Should it be lost
	// anyway, the redelivery finds the document stored and changes nothing.
	if err := msg.DoubleAck(ctx); err != nil {
		log.Warn("ack failed: the document will be redelivered and found unchanged", "err", err)
		return
	}
	switch status {
	case store.Inserted:
		w.inserted.Add(1)
	case store.Replaced:
		w.replaced.Add(1)
	default:
		w.unchanged.Add(1)
	}
	w.m.processed.WithLabelValues(string(status)).Inc()
	w.m.latency.Observe(time.Since(start).Seconds())
}

// keepAlive tells the server the message is being worked on every
// AckWait/3 until the returned function is called.
func (w *Worker) keepAlive(msg jetstream.Msg) func() {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(w.cfg.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if err := msg.InProgress(); err != nil {
					w.log.Warn("progress signal failed", "err", err)
				}
			}
		}
	}()
	return func() { close(done) }
}

// process codes and stores one document, returning what PutDocument did.
func (w *Worker) process(ctx context.Context, m Message) (store.PutStatus, error) {
	// A redelivery of a stored document (its worker died after the commit,
	// before the ack) or a re-publish needs no coding.
	var has bool
	if err := w.retryStore(ctx, func() error {
		var err error
		has, err = w.st.HasDocument(ctx, m.Doc.ID, m.Hash)
		return err
	}); err != nil {
		return "", err
	}
	if has {
		return store.Unchanged, nil
	}
	res, err := w.code(ctx, m.Doc)
	if err != nil {
		return "", err
	}
	doc := store.DocumentOf(m.Doc, m.Hash, m.SimHash, res.Lang)
	var pr store.PutResult
	if err := w.retryStore(ctx, func() error {
		var err error
		pr, err = w.st.PutDocument(ctx, doc, res)
		return err
	}); err != nil {
		return "", err
	}
	return pr.Status, nil
}

// retryStore runs a store call, retrying transient errors in place for up
// to StoreRetryFor. A permanent error is returned as a failure "store", a
// transient one that outlasts the retries as "transient", a stop as
// "shutdown".
func (w *Worker) retryStore(ctx context.Context, fn func() error) error {
	deadline := time.Now().Add(w.opt.StoreRetryFor)
	wait := 100 * time.Millisecond
	for {
		err := fn()
		switch {
		case err == nil:
			return nil
		case ctx.Err() != nil:
			return &failure{reason: "shutdown", err: err}
		case !Retryable(err):
			return &failure{reason: "store", err: err}
		case time.Now().After(deadline):
			return &failure{reason: "transient", err: err}
		}
		w.m.failed.WithLabelValues("transient").Inc()
		w.log.Warn("transient store error: retrying", "err", err, "in", wait)
		if !sleepCtx(ctx, wait) {
			return &failure{reason: "shutdown", err: err}
		}
		wait = min(2*wait, 10*time.Second)
	}
}

// code runs the coder with a time limit, turning a panic into a failure.
// A call past its limit keeps running (Go cannot stop it); Run takes no
// new work while as many such calls run as there are slots, so runaway
// documents cannot pile up.
func (w *Worker) code(ctx context.Context, doc text.Document) (event.Result, error) {
	type out struct {
		res event.Result
		err error
	}
	ch := make(chan out, 1)
	const running, finished, abandoned = 0, 1, 2
	var state atomic.Int32
	go func() {
		defer func() {
			if !state.CompareAndSwap(running, finished) {
				w.m.abandoned.Dec()
				w.abandonedN.Add(-1)
			}
		}()
		defer func() {
			if r := recover(); r != nil {
				w.log.Error("coder panic", "doc", doc.ID, "panic", r, "stack", string(debug.Stack()))
				ch <- out{err: &failure{reason: "panic", err: fmt.Errorf("coder panic: %v", r)}}
			}
		}()
		ch <- out{res: w.coder.Code(doc)}
	}()
	t := time.NewTimer(w.opt.Timeout)
	defer t.Stop()
	var giveUp *failure
	select {
	case o := <-ch:
		return o.res, o.err
	case <-t.C:
		giveUp = &failure{reason: "timeout", err: fmt.Errorf("coding took longer than %v", w.opt.Timeout)}
	case <-ctx.Done():
		giveUp = &failure{reason: "shutdown", err: ctx.Err()}
	}
	if !state.CompareAndSwap(running, abandoned) {
		o := <-ch // finished just now
		return o.res, o.err
	}
	w.m.abandoned.Inc()
	w.abandonedN.Add(1)
	return event.Result{}, giveUp
}

// fail settles a failed attempt: nak at once on shutdown, dead-letter a
// final failure or one that used the last attempt, else nak with backoff.
func (w *Worker) fail(ctx context.Context, msg jetstream.Msg, md *jetstream.MsgMetadata, m *Message, f *failure) {
	w.failed.Add(1)
	w.m.failed.WithLabelValues(f.reason).Inc()
	log := w.log.With("seq", md.Sequence.Stream, "delivery", md.NumDelivered)
	if m != nil {
		log = log.With("doc", m.Doc.ID)
	}
	switch {
	case f.reason == "shutdown":
		if err := msg.Nak(); err != nil {
			log.Warn("nak failed", "err", err)
		}
	case f.final || md.NumDelivered >= uint64(w.opt.MaxDeliver):
		w.deadLetter(ctx, msg, md, m, fmt.Sprintf("%v (attempt %d of %d)", f, md.NumDelivered, w.opt.MaxDeliver))
	default:
		d := w.backoff(md.NumDelivered)
		log.Warn("attempt failed: retry later", "err", f, "retry_in", d)
		if err := msg.NakWithDelay(d); err != nil {
			log.Warn("nak failed", "err", err)
		}
	}
}

func (w *Worker) backoff(delivered uint64) time.Duration {
	i := min(int(delivered)-1, len(w.opt.Backoff)-1)
	return w.opt.Backoff[max(i, 0)]
}

// deadLetter publishes the message to the dead-letter stream with the
// reason, then terminates it. The dead letter's Nats-Msg-Id is the
// original's stream sequence, so a repeat (the term was lost) is dropped.
func (w *Worker) deadLetter(ctx context.Context, msg jetstream.Msg, md *jetstream.MsgMetadata, m *Message, reason string) {
	log := w.log.With("seq", md.Sequence.Stream, "reason", reason)
	dl := nats.NewMsg(w.cfg.DeadLetterSubject())
	dl.Data = msg.Data()
	dl.Header.Set(HeaderReason, headerValue(reason))
	dl.Header.Set(HeaderDeliveries, strconv.FormatUint(md.NumDelivered, 10))
	dl.Header.Set(HeaderWorker, w.opt.Name)
	dl.Header.Set(HeaderStreamSeq, strconv.FormatUint(md.Sequence.Stream, 10))
	if m != nil {
		dl.Header.Set(HeaderDocID, headerValue(m.Doc.ID))
		dl.Header.Set(HeaderOrigin, headerValue(m.Origin))
		log = log.With("doc", m.Doc.ID)
	}
	if _, err := w.js.PublishMsg(ctx, dl, jetstream.WithMsgID(fmt.Sprintf("%s.%d", w.cfg.Stream, md.Sequence.Stream))); err != nil {
		log.Error("dead-letter publish failed: retry later", "err", err)
		if err := msg.NakWithDelay(w.backoff(md.NumDelivered)); err != nil {
			log.Warn("nak failed", "err", err)
		}
		return
	}
	if err := msg.Term(); err != nil {
		log.Warn("term failed: the next delivery dead-letters it again (deduplicated)", "err", err)
	}
	w.dead.Add(1)
	w.m.deadLettered.Inc()
	log.Warn("document dead-lettered")
}

// headerValue makes a string fit a header value: one line, at most 1000
// bytes.
func headerValue(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 1000 {
		s = strings.ToValidUTF8(s[:1000], "")
	}
	return s
}

// heartbeats puts the worker's stats in the workers bucket every
// Heartbeat until ctx is done, and once more after.
func (w *Worker) heartbeats(ctx context.Context) {
	t := time.NewTicker(w.opt.Heartbeat)
	defer t.Stop()
	var last int64
	lastT := w.started
	put := func(ctx context.Context) {
		s := w.Stats()
		if el := s.Updated.Sub(lastT).Seconds(); el > 0 {
			s.Rate = float64(s.Processed-last) / el
		}
		last, lastT = s.Processed, s.Updated
		b, err := json.Marshal(s)
		if err == nil {
			_, err = w.kv.Put(ctx, w.opt.Name, b)
		}
		if err != nil {
			w.log.Warn("heartbeat failed", "err", err)
		}
	}
	put(ctx)
	for {
		select {
		case <-t.C:
			put(ctx)
		case <-ctx.Done():
			c, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
			put(c)
			cancel()
			return
		}
	}
}
