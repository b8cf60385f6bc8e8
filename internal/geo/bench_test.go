package geo

import (
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/corpus"
	"github.com/marsad-dev/marsad/internal/text"
)

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var g *Gazetteer
	c0 := cpuTime()
	n := 0
	for b.Loop() {
		n++
		var err error
		if g, err = Load(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-c0).Milliseconds())/float64(n), "cpu-ms/op")
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-live")
	b.ReportMetric(float64(g.Len()), "entries")
}

// cpuTime returns the process's user+system CPU time, which stays
// meaningful on a machine shared with other work.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

type benchDoc struct {
	src   string
	toks  []text.Token
	sents []text.Sentence
}

func benchDocs(b *testing.B, n int) []benchDoc {
	var tk text.Tokenizer
	var docs []benchDoc
	for _, d := range corpus.ANTForTest(b, 0) {
		if len(docs) == n {
			break
		}
		toks := tk.Tokenize(d.Text)
		docs = append(docs, benchDoc{d.Text, toks, text.Sentences(d.Text, toks)})
	}
	return docs
}

// BenchmarkTokenize is the text stage that resolution is compared with.
func BenchmarkTokenize(b *testing.B) {
	docs := benchDocs(b, 200)
	var tk text.Tokenizer
	bytes := 0
	for _, d := range docs {
		bytes += len(d.src)
	}
	b.SetBytes(int64(bytes))
	c0, n := cpuTime(), 0
	for b.Loop() {
		n++
		for _, d := range docs {
			toks := tk.Tokenize(d.src)
			_ = text.Sentences(d.src, toks)
		}
	}
	b.ReportMetric(float64((cpuTime()-c0).Milliseconds())/float64(n), "cpu-ms/op")
}

// BenchmarkResolve resolves the places of 200 news articles per iteration.
func BenchmarkResolve(b *testing.B) {
	docs := benchDocs(b, 200)
	r := NewResolver(gaz(b))
	bytes := 0
	for _, d := range docs {
		bytes += len(d.src)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	c0, n := cpuTime(), 0
	for b.Loop() {
		n++
		for _, d := range docs {
			r.Resolve(d.src, d.toks, d.sents, "ar")
		}
	}
	b.ReportMetric(float64((cpuTime()-c0).Milliseconds())/float64(n), "cpu-ms/op")
}

// BenchmarkResolveCold resolves the places of 200 news articles with the
// processor's caches disturbed between documents (by reading 4 MB), as in
// extraction, where analysis and coding run between two documents'
// resolutions; only the resolution is timed (resolve-µs/doc).
func BenchmarkResolveCold(b *testing.B) {
	docs := benchDocs(b, 200)
	r := NewResolver(gaz(b))
	junk := make([]uint64, 4<<20/8)
	var spent time.Duration
	sum := uint64(0)
	for b.Loop() {
		for _, d := range docs {
			for i := 0; i < len(junk); i += 8 {
				sum += junk[i]
			}
			t0 := time.Now()
			r.Resolve(d.src, d.toks, d.sents, "ar")
			spent += time.Since(t0)
		}
	}
	b.ReportMetric(float64(spent.Microseconds())/float64(b.N*len(docs)), "resolve-µs/doc")
	if sum != 0 {
		b.Fatal("junk changed")
	}
}
