package quantity

import (
	"strings"
	"testing"

	"github.com/marsad-dev/marsad/internal/text"
)

// want describes one expected quantity, found by its text.
type want struct {
	text          string
	value         float64
	min, max      float64
	approx, vague bool
	ordinal, rng  bool
	datePart      bool
	noun          string
}

func extract(src string) []Quantity {
	tk := text.Tokenizer{}
	return Extract(src, tk.Tokenize(src))
}

func find(qs []Quantity, txt string) *Quantity {
	for i := range qs {
		if qs[i].Text == txt {
			return &qs[i]
		}
	}
	return nil
}

func checkSpans(t *testing.T, src string, qs []Quantity) {
	t.Helper()
	for _, q := range qs {
		if q.Start < 0 || q.End > len(src) || q.Start > q.End || src[q.Start:q.End] != q.Text {
			t.Errorf("%q: span %v does not give text %q", src, q.Span, q.Text)
		}
		if q.Noun != nil && src[q.Noun.Start:q.Noun.End] != q.NounText {
			t.Errorf("%q: noun span %v does not give %q", src, *q.Noun, q.NounText)
		}
		if q.FirstToken >= q.LastToken {
			t.Errorf("%q: empty token range for %q", src, q.Text)
		}
	}
}

func runCases(t *testing.T, cases []struct {
	src  string
	want []want
}) {
	t.Helper()
	for _, c := range cases {
		qs := extract(c.src)
		checkSpans(t, c.src, qs)
		for _, w := range c.want {
			q := find(qs, w.text)
			if q == nil {
				var got []string
				for _, q := range qs {
					got = append(got, q.Text)
				}
				t.Errorf("%q: no quantity %q (got %q)", c.src, w.text, got)
				continue
			}
			if q.Value != w.value || q.Min != w.min || q.Max != w.max {
				t.Errorf("%q: %q value/min/max = %v/%v/%v, want %v/%v/%v", c.src, w.text, q.Value, q.Min, q.Max, w.value, w.min, w.max)
			}
			if q.Approx != w.approx || q.Vague != w.vague || q.Ordinal != w.ordinal || q.Range != w.rng || q.DatePart != w.datePart {
				t.Errorf("%q: %q flags approx/vague/ordinal/range/date = %v/%v/%v/%v/%v, want %v/%v/%v/%v/%v", c.src, w.text,
					q.Approx, q.Vague, q.Ordinal, q.Range, q.DatePart, w.approx, w.vague, w.ordinal, w.rng, w.datePart)
			}
			if q.NounText != w.noun {
				t.Errorf("%q: %q noun = %q, want %q", c.src, w.text, q.NounText, w.noun)
			}
		}
	}
}

func exact(txt string, v float64, noun string) want {
	return want{text: txt, value: v, min: v, max: v, noun: noun}
}

func TestDigits(t *testing.T) {
	runCases(t, []struct {
		src  string
		want []want
	}{
		{"أفرجت السلطات عن 120,000 محتجز", []want{exact("120,000", 120000, "محتجز")}},
		{"نزح 120.000 شخص من المدينة", []want{exact("120.000", 120000, "شخص")}},
		{"يؤوي المخيم ١٢٠٫٠٠٠ لاجئ", []want{exact("١٢٠٫٠٠٠", 120000, "لاجئ")}},
		{"عبر 2500 لاجئ الحدود", []want{exact("2500", 2500, "لاجئ")}},
		{"prices rose 2.5 percent", []want{exact("2.5", 2.5, "percent")}},
		{"the bill was 1,234.5 dollars", []want{exact("1,234.5", 1234.5, "dollars")}},
		{"وصل ١٥ جريحا", []want{exact("١٥", 15, "جريحا")}},
	})
}

func TestMixed(t *testing.T) {
	runCases(t, []struct {
		src  string
		want []want
	}{
		{"يقيم في المخيمات 120 ألف محتجز", []want{exact("120 ألف", 120000, "محتجز")}},
		{"نزح 3 ملايين سوري", []want{exact("3 ملايين", 3e6, "سوري")}},
		{"يحتاج 2.5 مليون طفل إلى المساعدة", []want{exact("2.5 مليون", 2.5e6, "طفل")}},
		{"some 1.2 million refugees", []want{{text: "some 1.2 million", value: 1.2e6, min: 1.2e6, max: 1.2e6, approx: true, noun: "refugees"}}},
		{"12 thousand soldiers crossed", []want{exact("12 thousand", 12000, "soldiers")}},
		{"10 آلاف مقاتل", []want{exact("10 آلاف", 10000, "مقاتل")}},
	})
}

