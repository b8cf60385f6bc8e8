package queue

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are one worker's Prometheus metrics, in a registry of their own
// (so several workers in one process never collide), every series labelled
// worker="<name>".
type Metrics struct {
	Registry *prometheus.Registry
	// processed counts documents acknowledged, by outcome: inserted,
	// replaced, unchanged (already stored: a redelivery or re-publish).
	processed *prometheus.CounterVec
	// failed counts failed attempts, by reason: panic, timeout, store,
	// decode, transient (store errors retried in place), shutdown.
	failed       *prometheus.CounterVec
	deadLettered prometheus.Counter
	latency      prometheus.Histogram
	inFlight     prometheus.Gauge
	abandoned    prometheus.Gauge
}

// NewMetrics returns a worker's metrics, with the Go runtime and process
// collectors registered beside them.
func NewMetrics(worker string) *Metrics {
	labels := prometheus.Labels{"worker": worker}
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		processed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "marsad_worker_processed_total", Help: "Documents coded, stored and acknowledged, by outcome.",
			ConstLabels: labels,
		}, []string{"outcome"}),
		failed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "marsad_worker_failed_total", Help: "Failed attempts at a document, by reason.",
			ConstLabels: labels,
		}, []string{"reason"}),
		deadLettered: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "marsad_worker_dead_lettered_total", Help: "Documents moved to the dead-letter stream.",
			ConstLabels: labels,
		}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "marsad_worker_document_seconds", Help: "Time from receiving a document to acknowledging it.",
			ConstLabels: labels, Buckets: prometheus.ExponentialBuckets(0.001, 2.5, 12),
		}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "marsad_worker_in_flight", Help: "Documents being worked on.", ConstLabels: labels,
		}),
		abandoned: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "marsad_worker_abandoned_coders", Help: "Coder calls past their time limit that have not returned yet.",
			ConstLabels: labels,
		}),
	}
	m.Registry.MustRegister(m.processed, m.failed, m.deadLettered, m.latency, m.inFlight, m.abandoned,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the registry in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{Registry: m.Registry})
}
