package queue_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/queue"
	"github.com/marsad-dev/marsad/internal/queue/queuetest"
	"github.com/marsad-dev/marsad/internal/store"
)

// testEvents is the number of generated incidents (MARSAD_QUEUE_TEST_EVENTS,
// default 800: about 2,000 documents).
func testEvents(t *testing.T) int {
	if s := os.Getenv("MARSAD_QUEUE_TEST_EVENTS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("MARSAD_QUEUE_TEST_EVENTS: %v", err)
		}
		return n
	}
	return 800
}

// ingestLocally is the single-process reference: code on several
// goroutines, store one document at a time in input order.
func ingestLocally(t testing.TB, st store.Store, c queue.Coder, msgs []queue.Message) {
	t.Helper()
	ctx := context.Background()
	results := make([]event.Result, len(msgs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				results[i] = c.Code(msgs[i].Doc)
			}
		})
	}
	for i := range msgs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, m := range msgs {
		d := m.Doc
		doc := store.Document{ID: d.ID, URL: d.URL, Outlet: d.Source, Title: d.Title, Published: d.Published,
			Lang: results[i].Lang, Hash: m.Hash, SimHash: m.SimHash, Text: d.Text}
		if _, err := st.PutDocument(ctx, doc, results[i]); err != nil {
			t.Fatal(err)
		}
	}
}

