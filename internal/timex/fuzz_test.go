package timex

import (
	"testing"
	"time"
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

var layouts = map[string]string{Day: "2006-01-02", Week: "2006-01-02", Month: "2006-01", Year: "2006"}

func FuzzExtract(f *testing.F) {
	for _, r := range examples.All() {
		f.Add(r.Text, int64(r.Published.Unix()))
	}
	for _, s := range []string{
		"يوم الخميس17 أكتوبر 2019", "الخميس العاشر من أكتوبر 2019", "17/10/2019", "2019-10-17", "17.10.2019",
		"أول من أمس", "منذ يومين", "قبل ثلاثة أيام", "الأسبوع الماضي", "Thursday, Oct. 17, 2019", "two days ago",
		"the 3rd of May 2011", "في 29 فبراير", "31/02/2019", "تشرين", "كانون الأول الماضي", "last", "a week ago",
		"منذ 1000 عام", "الحادي والثلاثين من", "99/99/9999",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(1573516800))
	}
	f.Fuzz(func(t *testing.T, src string, pubUnix int64) {
		var pub time.Time
		if pubUnix != 0 {
			// keep the publication date in years 1900–2200
			pub = time.Unix(-2208988800+((pubUnix%9467280000)+9467280000)%9467280000, 0).UTC()
		}
		toks := (&text.Tokenizer{}).Tokenize(src)
		prevEnd, prevTok := 0, 0
		for _, d := range Extract(src, toks, pub) {
			if d.Start < prevEnd || d.Start >= d.End || d.End > len(src) || !onBoundary(src, d.Start) || !onBoundary(src, d.End) {
				t.Fatalf("bad span %v (prev end %d) in %q", d.Span, prevEnd, src)
			}
			if src[d.Start:d.End] != d.Text {
				t.Fatalf("text %q != src span %q", d.Text, src[d.Start:d.End])
			}
			if d.FirstToken < prevTok || d.FirstToken >= d.LastToken || d.LastToken > len(toks) ||
				toks[d.FirstToken].Start != d.Start || toks[d.LastToken-1].End != d.End {
				t.Fatalf("bad tokens [%d,%d) for %v", d.FirstToken, d.LastToken, d.Span)
			}
			prevEnd, prevTok = d.End, d.LastToken
			layout, ok := layouts[d.Precision]
			if !ok {
				t.Fatalf("bad precision %q", d.Precision)
			}
			if d.Resolved != (d.Value != "") {
				t.Fatalf("resolved %v with value %q", d.Resolved, d.Value)
			}
			if pub.IsZero() && d.Relative && d.Resolved {
				t.Fatalf("relative date %q resolved without a publication date", d.Text)
			}
			if d.Resolved {
				v, err := time.Parse(layout, d.Value)
				if err != nil {
					t.Fatalf("value %q does not match precision %s: %v", d.Value, d.Precision, err)
				}
				if d.Precision == Week && v.Weekday() != time.Monday {
					t.Fatalf("week %q does not start on a Monday", d.Value)
				}
			}
		}
	})
}
