package text

import (
	"testing"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/corpus"
	"github.com/marsad-dev/marsad/internal/examples"
)

func benchDocs(b *testing.B, docs []string) {
	tk := Tokenizer{Splitter: arabic.DefaultSplitter()}
	n, sents := 0, 0
	for _, d := range docs {
		n += len(d)
		sents += len(Sentences(d, tk.Tokenize(d)))
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Sentences(d, tk.Tokenize(d))
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkTokenizeSentencesExamples measures tokenisation (with the
// run-together splitter) and sentence splitting on the built-in reports.
func BenchmarkTokenizeSentencesExamples(b *testing.B) {
	var docs []string
	for _, ex := range examples.All() {
		docs = append(docs, ex.Text)
	}
	benchDocs(b, docs)
}

// BenchmarkTokenizeSentencesCorpus does the same on 8 MB of the ANT corpus
// ($MARSAD_SHARED or ../shared/data; skipped when absent).
func BenchmarkTokenizeSentencesCorpus(b *testing.B) {
	docs := corpus.Texts(corpus.ANTForTest(b, 8<<20))
	benchDocs(b, docs)
}
