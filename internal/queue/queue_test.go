package queue_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/marsad-dev/marsad/internal/queue"
	"github.com/marsad-dev/marsad/internal/queue/queuetest"
	"github.com/marsad-dev/marsad/internal/text"
)

func TestConfigNames(t *testing.T) {
	for _, tc := range []struct {
		cfg                         queue.Config
		subject, dlqStream, dlq, kv string
	}{
		{queue.Config{}, "marsad.docs", "MARSAD_DLQ", "marsad.dead", "MARSAD_workers"},
		{queue.Config{Stream: "Backfill2019"}, "backfill2019.docs", "Backfill2019_DLQ", "backfill2019.dead", "Backfill2019_workers"},
	} {
		if got := tc.cfg.Subject(); got != tc.subject {
			t.Errorf("%+v: Subject = %q, want %q", tc.cfg, got, tc.subject)
		}
		if got := tc.cfg.DeadLetterStream(); got != tc.dlqStream {
			t.Errorf("%+v: DeadLetterStream = %q, want %q", tc.cfg, got, tc.dlqStream)
		}
		if got := tc.cfg.DeadLetterSubject(); got != tc.dlq {
			t.Errorf("%+v: DeadLetterSubject = %q, want %q", tc.cfg, got, tc.dlq)
		}
		if got := tc.cfg.WorkersBucket(); got != tc.kv {
			t.Errorf("%+v: WorkersBucket = %q, want %q", tc.cfg, got, tc.kv)
		}
	}
	for _, bad := range []string{"a.b", "a b", "a*", "x>"} {
		if err := (queue.Config{Stream: bad}).Validate(); err == nil {
			t.Errorf("stream %q: no error", bad)
		}
	}
}

func TestMsgID(t *testing.T) {
	doc := func(id, txt string) queue.Message {
		return queue.Message{Doc: text.Document{ID: id, Text: txt}, Hash: "h-" + txt}
	}
	a := doc("a", "same text")
	for _, tc := range []struct {
		name  string
		b     queue.Message
		equal bool
	}{
		{"same document twice", doc("a", "same text"), true},
		{"same text, other id (another outlet)", doc("b", "same text"), false},
		{"same id, edited text", doc("a", "new text"), false},
	} {
		if got := a.MsgID() == tc.b.MsgID(); got != tc.equal {
			t.Errorf("%s: equal ids = %v, want %v (%s vs %s)", tc.name, got, tc.equal, a.MsgID(), tc.b.MsgID())
		}
	}
	// Without a hash the id still depends on the content.
	x, y := queue.Message{Doc: text.Document{ID: "a", Text: "one"}}, queue.Message{Doc: text.Document{ID: "a", Text: "two"}}
	if x.MsgID() == y.MsgID() {
		t.Errorf("hashless messages with different texts share an id")
	}
}

type netErr struct{}

func (netErr) Error() string   { return "i/o timeout" }
func (netErr) Timeout() bool   { return true }
func (netErr) Temporary() bool { return true }

var _ net.Error = netErr{}

func TestRetryable(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{fmt.Errorf("put document x: %w", &pgconn.PgError{Code: "40001"}), true},  // serialization failure
		{fmt.Errorf("put document x: %w", &pgconn.PgError{Code: "40P01"}), true},  // deadlock
		{fmt.Errorf("put document x: %w", &pgconn.PgError{Code: "57P01"}), true},  // admin shutdown
		{fmt.Errorf("put document x: %w", &pgconn.PgError{Code: "08006"}), true},  // connection failure
		{fmt.Errorf("put document x: %w", &pgconn.PgError{Code: "22021"}), false}, // NUL byte in text
		{fmt.Errorf("put document x: %w", &pgconn.PgError{Code: "23505"}), false}, // unique violation
		{fmt.Errorf("begin: %w", netErr{}), true},
		{fmt.Errorf("read: %w", io.ErrUnexpectedEOF), true},
		{errors.New("put document x: database is locked (5) (SQLITE_BUSY)"), true},
		{errors.New("encode result: json: unsupported value: NaN"), false},
	} {
		if got := queue.Retryable(tc.err); got != tc.want {
			t.Errorf("Retryable(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

func TestGenerateIsVariedAndStable(t *testing.T) {
	a, b := queuetest.Generate(7, 200), queuetest.Generate(7, 200)
	ma, mb := queuetest.Messages(a), queuetest.Messages(b)
	if len(ma) != len(mb) {
		t.Fatalf("same seed, %d vs %d messages", len(ma), len(mb))
	}
	langs, types, ids := map[string]int{}, map[string]int{}, map[string]bool{}
	for i := range ma {
		if ma[i].Doc.Text != mb[i].Doc.Text || ma[i].Doc.ID != mb[i].Doc.ID {
			t.Fatalf("same seed, message %d differs", i)
		}
		if ids[ma[i].Doc.ID] {
			t.Fatalf("duplicate id %s", ma[i].Doc.ID)
		}
		ids[ma[i].Doc.ID] = true
		langs[ma[i].Doc.Lang]++
		if ma[i].Hash == "" || ma[i].SimHash == 0 {
			t.Errorf("%s: no fingerprint", ma[i].Doc.ID)
		}
	}
	for _, e := range a {
		types[e.Type]++
	}
	if len(ma) < 300 || langs["ar"] < len(ma)/3 || langs["en"] < len(ma)/3 || len(types) != 4 {
		t.Errorf("not varied: %d messages, languages %v, types %v", len(ma), langs, types)
	}
	if c := queuetest.Messages(queuetest.Generate(8, 200)); c[0].Doc.Text == ma[0].Doc.Text && c[1].Doc.Text == ma[1].Doc.Text {
		t.Errorf("another seed gives the same reports")
	}
}

func TestPublishDeduplicates(t *testing.T) {
	nc, js := queuetest.NATS(t)
	cfg := queuetest.Queue(t, js)
	ctx := context.Background()
	msgs := queuetest.Messages(queuetest.Generate(3, 40))
	p, err := queue.NewProducer(ctx, nc, cfg, queue.ProducerOptions{Window: 8})
	if err != nil {
		t.Fatal(err)
	}
	for round := range 2 {
		for _, m := range msgs {
			if err := p.Publish(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		if err := p.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		c := p.Counts()
		if c.Published != len(msgs) || c.Duplicate != round*len(msgs) || c.Failed != 0 {
			t.Errorf("round %d: counts %+v, want %d published, %d duplicate", round, c, len(msgs), round*len(msgs))
		}
	}
	big := msgs[0]
	big.Doc.ID = "too-large"
	big.Doc.Text = strings.Repeat("كلمة ", int(nc.MaxPayload())/5)
	if err := p.Publish(ctx, big); !errors.Is(err, queue.ErrTooLarge) {
		t.Errorf("oversized message: err = %v, want ErrTooLarge", err)
	}
	s, err := queue.ReadStatus(ctx, js, cfg, nil, 5)
	if err != nil {
		t.Fatal(err)
	}
	if s.Queued != uint64(len(msgs)) || s.Pending != uint64(len(msgs)) || s.InFlight != 0 {
		t.Errorf("status %+v, want %d queued and pending", s, len(msgs))
	}
}