func TestArabicWords(t *testing.T) {
	runCases(t, []struct {
		src  string
		want []want
	}{
		{"قتل خمسة جنود في الهجوم", []want{exact("خمسة", 5, "جنود")}},
		{"أصيبت خمس نساء بجروح", []want{exact("خمس", 5, "نساء")}},
		{"اعتقل ستة شبان", []want{exact("ستة", 6, "شبان")}},
		{"خطف اثنين من الصحفيين", []want{exact("اثنين", 2, "الصحفيين")}},
		{"فر اثنان منهم", []want{exact("اثنان", 2, "")}},
		{"أسرت اثنتين من الممرضات", []want{exact("اثنتين", 2, "الممرضات")}},
		{"انضم ألفين مقاتل", []want{exact("ألفين", 2000, "مقاتل")}},
		{"نقل مئتين عنصر", []want{exact("مئتين", 200, "عنصر")}},
		{"سحب مائتي جندي", []want{exact("مائتي", 200, "جندي")}},
		{"هدم خمسمائة منزل", []want{exact("خمسمائة", 500, "منزل")}},
		{"هجرت خمسمئة عائلة", []want{exact("خمسمئة", 500, "عائلة")}},
		{"أفرج عن ثلاثة آلاف معتقل", []want{exact("ثلاثة آلاف", 3000, "معتقل")}},
		{"دمر ثلاث مئة منزل", []want{exact("ثلاث مئة", 300, "منزل")}},
		{"عاد عشرة آلاف نازح", []want{exact("عشرة آلاف", 10000, "نازح")}},
		{"قتل أحد عشر جنديا", []want{exact("أحد عشر", 11, "جنديا")}},
		{"احترقت إحدى عشرة سيارة", []want{exact("إحدى عشرة", 11, "سيارة")}},
		{"أطلق اثنا عشر صاروخا", []want{exact("اثنا عشر", 12, "صاروخا")}},
		{"قتل خمسة وعشرون مسلحا", []want{exact("خمسة وعشرون", 25, "مسلحا")}},
		{"سقط واحد وعشرين صاروخا", []want{exact("واحد وعشرين", 21, "صاروخا")}},
		{"أطلق مئة وخمسون أسيرا", []want{exact("مئة وخمسون", 150, "أسيرا")}},
		{"وصل ألف ومئتا لاجئ", []want{exact("ألف ومئتا", 1200, "لاجئ")}},
		{"بلغ العدد ثلاثمائة وخمسة وعشرين", []want{exact("ثلاثمائة وخمسة وعشرين", 325, "")}},
		{"قصفت بخمسة صواريخ", []want{exact("بخمسة", 5, "صواريخ")}},
		{"قتل شخص واحد", []want{exact("واحد", 1, "شخص")}},
		{"خمسة عشر قتيلا", []want{exact("خمسة عشر", 15, "قتيلا")}},
	})
}

func TestEnglishWords(t *testing.T) {
	runCases(t, []struct {
		src  string
		want []want
	}{
		{"five soldiers died", []want{exact("five", 5, "soldiers")}},
		{"twenty-five rockets landed", []want{exact("twenty-five", 25, "rockets")}},
		{"a dozen journalists were held", []want{exact("a dozen", 12, "journalists")}},
		{"two hundred villagers fled", []want{exact("two hundred", 200, "villagers")}},
		{"three thousand troops", []want{exact("three thousand", 3000, "troops")}},
		{"two hundred and fifty prisoners", []want{exact("two hundred and fifty", 250, "prisoners")}},
		{"three hundred fifty-six homes", []want{exact("three hundred fifty-six", 356, "homes")}},
		{"two dozen vehicles", []want{exact("two dozen", 24, "vehicles")}},
		{"a thousand tents", []want{exact("a thousand", 1000, "tents")}},
		{"eleven wounded", []want{exact("eleven", 11, "wounded")}},
		{"six Kurdish fighters were captured", []want{exact("six", 6, "Kurdish fighters")}},
	})
}

