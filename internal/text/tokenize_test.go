package text

import (
	"slices"
	"strings"
	"testing"

	"github.com/marsad-dev/marsad/internal/arabic"
)

func texts(toks []Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Text)
	}
	return strings.Join(s, "|")
}

func TestTokenize(t *testing.T) {
	tk := Tokenizer{Splitter: arabic.DefaultSplitter()}
	tests := []struct {
		name, in, want string
	}{
		{"Arabic words and comma", "قصف مدفعي، وغارة", "قصف|مدفعي|،|وغارة"},
		{"letters then digits", "يوم الخميس17 أكتوبر", "يوم|الخميس|17|أكتوبر"},
		{"digits then letters", "في 3ايام", "في|3|ايام"},
		{"number with separators", "قتل 120,000 و١٢٠٫٥ و 2.5", "قتل|120,000|و|١٢٠٫٥|و|2.5"},
		{"number ending in a stop", "بلغ 15.", "بلغ|15|."},
		{"repeated marks together", "ماذا؟! كيف..!!", "ماذا|؟|!|كيف|..|!!"},
		{"guillemets", "«قسد» قالت", "«|قسد|»|قالت"},
		{"presentation forms stay in the word", "اﻷمنية", "اﻷمنية"},
		{"tatweel and harakat inside", "الــرَّقَّة", "الــرَّقَّة"},
		{"invisible marks skipped", "\u200Fالرقة\u200F", "الرقة"},
		{"script change", "قال Trump إن", "قال|Trump|إن"},
		{"English apostrophe", "Turkey's army don't", "Turkey's|army|don't"},
		{"run-together split", "ذكرت الأممالمتحدة أن", "ذكرت|الأمم|المتحدة|أن"},
		{"run-together with و", "اتفقت تركياوروسيا", "اتفقت|تركيا|وروسيا"},
		{"invalid bytes", "ab\xffcd", "ab|\xff|cd"},
		{"percent", "50% و٥٠٪", "50|%|و|٥٠|٪"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tk.Tokenize(tt.in)
			if got := texts(toks); got != tt.want {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			checkTokens(t, tt.in, toks)
		})
	}
}

func TestTokenFields(t *testing.T) {
	tk := Tokenizer{Splitter: arabic.DefaultSplitter()}
	src := "وبالرقة فى الأمريكى اﻹرهاب ذكرت الأممالمتحدة ١٥ Raqqa"
	toks := tk.Tokenize(src)
	byText := map[string]Token{}
	for _, t := range toks {
		byText[t.Text] = t
	}
	check := func(text, norm, key string, kind Kind, script Script) {
		t.Helper()
		tok, ok := byText[text]
		if !ok {
			t.Fatalf("no token %q in %q", text, texts(toks))
		}
		if tok.Norm != norm || tok.Key != key || tok.Kind != kind || tok.Script != script {
			t.Errorf("%q: norm %q key %q kind %v script %v; want %q %q %v %v", text, tok.Norm, tok.Key, tok.Kind, tok.Script, norm, key, kind, script)
		}
	}
	check("فى", "فى", "في", Word, Arabic)
	check("الأمريكى", "الأمريكى", "الامريكي", Word, Arabic)
	check("اﻹرهاب", "الإرهاب", "الارهاب", Word, Arabic)
	check("١٥", "15", "15", Number, OtherScript)
	check("Raqqa", "Raqqa", "raqqa", Word, Latin)
	if st := byText["وبالرقة"].Stems; !slices.Equal(st, []string{"بالرقه", "الرقه", "رقه"}) {
		t.Errorf("stems of وبالرقة = %v", st)
	}
	if byText["Raqqa"].Stems != nil {
		t.Error("Latin token has stems")
	}
	if !byText["الأمم"].Split || !byText["المتحدة"].Split || byText["ذكرت"].Split {
		t.Error("Split flags wrong")
	}
}

func TestTokenizeWithoutSplitter(t *testing.T) {
	var tk Tokenizer
	if got := texts(tk.Tokenize("الأممالمتحدة")); got != "الأممالمتحدة" {
		t.Errorf("zero Tokenizer split a word: %q", got)
	}
}

func TestAppendTokensBase(t *testing.T) {
	var tk Tokenizer
	src := "xx قصف 12"
	toks := tk.AppendTokens(nil, src[3:], 3)
	checkTokens(t, src, toks)
}

// checkTokens checks the token invariants: offsets within src and on rune
// boundaries, Text == src[Start:End], tokens ordered and not overlapping.
func checkTokens(t *testing.T, src string, toks []Token) {
	t.Helper()
	// Rune boundaries as decoding sees them: an invalid byte is one rune.
	starts := map[int]bool{len(src): true}
	for i := range src {
		starts[i] = true
	}
	prev := 0
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(src) {
			t.Fatalf("token %d %q: span %v out of order or bounds (prev end %d, len %d)", i, tok.Text, tok.Span, prev, len(src))
		}
		if !starts[tok.Start] || !starts[tok.End] {
			t.Fatalf("token %d: span %v not on rune boundaries", i, tok.Span)
		}
		if src[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %d: Text %q != src[%d:%d] %q", i, tok.Text, tok.Start, tok.End, src[tok.Start:tok.End])
		}
		if arabic.Normalize(tok.Norm) != tok.Norm || arabic.Key(tok.Norm) != tok.Key {
			t.Fatalf("token %d %q: Norm %q / Key %q inconsistent", i, tok.Text, tok.Norm, tok.Key)
		}
		prev = tok.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "قال «قسد» إن 12 محتجزا فروا.", "تركياوالولاياتالمتحدة الخميس17", "U.S. 2.5 ١٢٠٫٠٠٠", "\xff\xfeا\u0654", "ب\uFE70\uFEF9", "..!!؟!", "a'b'"} {
		f.Add(s)
	}
	tk := Tokenizer{Splitter: arabic.DefaultSplitter()}
	f.Fuzz(func(t *testing.T, s string) {
		toks := tk.Tokenize(s)
		checkTokens(t, s, toks)
		checkSentences(t, s, toks, Sentences(s, toks))
	})
}