// checkRecord compares a record with the reference: every document stored
// once, every mention in exactly one event, the same merged events.
func checkRecord(t *testing.T, st store.Store, msgs []queue.Message, ref []string, refStats store.Stats) {
	t.Helper()
	ctx := context.Background()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != len(msgs) {
		t.Errorf("%d documents stored, want %d", stats.Documents, len(msgs))
	}
	for _, m := range msgs {
		if ok, err := st.HasDocument(ctx, m.Doc.ID, m.Hash); err != nil || !ok {
			t.Errorf("document %s missing (%v)", m.Doc.ID, err)
		}
	}
	if stats.Mentions != refStats.Mentions || stats.Events != refStats.Events || stats.Claims != refStats.Claims {
		t.Errorf("stats %+v, reference %+v", stats, refStats)
	}
	snap, err := queuetest.Snapshot(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, line := range snap {
		i, j := strings.Index(line, "mentions=["), strings.Index(line, "] claims=")
		for _, m := range strings.Fields(line[i+len("mentions=[") : j]) {
			if other, dup := seen[m]; dup {
				t.Errorf("mention %s in two events:\n%s\n%s", m, other, line)
			}
			seen[m] = line
		}
	}
	if len(seen) != stats.Mentions {
		t.Errorf("%d mentions in events, %d stored", len(seen), stats.Mentions)
	}
	if d := queuetest.Diff(ref, snap, 20); len(d) > 0 {
		t.Errorf("record differs from the single-process ingest (- reference, + distributed), first lines:\n%s", strings.Join(d, "\n"))
	}
}

func TestDistributedIngestMatchesSingleProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("several thousand documents: not in -short")
	}
	nc, js := queuetest.NATS(t)
	refURL := queuetest.Postgres(t)
	msgs := queuetest.Messages(queuetest.Generate(2026, testEvents(t)))
	c := testCoder(t)
	e0 := &env{nc: nc, js: js, url: refURL}
	ref := e0.openStore(t)
	start := time.Now()
	ingestLocally(t, ref, c, msgs)
	refSnap, err := queuetest.Snapshot(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	refStats, err := ref.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("reference: %d documents, %d events, %d mentions, %d claims in %v", refStats.Documents, refStats.Events,
		refStats.Mentions, refStats.Claims, time.Since(start).Round(time.Millisecond))
	if refStats.Events >= refStats.Mentions {
		t.Fatalf("nothing merged in the reference (%d events, %d mentions): the generator no longer gives shared events", refStats.Events, refStats.Mentions)
	}

	t.Run("three workers", func(t *testing.T) {
		e := &env{nc: nc, js: js, cfg: queuetest.Queue(t, js), url: queuetest.Postgres(t)}
		e.st = e.openStore(t)
		e.publish(t, msgs)
		e.publish(t, msgs[:100]) // a re-publish: deduplicated
		start := time.Now()
		var stops []func() error
		for i := range 3 {
			// Each worker has its own store connection pool, as on its own machine.
			_, stop := e.startWorker(t, e.openStore(t), c, queue.WorkerOptions{Name: "w" + strconv.Itoa(i), Concurrency: 2})
			stops = append(stops, stop)
		}
		e.waitDrained(t, 5*time.Minute)
		t.Logf("3 workers: %d documents in %v", len(msgs), time.Since(start).Round(time.Millisecond))
		for _, stop := range stops {
			if err := stop(); err != nil {
				t.Error(err)
			}
		}
		checkRecord(t, e.st, msgs, refSnap, refStats)
	})

	t.Run("worker process killed", func(t *testing.T) {
		bin := buildMarsad(t)
		e := &env{nc: nc, js: js, cfg: queuetest.Queue(t, js), url: queuetest.Postgres(t)}
		e.st = e.openStore(t)
		e.publish(t, msgs)
		ctx := context.Background()
		args := func(name string) []string {
			return []string{"worker", "--queue", queuetest.NATSURL(), "--stream", e.cfg.Stream, "--db", e.url,
				"--name", name, "--concurrency", "2", "--ack-wait", "5s", "--heartbeat", "500ms", "--grace", "10s"}
		}
		a := startProcess(t, bin, args("A")...)
		b := startProcess(t, bin, args("B")...)
		// Kill A once the record holds a few hundred documents.
		waitFor(t, 3*time.Minute, "300 documents stored", func() (bool, error) {
			st, err := e.st.Stats(ctx)
			return st.Documents >= 300, err
		})
		if err := a.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = a.cmd.Wait()
		killedAt, _ := e.st.Stats(ctx)
		if s, err := queue.ReadStatus(ctx, e.js, e.cfg, nil, 0); err == nil {
			t.Logf("worker A killed with %d documents stored, %d in flight (A's wait for redelivery: --ack-wait 5s)", killedAt.Documents, s.InFlight)
		}
		c := startProcess(t, bin, args("C")...)
		e.waitDrained(t, 5*time.Minute)
		for _, p := range []*process{b, c} {
			if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			if err := p.cmd.Wait(); err != nil {
				t.Errorf("worker exited with %v after SIGTERM:\n%s", err, p.out.String())
			}
		}
		if !strings.Contains(b.out.String(), "worker B: ") {
			t.Errorf("worker B printed no summary:\n%s", b.out.String())
		}
		checkRecord(t, e.st, msgs, refSnap, refStats)

		// marsad status reads the same state.
		out, err := exec.Command(bin, "status", "--queue", queuetest.NATSURL(), "--stream", e.cfg.Stream, "--db", e.url, "--format", "json").Output()
		if err != nil {
			t.Fatalf("marsad status: %v", err)
		}
		var s queue.Status
		if err := json.Unmarshal(out, &s); err != nil {
			t.Fatalf("marsad status output: %v\n%s", err, out)
		}
		states := map[string]string{}
		for _, w := range s.Workers {
			states[w.Name] = w.State
		}
		// A was killed: its last heartbeat says running until it expires
		// (HeartbeatTTL), which a slow, loaded run may outlast; it never
		// says stopped.
		if s.Queued != 0 || s.Done.Documents != len(msgs) || s.DeadLettered != 0 ||
			(states["A"] != "running" && states["A"] != "") || states["B"] != "stopped" || states["C"] != "stopped" {
			t.Errorf("marsad status: %+v (worker states %v: A's last heartbeat says running or has expired, B and C stopped)", s, states)
		}
	})
}

type process struct {
	cmd *exec.Cmd
	out *syncBuffer
}

// syncBuffer is a bytes.Buffer safe for a process writing and a test
// reading.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func startProcess(t *testing.T, bin string, args ...string) *process {
	t.Helper()
	p := &process{cmd: exec.Command(bin, args...), out: &syncBuffer{}}
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Kill()
			_ = p.cmd.Wait()
		}
		if t.Failed() {
			t.Logf("output of %v:\n%s", args[:8], p.out.String())
		}
	})
	return p
}

// buildMarsad builds the marsad binary into the test's temporary directory.
func buildMarsad(t *testing.T) string {
	t.Helper()
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goBin); err != nil {
		if goBin, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command to build the marsad binary with")
		}
	}
	bin := filepath.Join(t.TempDir(), "marsad")
	out, err := exec.Command(goBin, "build", "-o", bin, "github.com/marsad-dev/marsad/cmd/marsad").CombinedOutput()
	if err != nil {
		t.Fatalf("go build ./cmd/marsad: %v\n%s", err, out)
	}
	return bin
}
