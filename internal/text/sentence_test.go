package text

import (
	"strings"
	"testing"
)

func sentenceTexts(src string) []string {
	var tk Tokenizer
	toks := tk.Tokenize(src)
	var out []string
	for _, s := range Sentences(src, toks) {
		out = append(out, src[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"Arabic comma is not an end", "قال المتحدث، في بيان، إن القصف استمر. وأضاف أن الوضع صعب.",
			[]string{"قال المتحدث، في بيان، إن القصف استمر.", "وأضاف أن الوضع صعب."}},
		{"question and exclamation runs", "كيف هربوا..!! من ساعدهم؟! الجواب معروف !! انتهى",
			[]string{"كيف هربوا..!!", "من ساعدهم؟!", "الجواب معروف !!", "انتهى"}},
		{"quotation holds its stops", "وقال «لن نتراجع. سنرد بقوة» ثم غادر. وانتهى الاجتماع.",
			[]string{"وقال «لن نتراجع. سنرد بقوة» ثم غادر.", "وانتهى الاجتماع."}},
		{"stop before closing quote ends", "قال: «انتهت العملية.» وغادر الوفد.",
			[]string{"قال: «انتهت العملية.»", "وغادر الوفد."}},
		{"unbalanced opening quote", "نشر التنظيم بيانا قال فيه «قتلنا ستة. وأصيب آخرون. ثم عاد الهدوء.",
			[]string{"نشر التنظيم بيانا قال فيه «قتلنا ستة.", "وأصيب آخرون.", "ثم عاد الهدوء."}},
		{"reversed guillemet as opener", "ما يسمى ب»الدولة الإسلامية». وأصدر المكتب بيانا.",
			[]string{"ما يسمى ب»الدولة الإسلامية».", "وأصدر المكتب بيانا."}},
		{"stop before a comma", "وقال «قتلنا ستة من العناصر.، وتم الإعلان عن هروب خمسة.",
			[]string{"وقال «قتلنا ستة من العناصر.، وتم الإعلان عن هروب خمسة."}},
		{"line break ends a headline", "فرار محتجزين من سجن\n\nأفادت مصادر بفرار 12 محتجزا.",
			[]string{"فرار محتجزين من سجن", "أفادت مصادر بفرار 12 محتجزا."}},
		{"English abbreviations and decimals", "The U.S. envoy said 2.5 million fled. Mr. Smith arrived on Nov. 10, 2019. He left.",
			[]string{"The U.S. envoy said 2.5 million fled.", "Mr. Smith arrived on Nov. 10, 2019.", "He left."}},
		{"abbreviation at a sentence end", "He lives in the U.S. The weather is fine.",
			[]string{"He lives in the U.S.", "The weather is fine."}},
		{"initials", "Officials told J. R. Smith. Nothing else.",
			[]string{"Officials told J. R. Smith.", "Nothing else."}},
		{"English quotes", `He said "we will return. Soon." Then he left... Nobody knew why?! Really.`,
			[]string{`He said "we will return. Soon."`, "Then he left...", "Nobody knew why?!", "Really."}},
		{"lower-case after a stop", "It hit the village at approx. noon, and then stopped.",
			[]string{"It hit the village at approx. noon, and then stopped."}},
		{"mixed languages", "قال المرصد إن 15 شخصا قتلوا. The SDF denied it.",
			[]string{"قال المرصد إن 15 شخصا قتلوا.", "The SDF denied it."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.in)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Sentences:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSentenceLang(t *testing.T) {
	src := "قال المرصد إن 15 شخصا قتلوا. The SDF denied it. 12 ... !"
	var tk Tokenizer
	toks := tk.Tokenize(src)
	var langs []string
	for _, s := range Sentences(src, toks) {
		langs = append(langs, s.Lang)
	}
	if strings.Join(langs, ",") != "ar,en," {
		t.Errorf("sentence languages = %q, want ar,en,", langs)
	}
}

func TestDetectLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"12 345 !", ""},
		{"قصف مدفعي على الحسكة", "ar"},
		{"Shelling hit Hasakah", "en"},
		{"قالت وكالة Reuters إن القصف استمر", "ar"},
		{"The SDF (قسد) said on Tuesday that the prisoners fled", "en"},
		{"Ça a été confirmé", "en"}, // Latin script
		{"اﻹرهاب", "ar"},            // presentation forms count as Arabic
	}
	for _, tt := range tests {
		if got := DetectLang(tt.in); got != tt.want {
			t.Errorf("DetectLang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// checkSentences checks that sentences are ordered, cover their tokens and
// lie within src.
func checkSentences(t *testing.T, src string, toks []Token, sents []Sentence) {
	t.Helper()
	next := 0
	for i, s := range sents {
		if s.First != next || s.Last <= s.First || s.Last > len(toks) {
			t.Fatalf("sentence %d: tokens [%d,%d) after %d of %d", i, s.First, s.Last, next, len(toks))
		}
		if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End || s.End > len(src) {
			t.Fatalf("sentence %d: span %v does not match its tokens", i, s.Span)
		}
		next = s.Last
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"", "قال «لن. نتراجع» ثم.", "U.S. Mr. J. Smith. He", "«««»»» \" \" .!؟", "a.\n.b", "ب»x». y"} {
		f.Add(s)
	}
	var tk Tokenizer
	f.Fuzz(func(t *testing.T, s string) {
		toks := tk.Tokenize(s)
		checkSentences(t, s, toks, Sentences(s, toks))
		if _, lang := SentencesLang(s, toks); lang != DetectLang(s) {
			t.Fatalf("SentencesLang(%q) language %q, DetectLang %q", s, lang, DetectLang(s))
		}
	})
}