func TestOrdinals(t *testing.T) {
	ord := func(txt string, v float64) want {
		return want{text: txt, value: v, min: v, max: v, ordinal: true}
	}
	runCases(t, []struct {
		src  string
		want []want
	}{
		{"في اليوم العاشر للحصار", []want{ord("العاشر", 10)}},
		{"الجولة الحادي عشر من المفاوضات", []want{ord("الحادي عشر", 11)}},
		{"الذكرى الحادي والعشرين", []want{ord("الحادي والعشرين", 21)}},
		{"المرة الأولى", []want{ord("الأولى", 1)}},
		{"للمرة الثانية", []want{ord("الثانية", 2)}},
		{"on the tenth day", []want{ord("tenth", 10)}},
		{"the 10th brigade", []want{ord("10th", 10)}},
		{"its twenty-first session", []want{ord("twenty-first", 21)}},
	})
}

func TestRanges(t *testing.T) {
	rng := func(txt string, lo, hi float64, noun string) want {
		return want{text: txt, value: lo, min: lo, max: hi, rng: true, noun: noun}
	}
	runCases(t, []struct {
		src  string
		want []want
	}{
		{"تجمع 2500 إلى ثلاثة آلاف شخص", []want{rng("2500 إلى ثلاثة آلاف", 2500, 3000, "شخص")}},
		{"قتل بين 20 و30 مسلحا", []want{rng("بين 20 و30", 20, 30, "مسلحا")}},
		{"ما بين عشرين وثلاثين قتيلا", []want{rng("ما بين عشرين وثلاثين", 20, 30, "قتيلا")}},
		{"between 20 and 30 people", []want{rng("between 20 and 30", 20, 30, "people")}},
		{"20-30 fighters", []want{rng("20-30", 20, 30, "fighters")}},
		{"from 20 to 30 civilians", []want{rng("from 20 to 30", 20, 30, "civilians")}},
		{"من 20 إلى 30 مدنيا", []want{rng("من 20 إلى 30", 20, 30, "مدنيا")}},
		{"ثلاثة إلى أربعة آلاف مقاتل", []want{rng("ثلاثة إلى أربعة آلاف", 3000, 4000, "مقاتل")}},
		{"two or three houses", []want{rng("two or three", 2, 3, "houses")}},
		{"2 to 3 million people", []want{rng("2 to 3 million", 2e6, 3e6, "people")}},
		// not a range: the second number is smaller
		{"من 50 جنسية", []want{exact("50", 50, "جنسية")}},
	})
}

func TestVague(t *testing.T) {
	vague := func(txt string, v float64, noun string) want {
		return want{text: txt, value: v, min: v, approx: true, vague: true, noun: noun}
	}
	few := func(txt string, lo float64, noun string) want {
		return want{text: txt, value: lo, min: lo, max: 3 * lo, approx: true, vague: true, noun: noun}
	}
	runCases(t, []struct {
		src  string
		want []want
	}{
		{"قتل عشرات المدنيين", []want{vague("عشرات", 10, "المدنيين")}},
		{"dozens of civilians", []want{vague("dozens", 12, "civilians")}},
		{"tens of protesters", []want{vague("tens", 10, "protesters")}},
		{"اعتقل مئات من المحتجين", []want{vague("مئات", 100, "المحتجين")}},
		{"hundreds of residents marched", []want{vague("hundreds", 100, "residents")}},
		{"فر آلاف النازحين", []want{vague("آلاف", 1000, "النازحين")}},
		{"thousands of people", []want{vague("thousands", 1000, "people")}},
		{"نزح عشرات الآلاف من السكان", []want{vague("عشرات الآلاف", 10000, "السكان")}},
		{"مئات الآلاف من اللاجئين", []want{vague("مئات الآلاف", 100000, "اللاجئين")}},
		{"tens of thousands fled", []want{vague("tens of thousands", 10000, "")}},
		{"hundreds of thousands of refugees", []want{vague("hundreds of thousands", 100000, "refugees")}},
		{"several soldiers", []want{few("several", 3, "soldiers")}},
		{"a few journalists", []want{few("a few", 3, "journalists")}},
		{"بضعة أشخاص", []want{few("بضعة", 3, "أشخاص")}},
		{"بضعة آلاف متظاهر", []want{few("بضعة آلاف", 3000, "متظاهر")}},
		{"several hundred families", []want{few("several hundred", 300, "families")}},
		{"اقتحمت عدة قرى", []want{few("عدة", 3, "قرى")}},
	})
}

