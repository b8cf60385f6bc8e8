package arabic

import "testing"

// BenchmarkDefaultLexicon measures reading the built-in word list and
// computing the stems of its words, paid once per process.
func BenchmarkDefaultLexicon(b *testing.B) {
	for b.Loop() {
		if _, err := ParseLexicon(wordsArabic()); err != nil {
			b.Fatal(err)
		}
	}
}
