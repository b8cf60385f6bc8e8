package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/marsad-dev/marsad/internal/queue"
)

func (m *Main) runWorker(ctx context.Context, args []string) error {
	fs := m.newFlagSet("worker", "--queue nats://HOST:4222 --db postgres://... [--concurrency N] [--max-deliver N] [--timeout D] [--metrics-listen HOST:PORT]")
	natsURL := fs.String("queue", "", "NATS server `URL` (nats://HOST:4222; several separated by commas)")
	db := addDBFlag(fs)
	stream := addStreamFlag(fs)
	consumerName := fs.String("consumer", "workers", "durable consumer `NAME` shared by the workers")
	name := fs.String("name", "", "worker name in metrics, heartbeats and dead letters (default HOSTNAME-PID)")
	concurrency := fs.Int("concurrency", runtime.GOMAXPROCS(0), "documents worked on at once (and the most unacknowledged messages held)")
	maxDeliver := fs.Int("max-deliver", 5, "attempts before a document is dead-lettered")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit for coding one document")
	ackWait := fs.Duration("ack-wait", time.Minute, "how long the server waits for a crashed worker's acknowledgement before redelivering")
	grace := fs.Duration("grace", 0, "on SIGTERM, how long to let documents in flight finish before nak'ing them (default --timeout)")
	heartbeat := fs.Duration("heartbeat", 5*time.Second, "interval of the worker's heartbeat (marsad status shows it)")
	metricsListen := fs.String("metrics-listen", "", "serve Prometheus metrics at http://`HOST:PORT`/metrics (off when empty)")
	cf := addCoderFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *natsURL == "" {
		return errors.New("--queue nats://HOST:4222 is required")
	}
	log := m.logger()
	c, err := cf.coder()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	nc, js, err := queue.Connect(*natsURL, "marsad worker")
	if err != nil {
		return err
	}
	defer nc.Close()
	cfg := queue.Config{Stream: *stream, Consumer: *consumerName, AckWait: *ackWait}
	w, err := queue.NewWorker(ctx, js, cfg, st, c, queue.WorkerOptions{
		Name: *name, Concurrency: *concurrency, MaxDeliver: *maxDeliver, Timeout: *timeout,
		Grace: *grace, Heartbeat: *heartbeat, Log: log,
	})
	if err != nil {
		return err
	}
	if *metricsListen != "" {
		ln, err := net.Listen("tcp", *metricsListen)
		if err != nil {
			return fmt.Errorf("--metrics-listen: %w", err)
		}
		mux := http.NewServeMux()
		mux.Handle("/metrics", w.Metrics().Handler())
		srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
		go func() {
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Error("metrics server", "err", err)
			}
		}()
		defer srv.Close()
		log.Info("metrics", "url", "http://"+ln.Addr().String()+"/metrics")
	}
	if err := w.Run(ctx); err != nil {
		return err
	}
	s := w.Stats()
	fmt.Fprintf(m.Stderr, "worker %s: %d documents (%d new, %d replaced, %d unchanged), %d failed attempts, %d dead-lettered\n",
		s.Name, s.Processed, s.Inserted, s.Replaced, s.Unchanged, s.Failed, s.DeadLettered)
	return nil
}
