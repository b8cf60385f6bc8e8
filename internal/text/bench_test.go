package text

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad-dev/marsad/internal/arabic"
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
	dir := os.Getenv("MARSAD_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	path := filepath.Join(dir, "news", "ant-2018", "ant_middleEast.jsonl")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("ANT corpus not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var docs []string
	for n := 0; sc.Scan() && n < 8<<20; {
		var d struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatalf("read %s: %v", path, err)
		}
		docs = append(docs, d.Text)
		n += len(d.Text)
	}
	benchDocs(b, docs)
}
