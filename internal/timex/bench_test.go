package timex

import (
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/corpus"
	"github.com/marsad-dev/marsad/internal/examples"
	"github.com/marsad-dev/marsad/internal/text"
)

type benchDoc struct {
	src  string
	toks []text.Token
	pub  time.Time
}

// benchExtract measures Extract alone: the documents are tokenised (with
// the run-together splitter, as analysis does) before the timer starts.
func benchExtract(b *testing.B, docs []benchDoc) {
	n, found := 0, 0
	for _, d := range docs {
		n += len(d.src)
		found += len(Extract(d.src, d.toks, d.pub))
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Extract(d.src, d.toks, d.pub)
		}
	}
	b.ReportMetric(float64(found), "found/op")
}

func tokenize(src string, pub time.Time) benchDoc {
	tk := text.Tokenizer{Splitter: arabic.DefaultSplitter()}
	return benchDoc{src: src, toks: tk.Tokenize(src), pub: pub}
}

// BenchmarkExtractExamples runs Extract on the built-in example reports.
func BenchmarkExtractExamples(b *testing.B) {
	var docs []benchDoc
	for _, ex := range examples.All() {
		docs = append(docs, tokenize(ex.Text, ex.Published))
	}
	benchExtract(b, docs)
}

// BenchmarkExtractCorpus runs Extract on the first 4 MB of text of the ANT
// corpus ($MARSAD_SHARED or ../shared/data; skipped when absent).
func BenchmarkExtractCorpus(b *testing.B) {
	var docs []benchDoc
	pub := time.Date(2018, 2, 18, 0, 0, 0, 0, time.UTC)
	for _, d := range corpus.ANTForTest(b, 4<<20) {
		docs = append(docs, tokenize(d.Text, pub))
	}
	benchExtract(b, docs)
}
