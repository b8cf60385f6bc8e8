package arabic

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func stemsOf(w string) []string {
	n := Normalize(w)
	return Stems(n, Key(n))
}

func TestStems(t *testing.T) {
	tests := []struct {
		word string
		want []string // must appear, in this order
		not  []string // must not appear
	}{
		{"وبالرقة", []string{"بالرقه", "الرقه", "رقه"}, nil},
		{"بالرقة", []string{"الرقه", "رقه"}, nil},
		{"والولايات", []string{"الولايات"}, nil},
		{"وأكدت", []string{"اكدت", "اكد"}, nil},
		{"وقال", []string{"قال"}, nil},
		{"فقال", []string{"قال"}, nil},
		{"للمرصد", []string{"المرصد", "مرصد"}, nil},
		{"وللمدنيين", []string{"للمدنيين", "المدنيين"}, nil},
		{"فالقوات", []string{"القوات", "قوات"}, nil},
		{"كالعادة", []string{"العاده"}, nil},
		{"ستكون", []string{"تكون"}, nil},
		{"بحسب", []string{"حسب"}, nil},
		{"اكدوا", []string{"اكد"}, nil},
		{"قتلوهم", []string{"قتل"}, nil},
		{"حكومته", []string{"حكومه"}, nil},
		{"سلاحها", []string{"سلاح"}, nil},
		{"والمقاتلين", []string{"المقاتلين", "مقاتلين"}, nil},
		{"الحسكة", []string{"حسكه"}, []string{"حسك", "الحسك"}},
		{"القرية", []string{"قريه"}, []string{"قري"}},
		{"فرار", nil, []string{"رار"}},
		{"وزير", nil, []string{"زير"}},
		{"ولاية", nil, []string{"لايه", "ايه"}},
		{"لبنان", nil, []string{"بنان"}},
		{"فقط", nil, []string{"قط"}},
		{"كانت", nil, []string{"انت"}},
		{"سوريا", nil, []string{"وريا"}},
		{"بينس", nil, []string{"ينس"}},
		{"إلى", nil, []string{"ي", "لي"}},
		{"في", nil, nil},
		{"من", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got := stemsOf(tt.word)
			last := -1
			for _, w := range tt.want {
				i := slices.Index(got, w)
				if i < 0 {
					t.Errorf("Stems(%s) = %v, want %s among them", tt.word, got, w)
					continue
				}
				if i < last {
					t.Errorf("Stems(%s) = %v: %s out of order (least stripped first)", tt.word, got, w)
				}
				last = i
			}
			for _, w := range tt.not {
				if slices.Contains(got, w) {
					t.Errorf("Stems(%s) = %v, must not contain %s", tt.word, got, w)
				}
			}
		})
	}
}

func TestStemsShortWordsWhole(t *testing.T) {
	for _, w := range []string{"في", "من", "عن", "لا", "ما", "قد", "لم", "بل", "ثم"} {
		if got := stemsOf(w); len(got) != 0 {
			t.Errorf("Stems(%s) = %v, want none", w, got)
		}
	}
	if got := stemsOf("Raqqa"); got != nil {
		t.Errorf("Stems of a Latin word = %v, want none", got)
	}
}

func TestDefaultLexicon(t *testing.T) {
	l := DefaultLexicon()
	if l.Len() < 20000 {
		t.Fatalf("built-in lexicon has %d words, want tens of thousands", l.Len())
	}
	if l.Count("في") == 0 || l.Count("الولايات") == 0 {
		t.Error("built-in lexicon lacks common words")
	}
	if l.Count("Raqqa") != 0 || l.Count("") != 0 {
		t.Error("built-in lexicon has non-words")
	}
	if first, _, _ := strings.Cut(wordsHeader(), "\n"); !strings.Contains(first, "go run ./internal/arabic/gen") {
		t.Errorf("word list's first line %q does not say how to regenerate it", first)
	}
}

func TestParseLexiconErrors(t *testing.T) {
	for _, s := range []string{"كلمة", "كلمة\tx", "كلمة\t0"} {
		if _, err := ParseLexicon(s); err == nil {
			t.Errorf("ParseLexicon(%q): want error", s)
		}
	}
	l, err := ParseLexicon("# comment\nفي\t10\nمن\t5\n")
	if err != nil || l.Len() != 2 || l.Count("من") != 5 {
		t.Fatalf("ParseLexicon: %v, %v", l, err)
	}
}

func FuzzStems(f *testing.F) {
	for _, s := range []string{"وبالرقة", "للمرصد", "حكومته", "ولل", "وبال", "ال", "لل", "ستكون", "\xffوب"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		k := Key(n)
		st := Stems(n, k)
		seen := map[string]bool{}
		for _, x := range st {
			if x == k || seen[x] {
				t.Fatalf("Stems(%q) = %v: repeats the key or a stem", s, st)
			}
			seen[x] = true
			if utf8.RuneCountInString(x) < 2 || !utf8.ValidString(x) {
				t.Fatalf("Stems(%q) = %v: bad stem %q", s, st, x)
			}
			if Key(x) != x {
				t.Fatalf("Stems(%q) = %v: stem %q is not a key", s, st, x)
			}
		}
	})
}
