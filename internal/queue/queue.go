// Package queue runs marsad's ingest on several machines over NATS
// JetStream: a Producer publishes documents to a work-queue stream
// (deduplicated by content hash), Workers pull them from one durable
// consumer, code them and write them to the store with PutDocument before
// acknowledging, poison documents go to a dead-letter stream after a
// bounded number of attempts, and ReadStatus reports the queue, the dead
// letters, the record and each worker's heartbeat. See docs/scale-out.md.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/marsad-dev/marsad/internal/ingest"
	"github.com/marsad-dev/marsad/internal/text"
)

// DefaultStream is the stream name used when Config.Stream is empty.
const DefaultStream = "MARSAD"

// Config names the JetStream resources of one marsad queue and sets the
// server-side limits. Every producer, worker and status reader of a queue
// must use the same Stream (and Consumer); the zero value is the default
// queue.
type Config struct {
	// Stream is the work-queue stream's name (DefaultStream when empty).
	// The other names derive from it: subject "<stream lower>.docs",
	// dead-letter stream "<stream>_DLQ" on "<stream lower>.dead", worker
	// heartbeat bucket "<stream>_workers".
	Stream string
	// Consumer is the workers' durable consumer ("workers" when empty).
	Consumer string
	// Duplicates is the window within which a re-published document (same
	// Nats-Msg-Id) is dropped by the server (2 h when 0). Outside it the
	// store's idempotence still makes a re-published document a no-op.
	Duplicates time.Duration
	// AckWait is how long the server waits for an acknowledgement before
	// redelivering (60 s when 0). Workers send progress signals every
	// AckWait/3 while a document is being worked on, so it bounds how long
	// a crashed worker's documents wait, not how long coding may take.
	AckWait time.Duration
	// MaxAckPending bounds the documents in flight over all workers
	// (1024 when 0).
	MaxAckPending int
	// DeadLetterMaxAge is how long dead letters are kept (30 days when 0).
	DeadLetterMaxAge time.Duration
	// Replicas is the stream replication factor in a cluster (1 when 0).
	Replicas int
}

func (c Config) withDefaults() Config {
	if c.Stream == "" {
		c.Stream = DefaultStream
	}
	if c.Consumer == "" {
		c.Consumer = "workers"
	}
	if c.Duplicates <= 0 {
		c.Duplicates = 2 * time.Hour
	}
	if c.AckWait <= 0 {
		c.AckWait = time.Minute
	}
	if c.MaxAckPending <= 0 {
		c.MaxAckPending = 1024
	}
	if c.DeadLetterMaxAge <= 0 {
		c.DeadLetterMaxAge = 30 * 24 * time.Hour
	}
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	return c
}

// Validate checks the names.
func (c Config) Validate() error {
	c = c.withDefaults()
	for _, n := range []string{c.Stream, c.Consumer} {
		if strings.ContainsAny(n, ". *>\t\r\n/\\") {
			return fmt.Errorf("queue name %q: no dots, spaces, slashes or wildcards allowed", n)
		}
	}
	return nil
}

func (c Config) prefix() string { return strings.ToLower(c.withDefaults().Stream) }

// Subject is the subject documents are published on.
func (c Config) Subject() string { return c.prefix() + ".docs" }

// DeadLetterStream is the name of the stream holding dead letters.
func (c Config) DeadLetterStream() string { return c.withDefaults().Stream + "_DLQ" }

// DeadLetterSubject is the subject dead letters are published on.
func (c Config) DeadLetterSubject() string { return c.prefix() + ".dead" }

// WorkersBucket is the key-value bucket of worker heartbeats.
func (c Config) WorkersBucket() string { return c.withDefaults().Stream + "_workers" }

// HeartbeatTTL is how long a worker's heartbeat stays in the bucket.
const HeartbeatTTL = time.Minute