func TestPluralUnknown(t *testing.T) {
	many := func(txt, noun string) want {
		return want{text: txt, value: 10, min: 2, approx: true, vague: true, noun: noun}
	}
	runCases(t, []struct {
		src  string
		want []want
	}{
		{"many villagers were killed", []want{many("many", "villagers")}},
		{"the raid left numerous guards dead", []want{many("numerous", "guards")}},
		{"a number of herders died", []want{many("a number of", "herders")}},
		{"shelling killed an unknown number of farmers", []want{many("an unknown number of", "farmers")}},
		{"a large number of students marched", []want{many("a large number of", "students")}},
		{"many thousands fled", []want{many("many", "")}},
	})
	for _, src := range []string{
		"how many people were hurt is not known",
		"so many rumours",
		"the number of dead rose",
	} {
		if qs := extract(src); len(qs) != 0 {
			t.Errorf("%q: got %d quantities (%q), want none", src, len(qs), qs[0].Text)
		}
	}
}

func TestApproximators(t *testing.T) {
	about := func(txt string, v float64, noun string) want {
		return want{text: txt, value: v, min: v, max: v, approx: true, noun: noun}
	}
	atLeast := func(txt string, v float64, noun string) want {
		return want{text: txt, value: v, min: v, approx: true, noun: noun}
	}
	upTo := func(txt string, v float64, noun string) want {
		return want{text: txt, value: v, max: v, approx: true, noun: noun}
	}
	runCases(t, []struct {
		src  string
		want []want
	}{
		{"قتل نحو 40 شخصا", []want{about("نحو 40", 40, "شخصا")}},
		{"ونحو 40 شخصا", []want{about("ونحو 40", 40, "شخصا")}},
		{"حوالي 300 عائلة", []want{about("حوالي 300", 300, "عائلة")}},
		{"قرابة 50 منزلا", []want{about("قرابة 50", 50, "منزلا")}},
		{"زهاء 200 معتقل", []want{about("زهاء 200", 200, "معتقل")}},
		{"ما يقارب 70 جريحا", []want{about("ما يقارب 70", 70, "جريحا")}},
		{"أكثر من 200 شخص", []want{atLeast("أكثر من 200", 200, "شخص")}},
		{"ما لا يقل عن 15 قتيلا", []want{atLeast("ما لا يقل عن 15", 15, "قتيلا")}},
		{"قتل 15 شخصا على الأقل", []want{atLeast("15", 15, "شخصا")}},
		{"على الأقل 15 جريحا", []want{atLeast("على الأقل 15", 15, "جريحا")}},
		{"أقل من 10 مقاتلين", []want{upTo("أقل من 10", 10, "مقاتلين")}},
		{"at least 12 detainees", []want{atLeast("at least 12", 12, "detainees")}},
		{"more than 200 people", []want{atLeast("more than 200", 200, "people")}},
		{"over 300 homes", []want{atLeast("over 300", 300, "homes")}},
		{"about 15 inmates", []want{about("about 15", 15, "inmates")}},
		{"around forty tents", []want{about("around forty", 40, "tents")}},
		{"some 68,000 people", []want{about("some 68,000", 68000, "people")}},
		{"nearly 100 prisoners", []want{upTo("nearly 100", 100, "prisoners")}},
		{"almost fifty cars", []want{upTo("almost fifty", 50, "cars")}},
		{"up to 30 people", []want{upTo("up to 30", 30, "people")}},
		{"fewer than 20 soldiers", []want{upTo("fewer than 20", 20, "soldiers")}},
		{"20 soldiers or more", []want{atLeast("20", 20, "soldiers")}},
	})
}

func TestNouns(t *testing.T) {
	runCases(t, []struct {
		src  string
		want []want
	}{
		{"قتل 785 شخصا خلال الشهر", []want{exact("785", 785, "شخصا")}},
		{"اعتقلت 9 نساء فرنسيات في المخيم", []want{exact("9", 9, "نساء فرنسيات")}},
		{"قتل 3 مدنيين وأصيب آخرون", []want{exact("3", 3, "مدنيين")}},
		{"فر 12 محتجزا من عناصر التنظيم", []want{exact("12", 12, "محتجزا")}},
		{"نقل ٣ من قادة التنظيم", []want{exact("٣", 3, "قادة التنظيم")}},
		{"200 شخص نزحوا", []want{exact("200", 200, "شخص")}},
		{"three civilians were killed", []want{exact("three", 3, "civilians")}},
		{"12 Islamic State detainees escaped", []want{exact("12", 12, "Islamic State detainees")}},
		{"three of the attackers", []want{exact("three", 3, "attackers")}},
		{"ارتفعت بنسبة 40%", []want{exact("40", 40, "%")}},
		{"5 soldiers.\nNext story", []want{exact("5", 5, "soldiers")}},
	})
}

