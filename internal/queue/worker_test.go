package queue_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/marsad-dev/marsad/internal/coder"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/queue"
	"github.com/marsad-dev/marsad/internal/queue/queuetest"
	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/open"
	"github.com/marsad-dev/marsad/internal/text"
)

// realCoder loads the default dictionaries once for the test binary.
var realCoder = sync.OnceValues(func() (*coder.Coder, error) { return coder.New(coder.Options{}) })

func testCoder(tb testing.TB) *coder.Coder {
	tb.Helper()
	c, err := realCoder()
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// env is one test's queue and store.
type env struct {
	nc  *nats.Conn
	js  jetstream.JetStream
	cfg queue.Config
	url string
	st  store.Store
}

func newEnv(t *testing.T) *env {
	t.Helper()
	nc, js := queuetest.NATS(t)
	e := &env{nc: nc, js: js, cfg: queuetest.Queue(t, js), url: queuetest.Postgres(t)}
	e.st = e.openStore(t)
	return e
}

func (e *env) openStore(t testing.TB) store.Store {
	t.Helper()
	st, err := open.Open(context.Background(), e.url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func (e *env) publish(t testing.TB, msgs []queue.Message) {
	t.Helper()
	ctx := context.Background()
	p, err := queue.NewProducer(ctx, e.nc, e.cfg, queue.ProducerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if err := p.Publish(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
}

// startWorker runs a worker until the test ends or stop is called; stop
// returns Run's error.
func (e *env) startWorker(t *testing.T, st store.Store, c queue.Coder, opt queue.WorkerOptions) (*queue.Worker, func() error) {
	t.Helper()
	if opt.Log == nil {
		opt.Log = quietLog()
	}
	w, err := queue.NewWorker(context.Background(), e.js, e.cfg, st, c, opt)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	var runErr error
	stop := func() error {
		once.Do(func() { cancel(); runErr = <-done })
		return runErr
	}
	t.Cleanup(func() { _ = stop() })
	return w, stop
}

// waitFor polls cond until it holds or the timeout passes.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, err := cond()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitDrained waits until the work queue is empty: every document was
// acknowledged or dead-lettered.
func (e *env) waitDrained(t testing.TB, timeout time.Duration) queue.Status {
	t.Helper()
	var s queue.Status
	waitFor(t, timeout, "the queue to drain", func() (bool, error) {
		var err error
		s, err = queue.ReadStatus(context.Background(), e.js, e.cfg, nil, 10)
		return err == nil && s.Queued == 0, err
	})
	return s
}

// trickyCoder fails on marked documents: "PANIC" panics, "SLOW" takes
// longer than any test timeout, and it counts calls per document.
type trickyCoder struct {
	c     queue.Coder
	mu    sync.Mutex
	calls map[string]int
	slow  chan struct{} // closed at the end of the test
}

func (tc *trickyCoder) Code(d text.Document) event.Result {
	tc.mu.Lock()
	tc.calls[d.ID]++
	tc.mu.Unlock()
	switch {
	case strings.Contains(d.Text, "PANIC"):
		panic("coder bug on " + d.ID)
	case strings.Contains(d.Text, "SLOW"):
		<-tc.slow
	}
	return tc.c.Code(d)
}

func (tc *trickyCoder) count(id string) int {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	return tc.calls[id]
}

func TestPoisonDocumentsAreDeadLettered(t *testing.T) {
	e := newEnv(t)
	good := queuetest.Messages(queuetest.Generate(11, 15))
	poison := func(id, txt string) queue.Message {
		return queue.Message{Doc: text.Document{ID: id, Lang: "en", Text: txt}, Hash: "hash-" + id, Origin: "test:" + id}
	}
	bad := []queue.Message{
		poison("panics", "PANIC: an airstrike hit Mosul on Monday, killing 5 people."),
		poison("hangs", "SLOW: an airstrike hit Mosul on Monday, killing 6 people."),
		// PostgreSQL rejects a NUL byte in text: a permanent store error.
		poison("nul-byte", "An airstrike hit Mosul on Monday,\x00 killing 7 people."),
	}
	e.publish(t, append(append([]queue.Message{}, good...), bad...))
	tc := &trickyCoder{c: testCoder(t), calls: map[string]int{}, slow: make(chan struct{})}
	defer close(tc.slow)
	const maxDeliver = 3
	// Concurrency above maxDeliver: the hanging document's abandoned calls
	// (one per attempt) must not stall the worker.
	w, stop := e.startWorker(t, e.st, tc, queue.WorkerOptions{Name: "w1", Concurrency: maxDeliver + 1, MaxDeliver: maxDeliver,
		Timeout: 300 * time.Millisecond, Backoff: []time.Duration{50 * time.Millisecond}, Heartbeat: 100 * time.Millisecond})
	e.waitDrained(t, time.Minute)
	time.Sleep(200 * time.Millisecond) // one more heartbeat
	s, err := queue.ReadStatus(context.Background(), e.js, e.cfg, e.st, 10)
	if err != nil {
		t.Fatal(err)
	}
	if s.DeadLettered != 3 || len(s.LastDead) != 3 {
		t.Fatalf("dead letters: %d (%+v), want 3", s.DeadLettered, s.LastDead)
	}
	want := map[string]string{"panics": "panic: coder panic", "hangs": "timeout: coding took longer", "nul-byte": "store: put document nul-byte"}
	for _, d := range s.LastDead {
		if !strings.HasPrefix(d.Reason, want[d.DocID]) || d.Worker != "w1" || d.Origin != "test:"+d.DocID {
			t.Errorf("dead letter %+v: want reason starting %q from worker w1", d, want[d.DocID])
		}
		if d.Deliveries != maxDeliver {
			t.Errorf("%s: dead-lettered after %d deliveries, want %d", d.DocID, d.Deliveries, maxDeliver)
		}
	}
	if n := tc.count("panics"); n != maxDeliver {
		t.Errorf("poison document coded %d times, want %d (bounded retries)", n, maxDeliver)
	}
	if s.Done.Documents != len(good) {
		t.Errorf("%d documents stored, want the %d good ones", s.Done.Documents, len(good))
	}
	for _, m := range bad {
		if ok, err := e.st.HasDocument(context.Background(), m.Doc.ID, ""); err != nil || ok {
			t.Errorf("poison document %s stored (%v, %v)", m.Doc.ID, ok, err)
		}
	}
	if len(s.Workers) != 1 || s.Workers[0].DeadLettered != 3 || s.Workers[0].Processed != int64(len(good)) {
		t.Errorf("heartbeats: %+v", s.Workers)
	}
	// The metrics say the same, in the exposition format.
	rec := httptest.NewRecorder()
	w.Metrics().Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body := rec.Body.String()
	for _, line := range []string{
		`marsad_worker_dead_lettered_total{worker="w1"} 3`,
		`marsad_worker_failed_total{reason="panic",worker="w1"} 3`,
		`marsad_worker_failed_total{reason="timeout",worker="w1"} 3`,
		`marsad_worker_failed_total{reason="store",worker="w1"} 3`,
		`marsad_worker_document_seconds_count{worker="w1"} ` + strconv.Itoa(len(good)),
	} {
		if !strings.Contains(body, line+"\n") {
			t.Errorf("metrics lack %q", line)
		}
	}
	if err := stop(); err != nil {
		t.Errorf("Run: %v", err)
	}
	var text strings.Builder
	if err := s.WriteText(&text); err != nil || !strings.Contains(text.String(), "dead-lettered 3") {
		t.Errorf("status text (%v):\n%s", err, text.String())
	}
}

// A worker killed after its commit and before its ack: the redelivered
// document must change nothing.
func TestRedeliveryAfterCommitChangesNothing(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	msgs := queuetest.Messages(queuetest.Generate(5, 30))
	c := testCoder(t)
	// The "dead worker": it committed every document, acknowledged none.
	for _, m := range msgs {
		d := m.Doc
		res := c.Code(d)
		doc := store.Document{ID: d.ID, URL: d.URL, Outlet: d.Source, Title: d.Title, Published: d.Published,
			Lang: res.Lang, Hash: m.Hash, SimHash: m.SimHash, Text: d.Text}
		if _, err := e.st.PutDocument(ctx, doc, res); err != nil {
			t.Fatal(err)
		}
	}
	before, err := queuetest.Snapshot(ctx, e.st)
	if err != nil {
		t.Fatal(err)
	}
	statsBefore, _ := e.st.Stats(ctx)
	// PutDocument itself is idempotent: the same document again is unchanged.
	m := msgs[0]
	res := c.Code(m.Doc)
	pr, err := e.st.PutDocument(ctx, store.Document{ID: m.Doc.ID, Outlet: m.Doc.Source, Title: m.Doc.Title,
		Published: m.Doc.Published, Lang: res.Lang, Hash: m.Hash, SimHash: m.SimHash, Text: m.Doc.Text}, res)
	if err != nil || pr.Status != store.Unchanged || len(pr.Written)+len(pr.Removed) != 0 {
		t.Fatalf("second PutDocument: %+v, %v; want unchanged, nothing written", pr, err)
	}
	// Now the redeliveries.
	e.publish(t, msgs)
	w, _ := e.startWorker(t, e.st, c, queue.WorkerOptions{Name: "again", Concurrency: 2})
	e.waitDrained(t, time.Minute)
	after, err := queuetest.Snapshot(ctx, e.st)
	if err != nil {
		t.Fatal(err)
	}
	if d := queuetest.Diff(before, after, 10); len(d) > 0 {
		t.Errorf("redelivery changed the record:\n%s", strings.Join(d, "\n"))
	}
	if statsAfter, _ := e.st.Stats(ctx); statsAfter != statsBefore {
		t.Errorf("stats changed: %+v -> %+v", statsBefore, statsAfter)
	}
	if s := w.Stats(); s.Unchanged != int64(len(msgs)) || s.Inserted != 0 {
		t.Errorf("worker stats %+v, want %d unchanged", s, len(msgs))
	}
}

// blockingCoder holds every call until release is closed, and reports
// each call's start on started.
type blockingCoder struct {
	c       queue.Coder
	started chan string
	release chan struct{}
}

func (b *blockingCoder) Code(d text.Document) event.Result {
	b.started <- d.ID
	<-b.release
	return b.c.Code(d)
}

func TestBackpressureAndGracefulShutdown(t *testing.T) {
	e := newEnv(t)
	e.cfg.AckWait = 30 * time.Second // far above the wait for a nak'ed redelivery below
	ctx := context.Background()
	msgs := queuetest.Messages(queuetest.Generate(9, 6))
	e.publish(t, msgs)
	total := uint64(len(msgs))

	t.Run("bounded in flight, nak on stop after grace", func(t *testing.T) {
		bc := &blockingCoder{c: testCoder(t), started: make(chan string, 100), release: make(chan struct{})}
		defer close(bc.release)
		_, stop := e.startWorker(t, e.st, bc, queue.WorkerOptions{Name: "bp", Concurrency: 2, Grace: 200 * time.Millisecond})
		<-bc.started
		<-bc.started
		time.Sleep(300 * time.Millisecond) // give it the chance to take more than it may
		s, err := queue.ReadStatus(ctx, e.js, e.cfg, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if s.InFlight != 2 || s.Pending != total-2 {
			t.Errorf("with 2 slots busy: in flight %d, pending %d; want 2 and %d", s.InFlight, s.Pending, total-2)
		}
		stopAt := time.Now()
		if err := stop(); err != nil {
			t.Fatal(err)
		}
		if el := time.Since(stopAt); el > 5*time.Second {
			t.Errorf("stop took %v with a 200ms grace", el)
		}
		// Stopped past its grace: the two were nak'ed, not left to wait for
		// AckWait (30 s here), so a new worker gets everything at once.
		if ok, err := e.st.HasDocument(ctx, msgs[0].Doc.ID, ""); err != nil || ok {
			t.Fatalf("a document was stored by a worker stopped before its coder returned (%v, %v)", ok, err)
		}
		_, stop2 := e.startWorker(t, e.st, testCoder(t), queue.WorkerOptions{Name: "next", Concurrency: 2})
		e.waitDrained(t, 15*time.Second)
		if err := stop2(); err != nil {
			t.Fatal(err)
		}
		if st, err := e.st.Stats(ctx); err != nil || st.Documents != int(total) {
			t.Errorf("%d documents stored, want %d (%v)", st.Documents, total, err)
		}
	})

	more := queuetest.Messages(queuetest.Generate(10, 6))
	e.publish(t, more)
	total = uint64(len(more))

	t.Run("in-flight work finishes within grace", func(t *testing.T) {
		bc := &blockingCoder{c: testCoder(t), started: make(chan string, 100), release: make(chan struct{})}
		w, stop := e.startWorker(t, e.st, bc, queue.WorkerOptions{Name: "gs", Concurrency: 2, Grace: time.Minute})
		first := <-bc.started
		stopped := make(chan error, 1)
		go func() { stopped <- stop() }()
		time.Sleep(200 * time.Millisecond) // the stop request is in
		close(bc.release)
		if err := <-stopped; err != nil {
			t.Fatal(err)
		}
		if ok, err := e.st.HasDocument(ctx, first, ""); err != nil || !ok {
			t.Errorf("in-flight document %s not stored after a graceful stop (%v, %v)", first, ok, err)
		}
		st := w.Stats()
		s, err := queue.ReadStatus(ctx, e.js, e.cfg, e.st, 0)
		if err != nil {
			t.Fatal(err)
		}
		if s.InFlight != 0 || s.Pending != total-uint64(st.Processed) || s.Done.Documents != len(msgs)+int(st.Processed) || st.Processed == 0 {
			t.Errorf("after graceful stop: status %+v, worker %+v", s, st)
		}
	})
}

// barrierCoder makes the two reports of each pair finish coding together,
// so their PutDocument calls race.
type barrierCoder struct {
	c     queue.Coder
	mu    sync.Mutex
	gates map[string]chan struct{}
	pair  func(id string) string
}

func (b *barrierCoder) Code(d text.Document) event.Result {
	res := b.c.Code(d)
	key := b.pair(d.ID)
	b.mu.Lock()
	g, ok := b.gates[key]
	if !ok {
		g = make(chan struct{})
		b.gates[key] = g
		b.mu.Unlock()
		select {
		case <-g:
		case <-time.After(10 * time.Second): // the partner never came: go on
		}
		return res
	}
	delete(b.gates, key)
	b.mu.Unlock()
	close(g)
	return res
}

// Two workers store two reports of the same event at the same moment: the
// record must end with one event holding both claims.
func TestConcurrentReportsOfOneEventMerge(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	places := []struct{ en, ar string }{{"Mosul", "الموصل"}, {"Kirkuk", "كركوك"}, {"Aleppo", "حلب"}, {"Homs", "حمص"}, {"Rafah", "رفح"}, {"Taiz", "تعز"}}
	var msgs []queue.Message
	pub := time.Date(2020, 3, 4, 0, 0, 0, 0, time.UTC) // a Wednesday
	for i, p := range places {
		day := pub.AddDate(0, 0, i*7)
		en := text.Document{ID: "pair" + strconv.Itoa(i) + "-en", Source: "Wire One", Lang: "en", Published: day,
			Text: "An airstrike hit a market in " + p.en + " on Tuesday, killing " + strconv.Itoa(10+i) + " people, the civil defence said."}
		ar := text.Document{ID: "pair" + strconv.Itoa(i) + "-ar", Source: "Radio Sawt", Lang: "ar", Published: day,
			Text: "قال مسؤولون محليون إن " + strconv.Itoa(20+i) + " شخصا قتلوا في غارة جوية على مدينة " + p.ar + " يوم الثلاثاء."}
		msgs = append(msgs, queue.Message{Doc: en, Hash: "h-" + en.ID}, queue.Message{Doc: ar, Hash: "h-" + ar.ID})
	}
	e.publish(t, msgs)
	bc := &barrierCoder{c: testCoder(t), gates: map[string]chan struct{}{}, pair: func(id string) string { return strings.Split(id, "-")[0] }}
	// Each worker takes one document at a time, so the two of a pair are
	// on different workers, each with its own store connection pool.
	e.startWorker(t, e.openStore(t), bc, queue.WorkerOptions{Name: "a", Concurrency: 1})
	e.startWorker(t, e.openStore(t), bc, queue.WorkerOptions{Name: "b", Concurrency: 1})
	e.waitDrained(t, time.Minute)
	page, err := e.st.ListEvents(ctx, store.Filter{Types: []string{"airstrike"}, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != len(places) {
		t.Fatalf("%d airstrike events, want %d (one per pair)", len(page.Events), len(places))
	}
	for _, ev := range page.Events {
		full, err := e.st.GetEvent(ctx, ev.ID)
		if err != nil {
			t.Fatal(err)
		}
		docs := map[string]bool{}
		for _, c := range full.Claims {
			docs[c.DocumentID] = true
		}
		if full.NDocuments != 2 || len(docs) != 2 {
			t.Errorf("event %s at %v: %d documents, claims from %v; want both reports", ev.ID, ev.Location, full.NDocuments, docs)
		}
	}
}
