package clause

import (
	"strings"
	"testing"

	"github.com/marsad-dev/marsad/internal/analysis"
	"github.com/marsad-dev/marsad/internal/arabic"
)

func clauses(t *testing.T, src string) []string {
	t.Helper()
	a := analysis.New().Analyze(src, "", analysisTime)
	s := Splitter{Words: arabic.DefaultLexicon()}
	cs, parent := s.Split(a.Tokens, a.Sentences)
	if len(parent) != len(cs) {
		t.Fatalf("%d parents for %d clauses", len(parent), len(cs))
	}
	// The clauses tile the sentences: same bounds, no gap, no overlap.
	si := 0
	for i, c := range cs {
		if c.First >= c.Last || c.Start >= c.End {
			t.Fatalf("empty clause %d: %+v", i, c)
		}
		if i > 0 && cs[i-1].Last == c.First && cs[i-1].End != c.Start {
			t.Errorf("clauses %d and %d do not meet: %d vs %d", i-1, i, cs[i-1].End, c.Start)
		}
		for si < len(a.Sentences) && a.Sentences[si].Last <= c.First {
			si++
		}
		if parent[i] != si {
			t.Errorf("clause %d: parent %d, want %d", i, parent[i], si)
		}
		if s := a.Sentences[si]; c.First < s.First || c.Last > s.Last || c.Start < s.Start || c.End > s.End {
			t.Errorf("clause %+v outside its sentence %+v", c, s)
		}
	}
	var out []string
	for _, c := range cs {
		out = append(out, strings.TrimSpace(src[c.Start:c.End]))
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"short sentence is never cut", "قتل 5 مدنيين، وأصيب 3 آخرون.",
			[]string{"قتل 5 مدنيين، وأصيب 3 آخرون."}},
		{"comma and conjoined verb",
			"أعلن التنظيم مسؤوليته عن هجوم على مقر للقوات في قرية صغيرة غربي المدينة، وذكر بيان نشره على الإنترنت أنه قتل ستة عناصر.",
			[]string{"أعلن التنظيم مسؤوليته عن هجوم على مقر للقوات في قرية صغيرة غربي المدينة،", "وذكر بيان نشره على الإنترنت أنه قتل ستة عناصر."}},
		{"three clauses",
			"قصفت المدفعية محيط السجن المركزي في المدينة منذ الصباح الباكر، وأكدت مصادر محلية فرار عدد من السجناء خلال القصف، وتم إغلاق الطرق المؤدية إلى السجن بالكامل.",
			[]string{"قصفت المدفعية محيط السجن المركزي في المدينة منذ الصباح الباكر،", "وأكدت مصادر محلية فرار عدد من السجناء خلال القصف،", "وتم إغلاق الطرق المؤدية إلى السجن بالكامل."}},
		{"words that begin with waw are not conjunctions",
			"قتل ثلاثة مدنيين في قصف مدفعي على أطراف البلدة الشمالية، وسط مخاوف من تصعيد جديد في المنطقة.",
			[]string{"قتل ثلاثة مدنيين في قصف مدفعي على أطراف البلدة الشمالية، وسط مخاوف من تصعيد جديد في المنطقة."}},
		{"conjoined nouns are not cut",
			"وصل وفد من الأمم المتحدة إلى المدينة المنكوبة يوم الأحد الماضي، والوزير المسؤول عن ملف الإغاثة في البلاد.",
			[]string{"وصل وفد من الأمم المتحدة إلى المدينة المنكوبة يوم الأحد الماضي، والوزير المسؤول عن ملف الإغاثة في البلاد."}},
		{"no cut inside quotes",
			"وقال المتحدث: «قتل أربعة من عناصرنا في الهجوم على الحاجز العسكري، وأصيب عشرة آخرون بجروح متفاوتة» في بيان رسمي.",
			[]string{"وقال المتحدث: «قتل أربعة من عناصرنا في الهجوم على الحاجز العسكري، وأصيب عشرة آخرون بجروح متفاوتة» في بيان رسمي."}},
		{"an unbalanced quote does not block cuts",
			"وقال بيان للفصيل المسلح إن «عناصره قتلوا أربعة جنود خلال الهجوم على النقطة العسكرية قرب الجسر القديم، وأكدت مصادر طبية وصول عدد من الجرحى إلى المستشفى الميداني بعد منتصف الليل.",
			[]string{"وقال بيان للفصيل المسلح إن «عناصره قتلوا أربعة جنود خلال الهجوم على النقطة العسكرية قرب الجسر القديم،", "وأكدت مصادر طبية وصول عدد من الجرحى إلى المستشفى الميداني بعد منتصف الليل."}},
		{"while",
			"اندلعت اشتباكات عنيفة بين الطرفين في الأحياء الشرقية للمدينة، بينما واصلت الطائرات قصف القرى المحيطة بها طوال الليل.",
			[]string{"اندلعت اشتباكات عنيفة بين الطرفين في الأحياء الشرقية للمدينة،", "بينما واصلت الطائرات قصف القرى المحيطة بها طوال الليل."}},
		{"english semicolon and while",
			"Gunmen killed four soldiers at a checkpoint north of the city on Monday; the army said two attackers were arrested later, while aid groups warned that thousands more could flee the area.",
			[]string{"Gunmen killed four soldiers at a checkpoint north of the city on Monday;", "the army said two attackers were arrested later,", "while aid groups warned that thousands more could flee the area."}},
		{"english comma and is not cut",
			"Shelling killed three civilians in the old market of the town on Sunday, and the local council said the death toll could rise.",
			[]string{"Shelling killed three civilians in the old market of the town on Sunday, and the local council said the death toll could rise."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clauses(t, tt.src)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestNoWordsNoArabicCut(t *testing.T) {
	src := "أعلن التنظيم مسؤوليته عن هجوم على مقر للقوات في قرية صغيرة غربي المدينة، وذكر بيان نشره على الإنترنت أنه قتل ستة عناصر."
	a := analysis.New().Analyze(src, "ar", analysisTime)
	if cs, _ := (&Splitter{}).Split(a.Tokens, a.Sentences); len(cs) != len(a.Sentences) {
		t.Errorf("without a word list: %d clauses for %d sentences", len(cs), len(a.Sentences))
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("أعلن التنظيم مسؤوليته عن هجوم على مقر للقوات في قرية صغيرة غربي المدينة، وذكر بيان نشره على الإنترنت أنه قتل ستة عناصر.")
	f.Add("Gunmen killed four soldiers at a checkpoint north of the city on Monday; the army said two attackers were arrested, while others fled.")
	f.Add("«، و» ، ؛ ; \" ، وقال")
	an := analysis.New()
	s := Splitter{Words: arabic.DefaultLexicon(), MinTokens: 2}
	f.Fuzz(func(t *testing.T, src string) {
		a := an.Analyze(src, "", analysisTime)
		cs, _ := s.Split(a.Tokens, a.Sentences)
		next := 0
		for _, c := range cs {
			if c.First != next && (next == 0 || c.First < next) {
				t.Fatalf("clause starts at token %d, want >= %d", c.First, next)
			}
			if c.First >= c.Last || c.Start > c.End || c.End > len(src) {
				t.Fatalf("bad clause %+v", c)
			}
			next = c.Last
		}
	})
}

func TestVerbs(t *testing.T) {
	src := "قصفت المدفعية محيط السجن المركزي في المدينة منذ الصباح الباكر، وأكدت مصادر محلية فرار عدد من السجناء خلال القصف، وتم إغلاق الطرق المؤدية إلى السجن بالكامل."
	a := analysis.New().Analyze(src, "ar", analysisTime)
	s := Splitter{Words: arabic.DefaultLexicon(), Verbs: func(k string) bool { return k == "اكدت" }}
	cs, _ := s.Split(a.Tokens, a.Sentences)
	if len(cs) != 2 || !strings.HasPrefix(src[cs[1].Start:cs[1].End], "وأكدت") {
		for _, c := range cs {
			t.Logf("%q", src[c.Start:c.End])
		}
		t.Errorf("%d clauses, want a cut before وأكدت only", len(cs))
	}
}