func TestDateParts(t *testing.T) {
	dp := func(txt string, v float64) want {
		return want{text: txt, value: v, min: v, max: v, datePart: true}
	}
	runCases(t, []struct {
		src  string
		want []want
	}{
		{"يوم 17 أكتوبر 2019 قتل 5 أشخاص", []want{dp("17", 17), dp("2019", 2019), exact("5", 5, "أشخاص")}},
		{"on October 17, 2019 five died", []want{dp("17", 17), dp("2019", 2019)}},
		{"خلال عام 2019", []want{dp("2019", 2019)}},
		{"in 2015", []want{dp("2015", 2015)}},
		{"يوم الخميس 17 من الشهر", []want{dp("17", 17)}},
		{"في 3 تشرين الأول", []want{dp("3", 3)}},
	})
	// numeric dates are not quantities at all
	for _, src := range []string{"قتل في 17/10/2019 مدنيون", "on 2019-10-17 it", "بتاريخ 17.10.2019 م", "يوم 17-10-2019"} {
		if qs := extract(src); len(qs) != 0 {
			t.Errorf("%q: got %d quantities, want none: %+v", src, len(qs), qs)
		}
	}
}

func TestNotNumbers(t *testing.T) {
	for _, src := range []string{
		"قال أحد المسؤولين",           // أحد alone is "one of", not a number
		"the one who left",            // "one" with a pronoun: still 1, checked below
		"فتح مكتب جديد في المدينة",    // no number word
		"a man and a woman",           // "a" alone is not a number
		"123456789012345678901234567", // too long to be a count
	} {
		qs := extract(src)
		checkSpans(t, src, qs)
		for _, q := range qs {
			if q.Text != "one" {
				t.Errorf("%q: unexpected quantity %q", src, q.Text)
			}
		}
	}
}

func TestCardinalAndOrdinal(t *testing.T) {
	tk := text.Tokenizer{}
	for _, c := range []struct {
		src  string
		v    float64
		next int
	}{
		{"ثلاثة أيام", 3, 1}, {"two days", 2, 1}, {"15 يوما", 15, 1}, {"ثلاثة آلاف", 3000, 2},
	} {
		v, next, ok := Cardinal(tk.Tokenize(c.src), 0)
		if !ok || v != c.v || next != c.next {
			t.Errorf("Cardinal(%q) = %v, %d, %v; want %v, %d", c.src, v, next, ok, c.v, c.next)
		}
	}
	if _, _, ok := Cardinal(tk.Tokenize("عشرات"), 0); ok {
		t.Errorf("Cardinal read a vague word")
	}
	v, next, ok := Ordinal(tk.Tokenize("الحادي والعشرين من"), 0)
	if !ok || v != 21 || next != 2 {
		t.Errorf("Ordinal = %v %v %v", v, next, ok)
	}
}

func TestDropCovered(t *testing.T) {
	src := "في 17 أكتوبر قتل 5 أشخاص"
	qs := extract(src)
	day := strings.Index(src, "17 أكتوبر")
	qs = DropCovered(qs, []text.Span{{Start: day, End: day + len("17 أكتوبر")}})
	if len(qs) != 1 || qs[0].Text != "5" {
		t.Errorf("DropCovered left %+v", qs)
	}
}

// TestDuals: the dual of a person noun with a broken plural counts two; a
// dual followed by its number word leaves the count to the number; a sound
// plural spelt like a dual (مدنيين) counts nothing by itself.
func TestDuals(t *testing.T) {
	dual := func(txt string) want { return exact(txt, 2, txt) }
	runCases(t, []struct {
		src  string
		want []want
	}{
		{"وأسفر الهجوم عن مقتل جنديين على الحاجز", []want{dual("جنديين")}},
		{"وقتل شرطيان في الانفجار", []want{dual("شرطيان")}},
		{"وأصيبت امرأتان بجروح طفيفة", []want{dual("امرأتان")}},
		{"واعتقلت الشرطة الشابين في السوق", []want{dual("الشابين")}},
		{"وأفرج عن رهينتين بعد المفاوضات", []want{dual("رهينتين")}},
	})
	for _, src := range []string{"وقتل مدنيين في القصف", "وأصيب طفلين اثنين", "وهاجم مسلحين الحاجز"} {
		for _, q := range extract(src) {
			if q.Dual {
				t.Errorf("%q: dual %q, want none", src, q.Text)
			}
		}
	}
}
