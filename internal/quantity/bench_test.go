package quantity

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/arabic"
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
		found += len(Extract(d.src, d.toks))
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Extract(d.src, d.toks)
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
	var docs []benchDoc
	pub := time.Date(2018, 2, 18, 0, 0, 0, 0, time.UTC)
	for n := 0; sc.Scan() && n < 4<<20; {
		var d struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatalf("read %s: %v", path, err)
		}
		docs = append(docs, tokenize(d.Text, pub))
		n += len(d.Text)
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("read %s: %v", path, err)
	}
	benchExtract(b, docs)
}
