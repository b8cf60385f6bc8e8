package analysis

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/marsad-dev/marsad/internal/corpus"
	"github.com/marsad-dev/marsad/internal/examples"
	"github.com/marsad-dev/marsad/internal/text"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// sharedDir returns the shared development data directory: $MARSAD_SHARED
// or ../shared/data relative to the repository root.
func sharedDir() string {
	if d := os.Getenv("MARSAD_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "data")
}

// describe renders the text-core part of an analysis (sentences and tokens
// with offsets, views and stems) one unit per line.
func describe(r *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "lang %s\n", r.Lang)
	for _, s := range r.Sentences {
		fmt.Fprintf(&b, "\nsentence [%d,%d) %s tokens %d-%d\n", s.Start, s.End, s.Lang, s.First, s.Last)
		for i := s.First; i < s.Last; i++ {
			t := r.Tokens[i]
			fmt.Fprintf(&b, "  %d [%d,%d) %s %q", i, t.Start, t.End, t.Kind, t.Text)
			if t.Norm != t.Text {
				fmt.Fprintf(&b, " norm=%q", t.Norm)
			}
			if t.Key != t.Norm {
				fmt.Fprintf(&b, " key=%q", t.Key)
			}
			if len(t.Stems) > 0 {
				fmt.Fprintf(&b, " stems=%s", strings.Join(t.Stems, ","))
			}
			if t.Split {
				b.WriteString(" split")
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestExamplesGolden(t *testing.T) {
	a := New()
	for _, ex := range examples.All() {
		t.Run(ex.Name, func(t *testing.T) {
			r := a.Analyze(ex.Text, "", ex.Published)
			if r.Lang != ex.Lang {
				t.Errorf("detected language %q, want %q", r.Lang, ex.Lang)
			}
			checkResult(t, r)
			got := describe(r)
			path := filepath.Join("testdata", ex.Name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/analysis -run Golden -update)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("analysis differs from %s at line %d:\n got %s\nwant %s\n(run with -update if the change is intended)", path, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("analysis differs from %s in length: %d vs %d lines", path, len(gl), len(wl))
			}
		})
	}
}

// TestExampleDefects checks the defects the Arabic example was written with.
func TestExampleDefects(t *testing.T) {
	ex, err := examples.Get("ar")
	if err != nil {
		t.Fatal(err)
	}
	r := New().Analyze(ex.Text, "", ex.Published)
	has := func(text string, fn func(text.Token) bool) {
		t.Helper()
		for _, tok := range r.Tokens {
			if tok.Text == text && fn(tok) {
				return
			}
		}
		t.Errorf("no token %q with the expected analysis", text)
	}
	split := func(tok text.Token) bool { return tok.Split }
	has("اﻷمم", split)
	has("المتحدة", split)
	has("تركيا", split)
	has("وروسيا", func(tok text.Token) bool { return tok.Split && slices.Contains(tok.Stems, "روسيا") })
	has("الخميس", func(text.Token) bool { return true })
	has("7", func(tok text.Token) bool { return tok.Kind == text.Number })
	has("فى", func(tok text.Token) bool { return tok.Key == "في" })
	has("اﻷمنية", func(tok text.Token) bool { return tok.Norm == "الأمنية" && tok.Key == "الامنيه" })
	has("وأكد", func(tok text.Token) bool { return slices.Contains(tok.Stems, "اكد") })
}

// checkResult checks offsets and token/sentence invariants.
func checkResult(t *testing.T, r *Result) {
	t.Helper()
	prev := 0
	for i, tok := range r.Tokens {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(r.Text) || r.Text[tok.Start:tok.End] != tok.Text ||
			!utf8.RuneStart(r.Text[tok.Start]) {
			t.Fatalf("token %d %q has bad span %v", i, tok.Text, tok.Span)
		}
		prev = tok.End
	}
	next := 0
	for _, s := range r.Sentences {
		if s.First != next || s.Start != r.Tokens[s.First].Start || s.End != r.Tokens[s.Last-1].End {
			t.Fatalf("sentence %v does not tile the tokens", s)
		}
		next = s.Last
	}
	if next != len(r.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(r.Tokens))
	}
}

// TestSeedArticle checks the defects of the canonical seed article
// (../shared/examples/seed-article-ar.txt), when it is present.
func TestSeedArticle(t *testing.T) {
	path := filepath.Join(sharedDir(), "..", "examples", "seed-article-ar.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	src := string(b)
	r := New().Analyze(src, "", time.Time{})
	checkResult(t, r)
	if r.Lang != "ar" {
		t.Errorf("language %q", r.Lang)
	}
	// Presentation forms ﻹ (U+FEF9) and ﻵ (U+FEF5) are normalised.
	var lig int
	for _, tok := range r.Tokens {
		for _, c := range []string{"\uFEF9", "\uFEF5", "\uFEF7"} {
			if strings.Contains(tok.Text, c) {
				lig++
				if strings.ContainsAny(tok.Norm, "\uFEF9\uFEF5\uFEF7") || tok.Norm == tok.Text {
					t.Errorf("%q: norm %q keeps the presentation form", tok.Text, tok.Norm)
				}
			}
		}
	}
	if lig == 0 {
		t.Error("no presentation forms found in the seed article")
	}
	// Run-together words are split with offsets into the original.
	for _, run := range []struct {
		word   string
		pieces []string
	}{
		{"تركياوالولاياتالمتحدة", []string{"تركيا", "والولايات", "المتحدة"}},
		{"الأممالمتحدة", []string{"الأمم", "المتحدة"}},
		{"الخميس17", []string{"الخميس", "17"}},
	} {
		at := strings.Index(src, run.word)
		if at < 0 {
			t.Errorf("%s not in the seed article", run.word)
			continue
		}
		i := slices.IndexFunc(r.Tokens, func(tok text.Token) bool { return tok.Start == at })
		if i < 0 || i+len(run.pieces) > len(r.Tokens) {
			t.Errorf("%s: no token at offset %d", run.word, at)
			continue
		}
		off := at
		for j, p := range run.pieces {
			tok := r.Tokens[i+j]
			if tok.Text != p || tok.Start != off {
				t.Errorf("%s: piece %d is %q at %d, want %q at %d", run.word, j, tok.Text, tok.Start, p, off)
			}
			off += len(p)
		}
	}
	// بالـ-type tokens have the article form and the bare stem.
	want := map[string][]string{"بالمنطقة": {"المنطقه", "منطقه"}, "بالقرب": {"القرب", "قرب"}, "للدواعش": {"الدواعش", "دواعش"}}
	for _, tok := range r.Tokens {
		if w, ok := want[tok.Text]; ok {
			for _, s := range w {
				if !slices.Contains(tok.Stems, s) {
					t.Errorf("%s: stems %v lack %s", tok.Text, tok.Stems, s)
				}
			}
			delete(want, tok.Text)
		}
	}
	for w := range want {
		t.Errorf("%s not found in the seed article", w)
	}
}

func BenchmarkAnalyzeExamples(b *testing.B) {
	a := New()
	exs := examples.All()
	n, sents := 0, 0
	for _, ex := range exs {
		n += len(ex.Text)
		sents += len(a.Analyze(ex.Text, "", ex.Published).Sentences)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, ex := range exs {
			a.Analyze(ex.Text, "", ex.Published)
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// corpus reads up to limit bytes of article text from the ANT corpus, or
// skips when it is absent.
func antTexts(b *testing.B, limit int) []string {
	return corpus.Texts(corpus.ANTForTest(b, limit))
}

func benchCorpus(b *testing.B, run func(string) int) {
	docs := antTexts(b, 8<<20)
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	b.SetBytes(int64(n))
	sents := 0
	b.ResetTimer()
	for b.Loop() {
		sents = 0
		for _, d := range docs {
			sents += run(d)
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkAnalyzeCorpus measures the whole analysis on 8 MB of the ANT
// Middle East corpus.
func BenchmarkAnalyzeCorpus(b *testing.B) {
	a := New()
	benchCorpus(b, func(d string) int { return len(a.Analyze(d, "", time.Time{}).Sentences) })
}

// BenchmarkTokenizeSentencesCorpus measures tokenisation (with the
// run-together splitter) and sentence splitting alone.
func BenchmarkTokenizeSentencesCorpus(b *testing.B) {
	a := New()
	benchCorpus(b, func(d string) int {
		toks := a.Tokenizer.Tokenize(d)
		return len(text.Sentences(d, toks))
	})
}
