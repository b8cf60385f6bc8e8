package lexicon

import (
	"testing"

	"github.com/marsad-dev/marsad/internal/text"
)

type benchSentence []text.Token

// benchCorpus tokenises up to 4 MB of the ANT corpus into sentences (skips
// when the corpus is absent).
func benchCorpus(b *testing.B) []benchSentence {
	docs := antDocs(b, 4<<20)
	if docs == nil {
		b.Skip("ANT corpus not available ($MARSAD_SHARED or ../shared/data)")
	}
	tk := text.Tokenizer{}
	var out []benchSentence
	for _, d := range docs {
		toks := tk.Tokenize(d)
		for _, s := range text.Sentences(d, toks) {
			out = append(out, toks[s.First:s.Last])
		}
	}
	return out
}

func benchMatch(b *testing.B, match func([]text.Token) int) {
	sents := benchCorpus(b)
	b.ResetTimer()
	matches := 0
	for range b.N {
		for _, s := range sents {
			matches += match(s)
		}
	}
	b.ReportMetric(float64(len(sents)*b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(matches)/float64(len(sents)*b.N), "matches/sentence")
}

// BenchmarkMatchANT measures Lexicon.Match with the embedded dictionaries
// over the sentences of 4 MB of Arabic news (tokens precomputed).
func BenchmarkMatchANT(b *testing.B) {
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	benchMatch(b, func(s []text.Token) int { return len(l.Match(s)) })
}

// BenchmarkTrieFindANT measures the trie alone, without sorting and
// building Match values.
func BenchmarkTrieFindANT(b *testing.B) {
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var buf []rawMatch
	benchMatch(b, func(s []text.Token) int {
		buf = l.m.find(buf[:0], s)
		return len(buf)
	})
}

// BenchmarkDefault measures loading the embedded dictionaries.
func BenchmarkDefault(b *testing.B) {
	for range b.N {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}
