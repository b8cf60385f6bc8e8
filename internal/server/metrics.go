package server

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/marsad-dev/marsad/internal/store"
)

// metrics are the server's Prometheus metrics, registered on its own
// registry.
type metrics struct {
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	ingested *prometheus.CounterVec
	extracts prometheus.Counter
}

func newMetrics(reg *prometheus.Registry, stats *statsCache) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "marsad_http_requests_total",
			Help: "HTTP requests by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "marsad_http_request_duration_seconds",
			Help:    "HTTP request latency by route pattern.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		ingested: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "marsad_documents_ingested_total",
			Help: "Documents posted to /api/documents, by store outcome.",
		}, []string{"status"}),
		extracts: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "marsad_extract_total",
			Help: "Reports coded by /api/extract.",
		}),
	}
	for _, c := range []prometheus.Collector{
		m.requests, m.latency, m.ingested, m.extracts,
		&recordCollector{stats: stats},
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// recordCollector reports the size of the record (documents, events, ...)
// from the server's cached store statistics.
type recordCollector struct {
	stats *statsCache
}

// statsCache keeps store.Stats for ttl: the summary scans the whole record,
// and neither the page nor a scraper needs it fresher than that.
type statsCache struct {
	st  store.Store
	ttl time.Duration

	mu   sync.Mutex
	at   time.Time
	last store.Stats
	err  error
}

// get returns the cached statistics, refreshing them when older than ttl
// or when the last query failed.
func (c *statsCache) get(ctx context.Context) (store.Stats, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil || time.Since(c.at) > c.ttl {
		c.last, c.err = c.st.Stats(ctx)
		c.at = time.Now()
	}
	return c.last, c.err
}

// invalidate makes the next get query the store.
func (c *statsCache) invalidate() {
	c.mu.Lock()
	c.at = time.Time{}
	c.mu.Unlock()
}

var recordDesc = map[string]*prometheus.Desc{
	"documents": prometheus.NewDesc("marsad_documents", "Documents in the store.", nil, nil),
	"events":    prometheus.NewDesc("marsad_events", "Merged events in the store.", nil, nil),
	"mentions":  prometheus.NewDesc("marsad_mentions", "Event mentions in the store.", nil, nil),
	"claims":    prometheus.NewDesc("marsad_claims", "Claims in the store.", nil, nil),
	"figures":   prometheus.NewDesc("marsad_figures", "Standing figures in the store.", nil, nil),
	"up":        prometheus.NewDesc("marsad_store_up", "1 when the last store statistics query succeeded.", nil, nil),
}

func (c *recordCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range recordDesc {
		ch <- d
	}
}

func (c *recordCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	st, err := c.stats.get(ctx)
	cancel()
	up := 1.0
	if err != nil {
		up = 0
	}
	ch <- prometheus.MustNewConstMetric(recordDesc["up"], prometheus.GaugeValue, up)
	if err != nil {
		return
	}
	for k, v := range map[string]int{"documents": st.Documents, "events": st.Events, "mentions": st.Mentions, "claims": st.Claims, "figures": st.Figures} {
		ch <- prometheus.MustNewConstMetric(recordDesc[k], prometheus.GaugeValue, float64(v))
	}
}

func (s *Server) metricsHandler() http.Handler {
	return promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{ErrorLog: slogPromLogger{s}})
}

type slogPromLogger struct{ s *Server }

func (l slogPromLogger) Println(v ...any) { l.s.log.Warn("metrics", "msg", v) }

// statusWriter records the status code a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// instrument counts requests and observes latencies by the route pattern
// the mux matched (so that ids in paths do not make new series).
func (s *Server) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		if sw.code == 0 {
			sw.code = http.StatusOK
		}
		s.m.requests.WithLabelValues(route, r.Method, strconv.Itoa(sw.code)).Inc()
		s.m.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}
