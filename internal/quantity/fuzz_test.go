package quantity

import (
	"math"
	"testing"
	"unicode/utf8"

	"github.com/marsad-dev/marsad/internal/examples"
	"github.com/marsad-dev/marsad/internal/text"
)

// onBoundary reports whether i is where a rune (or an invalid byte, which
// decodes as one) starts when s is decoded from its beginning, or len(s).
func onBoundary(s string, i int) bool {
	if i < 0 || i > len(s) {
		return false
	}
	for k := 0; k < len(s); {
		if k == i {
			return true
		}
		if k > i {
			return false
		}
		_, n := utf8.DecodeRuneInString(s[k:])
		k += n
	}
	return i == len(s)
}

func FuzzExtract(f *testing.F) {
	for _, r := range examples.All() {
		f.Add(r.Text)
	}
	for _, s := range []string{
		"2500 إلى ثلاثة آلاف شخص", "بين 20 و30", "between 20 and 30 people", "20-30", "أكثر من 200 ألف",
		"عشرات الآلاف", "tens of thousands of", "a few hundred", "الحادي والعشرين", "twenty-first",
		"17/10/2019", "1,234.5", "١٢٠٫٠٠٠", "9 نساء فرنسيات", "ثلاثمائة وخمسة وعشرين", "a", "و", "-",
		"99999999999999999999999", "1.2.3.4", "ألف ألف ألف", "خمسة عشر ألف", "من 5 إلى",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		toks := (&text.Tokenizer{}).Tokenize(src)
		qs := Extract(src, toks)
		prevEnd, prevTok := 0, 0
		for _, q := range qs {
			if q.Start < prevEnd || q.Start > q.End || q.End > len(src) || !onBoundary(src, q.Start) || !onBoundary(src, q.End) {
				t.Fatalf("bad span %v (prev end %d) in %q", q.Span, prevEnd, src)
			}
			if src[q.Start:q.End] != q.Text {
				t.Fatalf("text %q != src span %q", q.Text, src[q.Start:q.End])
			}
			if q.FirstToken < prevTok || q.FirstToken >= q.LastToken || q.LastToken > len(toks) {
				t.Fatalf("bad tokens [%d,%d) of %d", q.FirstToken, q.LastToken, len(toks))
			}
			if toks[q.FirstToken].Start != q.Start || toks[q.LastToken-1].End != q.End {
				t.Fatalf("span %v does not match tokens [%d,%d)", q.Span, q.FirstToken, q.LastToken)
			}
			prevEnd, prevTok = q.End, q.LastToken
			if q.Noun != nil {
				n := *q.Noun
				if n.Start < 0 || n.Start >= n.End || n.End > len(src) || !onBoundary(src, n.Start) || !onBoundary(src, n.End) || src[n.Start:n.End] != q.NounText {
					t.Fatalf("bad noun span %v in %q", n, src)
				}
			}
			for _, v := range []float64{q.Value, q.Min, q.Max} {
				if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
					t.Fatalf("bad number %v in %+v", v, q)
				}
			}
			if q.Min > q.Value || (q.Max != 0 && q.Value > q.Max) {
				t.Fatalf("min %v value %v max %v out of order for %q", q.Min, q.Value, q.Max, q.Text)
			}
		}
	})
}
