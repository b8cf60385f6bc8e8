package coder

import (
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/analysis"
	"github.com/marsad-dev/marsad/internal/corpus"
	"github.com/marsad-dev/marsad/internal/text"
)

// antDocs reads up to limit bytes of article text from the ANT corpus
// ($MARSAD_SHARED or ../shared/data); it skips the benchmark when absent.
func antDocs(b *testing.B, limit int) []text.Document {
	var docs []text.Document
	for _, d := range corpus.ANTForTest(b, limit) {
		docs = append(docs, text.Document{ID: d.ID, Text: d.Text, Lang: "ar",
			Published: time.Date(2018, 2, 18, 0, 0, 0, 0, time.UTC)})
	}
	return docs
}

// BenchmarkCodeCorpus measures the whole extract path (analysis, matching,
// places, coding) on 2 MB of the ANT corpus, in bytes and sentences per
// second (skipped when the corpus is absent).
func BenchmarkCodeCorpus(b *testing.B) {
	c := testCoder(b)
	docs := antDocs(b, 2<<20)
	n, sents := 0, 0
	for _, d := range docs {
		n += len(d.Text)
		sents += len(c.an.Analyze(d.Text, d.Lang, d.Published).Sentences)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			c.Code(d)
		}
	}
	reportRates(b, n, sents, cpuTime()-cpu0)
}

// reportRates reports sentences per second of wall time, and sentences
// and MB per second of CPU time (the figures to trust when other processes
// compete for the cores; with -cpu 1 they are per core).
func reportRates(b *testing.B, bytes, sents int, cpu time.Duration) {
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu > 0 {
		b.ReportMetric(float64(sents)*float64(b.N)/cpu.Seconds(), "sentences/cpu-s")
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkCodeCorpusCoderOnly measures the coder alone on analysed
// documents: what internal/coder and internal/lexicon cost.
func BenchmarkCodeCorpusCoderOnly(b *testing.B) {
	c := testCoder(b)
	docs := antDocs(b, 2<<20)
	n, sents := 0, 0
	var as []*analysis.Result
	for _, d := range docs {
		n += len(d.Text)
		a := c.an.Analyze(d.Text, d.Lang, d.Published)
		sents += len(a.Sentences)
		as = append(as, a)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for i, d := range docs {
			c.CodeAnalysis(d, as[i])
		}
	}
	reportRates(b, n, sents, cpuTime()-cpu0)
}
