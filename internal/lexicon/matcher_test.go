package lexicon

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/marsad-dev/marsad/internal/corpus"
	"github.com/marsad-dev/marsad/internal/text"
)

// antDocs reads up to maxBytes of article text from the ANT corpus, or
// returns nil when it is absent.
func antDocs(tb testing.TB, maxBytes int) []string {
	docs, err := corpus.ANT(filepath.Join(corpus.Dir(), corpus.ANTMiddleEast), maxBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		tb.Fatal(err)
	}
	return corpus.Texts(docs)
}

func run(m matcher, toks []text.Token) []rawMatch {
	out := m.find(nil, toks)
	slices.SortFunc(out, rawMatch.cmp)
	return out
}

// agree checks that the trie finds exactly what the naive matcher finds,
// each match once.
func agree(t *testing.T, l *Lexicon, label string, toks []text.Token) int {
	t.Helper()
	fast := run(l.m, toks)
	slow := run(naive{l.entries}, toks)
	for i := 1; i < len(fast); i++ {
		if fast[i] == fast[i-1] {
			t.Fatalf("%s: trie reports %v twice", label, fast[i])
		}
	}
	if !slices.Equal(fast, slow) {
		t.Fatalf("%s: trie and naive matcher disagree:\ntrie  %v\nnaive %v\ntext %q", label, fast, slow, joinText(toks))
	}
	return len(fast)
}

func joinText(toks []text.Token) string {
	var ws []string
	for _, t := range toks {
		ws = append(ws, t.Text)
	}
	return strings.Join(ws, " ")
}

// testLexicon is the embedded dictionaries plus prefix patterns, so that
// the agreement tests also exercise prefix edges.
func testLexicon(t *testing.T) *Lexicon {
	l := defaultLex(t)
	ext, err := l.Extend(mapFS("extra/triggers_test.tsv", "class\tpattern\n"+
		"escape\tفر*|هرب*|lost contro*\nattack\tهاجم*|اشتبا*|قصف* مدفع*|هاجم … قرية|قصف …2 مدفع*\nseizure\tسيطر* على\n"))
	if err != nil {
		t.Fatal(err)
	}
	return ext
}

func TestMatchersAgreeRandom(t *testing.T) {
	l := testLexicon(t)
	// vocabulary: the words of every pattern, with and without clitics, plus
	// filler words
	var vocab []string
	for _, e := range l.Entries() {
		vocab = append(vocab, strings.Fields(strings.ReplaceAll(e.Pattern, "*", ""))...)
	}
	filler := []string{"في", "من", "إلى", "على", "the", "of", "in", "،", ".", "؟", "2019", "١٢", "قرية", "السجن", "prison", "town"}
	clitics := []string{"", "", "", "و", "ب", "ل", "وال", "بال", "لل", "ف"}
	suffixes := []string{"", "", "", "ت", "وا", "ها", "هم", "ات", "ين"}
	rng := rand.New(rand.NewPCG(1, 2))
	tk := text.Tokenizer{}
	total := 0
	for i := range 400 {
		var b strings.Builder
		n := 1 + rng.IntN(25)
		for range n {
			var w string
			if rng.IntN(4) == 0 {
				w = filler[rng.IntN(len(filler))]
			} else {
				w = vocab[rng.IntN(len(vocab))]
				if text.DetectLang(w) == "ar" {
					w = clitics[rng.IntN(len(clitics))] + w + suffixes[rng.IntN(len(suffixes))]
				} else if rng.IntN(3) == 0 {
					w = strings.ToUpper(w)
				}
			}
			b.WriteString(w)
			b.WriteByte(' ')
		}
		total += agree(t, l, fmt.Sprintf("stream %d", i), tk.Tokenize(b.String()))
	}
	if total < 400 {
		t.Errorf("only %d matches in 400 random streams: the generator is not exercising the dictionaries", total)
	}
}

func TestMatchersAgreeText(t *testing.T) {
	l := testLexicon(t)
	docs := []string{
		"قالت وزارة الدفاع التركية إن قواتها قصفت مواقع لوحدات حماية الشعب الكردية قرب رأس العين، فيما أفاد المرصد السوري لحقوق الإنسان بفرار عشرات المحتجزين من سجن مجاور.",
		"ونفى أردوغان أن يكون المئات قد فرّوا، بينما حذرت الأمم المتحدة من موجة نزوح جديدة وأعربت عن قلقها على المدنيين.",
		"وتبنى تنظيم الدولة الإسلامية عبر وكالة أعماق هجوماً بسيارة مفخخة أسفر عن مقتل ستة مقاتلين وإصابة آخرين بجروح.",
		"Turkish-backed factions seized the town after days of clashes, the Syrian Observatory said, as the U.S. and Turkey agreed a ceasefire.",
		"The Pentagon denied reports that ISIS detainees had escaped; Kurdish authorities said 785 people linked to IS fled the camp.",
	}
	for _, d := range antDocs(t, 100<<10) {
		docs = append(docs, d)
	}
	tk := text.Tokenizer{}
	total := 0
	for i, d := range docs {
		total += agree(t, l, fmt.Sprintf("doc %d", i), tk.Tokenize(d))
	}
	t.Logf("%d documents, %d matches", len(docs), total)
}