// Connect connects to a NATS server at url (nats://HOST:PORT, several
// separated by commas) and returns the connection and its JetStream
// context. name labels the client in the server's monitoring.
func Connect(url, name string) (*nats.Conn, jetstream.JetStream, error) {
	nc, err := nats.Connect(url, nats.Name(name), nats.MaxReconnects(-1), nats.ReconnectWait(time.Second),
		nats.Timeout(5*time.Second))
	if err != nil {
		return nil, nil, fmt.Errorf("connect to NATS %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, fmt.Errorf("JetStream on %s: %w", url, err)
	}
	return nc, js, nil
}

// Setup creates or updates the work-queue stream, the dead-letter stream
// and the heartbeat bucket. It is safe to call from every process.
func Setup(ctx context.Context, js jetstream.JetStream, cfg Config) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	cfg = cfg.withDefaults()
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        cfg.Stream,
		Description: "marsad documents waiting to be coded",
		Subjects:    []string{cfg.Subject()},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  cfg.Duplicates,
		Replicas:    cfg.Replicas,
	}); err != nil {
		return fmt.Errorf("stream %s: %w", cfg.Stream, err)
	}
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        cfg.DeadLetterStream(),
		Description: "marsad documents that failed to code or store",
		Subjects:    []string{cfg.DeadLetterSubject()},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		MaxAge:      cfg.DeadLetterMaxAge,
		Duplicates:  time.Hour,
		Replicas:    cfg.Replicas,
	}); err != nil {
		return fmt.Errorf("stream %s: %w", cfg.DeadLetterStream(), err)
	}
	if _, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      cfg.WorkersBucket(),
		Description: "marsad worker heartbeats",
		TTL:         HeartbeatTTL,
		History:     1,
		Storage:     jetstream.MemoryStorage,
		Replicas:    cfg.Replicas,
	}); err != nil {
		return fmt.Errorf("bucket %s: %w", cfg.WorkersBucket(), err)
	}
	return nil
}

// Teardown deletes the streams and the bucket of a queue (tests and
// benchmarks use it to clean up). Missing ones are not an error.
func Teardown(ctx context.Context, js jetstream.JetStream, cfg Config) error {
	var errs []error
	for _, s := range []string{cfg.withDefaults().Stream, cfg.DeadLetterStream()} {
		if err := js.DeleteStream(ctx, s); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
			errs = append(errs, fmt.Errorf("delete stream %s: %w", s, err))
		}
	}
	if err := js.DeleteKeyValue(ctx, cfg.WorkersBucket()); err != nil && !errors.Is(err, jetstream.ErrBucketNotFound) {
		errs = append(errs, fmt.Errorf("delete bucket %s: %w", cfg.WorkersBucket(), err))
	}
	return errors.Join(errs...)
}

// consumer creates or updates the workers' durable pull consumer.
func consumer(ctx context.Context, js jetstream.JetStream, cfg Config) (jetstream.Consumer, error) {
	cfg = cfg.withDefaults()
	c, err := js.CreateOrUpdateConsumer(ctx, cfg.Stream, jetstream.ConsumerConfig{
		Durable:       cfg.Consumer,
		Description:   "marsad workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cfg.AckWait,
		MaxAckPending: cfg.MaxAckPending,
		// No server-side MaxDeliver: a message the server stops delivering
		// would stay in the work queue forever. Workers count deliveries
		// themselves and dead-letter (see WorkerOptions.MaxDeliver).
		MaxDeliver:    -1,
		FilterSubject: cfg.Subject(),
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s on %s: %w", cfg.Consumer, cfg.Stream, err)
	}
	return c, nil
}

// Message is what a queued document carries: the document as read by
// ingest.Walk with its fingerprints and origin.
type Message struct {
	Doc     text.Document `json:"doc"`
	Hash    string        `json:"hash"`
	SimHash uint64        `json:"simhash,omitempty"`
	Origin  string        `json:"origin,omitempty"`
}

// MessageOf turns a walked item into a message.
func MessageOf(it ingest.Item) Message {
	return Message{Doc: it.Doc, Hash: it.Hash, SimHash: it.SimHash, Origin: it.Origin}
}

// MsgID is the Nats-Msg-Id of a message: its content hash and a digest of
// its document id, so the same text under two ids (two outlets) is two
// documents while the same document published twice is one.
func (m Message) MsgID() string {
	h := m.Hash
	if h == "" {
		s := sha256.Sum256([]byte(m.Doc.Title + "\x00" + m.Doc.Text))
		h = hex.EncodeToString(s[:])
	}
	id := sha256.Sum256([]byte(m.Doc.ID))
	return h + "." + hex.EncodeToString(id[:8])
}

// decodeMessage parses and checks a queued message.
func decodeMessage(b []byte) (Message, error) {
	var m Message
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("decode message: %w", err)
	}
	if m.Doc.ID == "" {
		return m, errors.New("decode message: document has no id")
	}
	return m, nil
}

// Headers set on dead letters.
const (
	HeaderReason     = "Marsad-Reason"
	HeaderDocID      = "Marsad-Doc-Id"
	HeaderOrigin     = "Marsad-Origin"
	HeaderDeliveries = "Marsad-Deliveries"
	HeaderWorker     = "Marsad-Worker"
	HeaderStreamSeq  = "Marsad-Stream-Seq"
)
