package geo

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/marsad-dev/marsad/internal/text"
)

var (
	loadOnce sync.Once
	testGaz  *Gazetteer
	loadErr  error
)

func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	loadOnce.Do(func() { testGaz, loadErr = Load() })
	if loadErr != nil {
		t.Fatalf("Load: %v", loadErr)
	}
	return testGaz
}

func resolve(t testing.TB, src string) []Mention {
	t.Helper()
	var tk text.Tokenizer
	toks := tk.Tokenize(src)
	sents := text.Sentences(src, toks)
	return NewResolver(gaz(t)).Resolve(src, toks, sents, text.DetectLang(src))
}

func describe(ms []Mention) string {
	var b strings.Builder
	for _, m := range ms {
		l := m.Location
		fmt.Fprintf(&b, "[%s] %s %s/%s %s rel=%q prec=%s gp=%d conf=%.2f (%.3f,%.3f) alts=%v\n", m.Text, l.GazetteerID, l.Name, l.NameAR, l.Country, l.Relation, l.Precision, l.GeoPrecision, l.Confidence, *l.Lat, *l.Lon, l.Alternatives)
	}
	return b.String()
}

func find(ms []Mention, toponym string) *Mention {
	for i := range ms {
		if ms[i].Location.Text == toponym || ms[i].Text == toponym {
			return &ms[i]
		}
	}
	return nil
}

// TestResolve checks the hard cases with sentences written for this test.
func TestResolve(t *testing.T) {
	cases := []struct {
		name, src, toponym string
		id                 string  // expected gazetteer id ("" = any)
		country, relation  string  // expected country and relation
		precision          string  // expected precision ("" = any)
		lat, lon           float64 // expected point (0 = not checked), within 3 km
		alts               bool    // alternatives expected
	}{
		{"spelling ar yeh", "نزحت عائلات إلى مخيم المحمودلي قرب الطبقة.", "مخيم المحمودلي", "f:mahmudli-camp", "SY", "", "site", 0, 0, false},
		{"spelling ar alef maqsura", "نزحت عائلات إلى مخيم المحمودلى قرب الطبقة.", "مخيم المحمودلى", "f:mahmudli-camp", "SY", "", "site", 0, 0, false},
		{"spelling en Mahmudli", "Families reached the Mahmudli camp last week.", "Mahmudli camp", "f:mahmudli-camp", "SY", "", "site", 0, 0, false},
		{"spelling en al-Mahmoudli", "Families reached al-Mahmoudli camp last week.", "al-Mahmoudli camp", "f:mahmudli-camp", "SY", "", "site", 0, 0, false},
		{"ain issa camp", "فر مئات من مخيم عين عيسى بعد القصف.", "مخيم عين عيسى", "f:ain-issa-camp", "SY", "", "site", 0, 0, false},
		{"ain issa town raqqa chain", "سقطت قذائف على عين عيسى في ريف الرقة الشمالي.", "عين عيسى", "C5905", "SY", "", "town", 0, 0, false},
		{"ain issa lattakia chain", "The Lattakia countryside village of Ain Issa was shelled.", "Ain Issa", "C3514", "SY", "", "town", 0, 0, true},
		{"ain issa bare prior", "وصلت تعزيزات إلى عين عيسى صباح اليوم.", "عين عيسى", "C5905", "SY", "", "town", 0, 0, true},
		{"navkur ar", "هرب سجناء من سجن نافكور في القامشلي.", "سجن نافكور", "f:navkur-prison", "SY", "", "site", 0, 0, false},
		{"alaya alias", "نقل المحتجزون إلى سجن علايا.", "سجن علايا", "f:navkur-prison", "SY", "", "site", 0, 0, false},
		{"jirkin en", "Guards at Jirkin prison reported an escape.", "Jirkin prison", "f:jirkin-prison", "SY", "", "site", 0, 0, false},
		{"ghuwayran ar", "تمرد في سجن غويران بمدينة الحسكة.", "سجن غويران", "f:ghuwayran-prison", "SY", "", "site", 0, 0, false},
		{"sinaa alias", "اندلعت اشتباكات قرب سجن الصناعة.", "سجن الصناعة", "f:ghuwayran-prison", "SY", "near", "site", 0, 0, false},
		{"al-hol camp en", "Thousands live in al-Hol camp.", "al-Hol camp", "f:al-hol-camp", "SY", "", "site", 0, 0, false},
		{"roj camp ar", "نقلت نساء إلى مخيم روج.", "مخيم روج", "f:roj-camp", "SY", "", "site", 0, 0, false},
		{"areesha", "أقام النازحون في مخيم العريشة جنوب الحسكة.", "مخيم العريشة", "f:areesha-camp", "SY", "", "site", 0, 0, false},
		{"washokani", "افتتح مخيم واشوكاني للنازحين.", "مخيم واشوكاني", "f:washokani-camp", "SY", "", "site", 0, 0, false},
		{"abu ghraib", "Inmates were moved from Abu Ghraib prison.", "Abu Ghraib prison", "f:abu-ghraib-prison", "IQ", "", "site", 0, 0, false},
		{"bucca ar", "التقى القادة في معسكر بوكا.", "معسكر بوكا", "f:camp-bucca", "IQ", "", "site", 0, 0, false},
		{"region ne syria", "تتصاعد التوترات في شمال شرق سوريا.", "شمال شرق سوريا", "r:ne-syria", "SY", "", "region", 0, 0, false},
		{"region east euphrates", "تسيطر القوات على شرق الفرات.", "شرق الفرات", "r:east-euphrates", "SY", "", "region", 0, 0, false},
		{"region kurdistan ar", "عاد النازحون إلى إقليم كردستان العراق.", "إقليم كردستان العراق", "r:kurdistan-region", "IQ", "", "region", 0, 0, false},
		{"region kurdistan en", "Talks were held in the Kurdistan Region.", "Kurdistan Region", "r:kurdistan-region", "IQ", "", "region", 0, 0, false},
		{"region gaza strip", "قصفت طائرات قطاع غزة.", "قطاع غزة", "r:gaza-strip", "PS", "", "region", 0, 0, false},
		{"region west bank en", "Raids continued in the West Bank.", "West Bank", "r:west-bank", "PS", "", "region", 0, 0, false},
		{"region sinai", "قتل جنود في شمال سيناء.", "شمال سيناء", "", "EG", "", "", 0, 0, false},
		{"idlib province", "Shelling hit Idlib province.", "Idlib province", "", "SY", "", "", 35.8, 36.6, false},
		{"muhafaza cue", "دخلت قوات إلى محافظة إدلب.", "محافظة إدلب", "SY07", "SY", "", "admin1", 0, 0, false},
		{"relative west ar", "وقعت اشتباكات غربي الرقة.", "الرقة", "", "SY", "west_of", "town", 0, 0, false},
		{"relative west ar2", "وقعت اشتباكات غرب الرقة.", "الرقة", "", "SY", "west_of", "town", 0, 0, false},
		{"relative near ar", "قصف قرب منبج.", "منبج", "", "SY", "near", "town", 0, 0, false},
		{"relative near ar2", "سقط صاروخ بالقرب من منبج.", "منبج", "", "SY", "near", "town", 0, 0, false},
		{"offset ar", "انفجرت سيارة على بعد 20 كم شمال الرقة.", "الرقة", "", "SY", "north_of", "town", 36.133, 39.006, false},
		{"offset en", "A drone struck 20 km north of Aleppo.", "Aleppo", "", "SY", "north_of", "town", 36.382, 37.152, false},
		{"offset en kilometres", "The convoy was hit 30 kilometres east of Deir ez-Zor.", "Deir ez-Zor", "", "SY", "east_of", "town", 0, 0, false},
		{"countryside north", "تقدمت القوات في ريف حلب الشمالي.", "حلب", "SY02", "SY", "northern_countryside", "admin1", 0, 0, false},
		{"outskirts en", "Clashes broke out on the outskirts of Mosul.", "Mosul", "", "IQ", "outskirts", "town", 0, 0, false},
		{"northern country", "اشتباكات في شمال سوريا.", "سوريا", "cc:SY", "SY", "northern", "country", 0, 0, false},
		{"west of en", "Fighting raged west of Raqqa.", "Raqqa", "", "SY", "west_of", "town", 0, 0, false},
		{"iraq city", "انفجرت عبوة في الموصل.", "الموصل", "", "IQ", "", "town", 36.34, 43.13, false},
		{"libya", "اندلعت اشتباكات في طرابلس الليبية وبنغازي.", "وبنغازي", "", "LY", "", "", 0, 0, false},
		{"yemen", "قصف التحالف ميناء الحديدة.", "الحديدة", "", "YE", "", "", 0, 0, false},
		{"turkey", "Protesters gathered in Istanbul.", "Istanbul", "", "TR", "", "town", 0, 0, false},
		{"clitic", "وصلت القافلة وبالرقة حظر تجول.", "وبالرقة", "", "SY", "", "town", 0, 0, false},
		{"country ar", "زار الوزير تركيا والعراق.", "تركيا", "cc:TR", "TR", "", "country", 0, 0, false},
		{"country us", "قالت الولايات المتحدة إنها سترد.", "الولايات المتحدة", "cc:US", "US", "", "country", 0, 0, false},
		{"deir ez-zor variants", "Fighting in Deir Ezzor continued.", "Deir Ezzor", "", "SY", "", "town", 0, 0, false},
		{"hasakah spelling", "They fled to Hasakeh.", "Hasakeh", "", "SY", "", "town", 36.5, 40.74, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := resolve(t, c.src)
			m := find(ms, c.toponym)
			if m == nil {
				t.Fatalf("no mention %q in %q; got:\n%s", c.toponym, c.src, describe(ms))
			}
			l := m.Location
			if c.id != "" && l.GazetteerID != c.id {
				t.Errorf("id = %s (%s), want %s\n%s", l.GazetteerID, l.Name, c.id, describe(ms))
			}
			if l.Country != c.country {
				t.Errorf("country = %s, want %s", l.Country, c.country)
			}
			if l.Relation != c.relation {
				t.Errorf("relation = %q, want %q", l.Relation, c.relation)
			}
			if c.precision != "" && l.Precision != c.precision {
				t.Errorf("precision = %s, want %s", l.Precision, c.precision)
			}
			if c.lat != 0 {
				if d := haversine(*l.Lat, *l.Lon, c.lat, c.lon); d > 3 {
					t.Errorf("point (%.3f,%.3f) is %.1f km from (%.3f,%.3f)", *l.Lat, *l.Lon, d, c.lat, c.lon)
				}
			}
			if c.alts != (len(l.Alternatives) > 0) {
				t.Errorf("alternatives = %v, want present=%v", l.Alternatives, c.alts)
			}
			if l.GeoPrecision < 1 || l.GeoPrecision > 3 {
				t.Errorf("geo_precision = %d", l.GeoPrecision)
			}
			if m.Text != c.src[m.Start:m.End] || l.Text != c.src[l.Start:l.End] || !m.Span.Contains(text.Span{Start: l.Start, End: l.End}) {
				t.Errorf("spans inconsistent: %+v", m)
			}
		})
	}
}

// TestNotPlaces checks words that are place names somewhere but not here.
func TestNotPlaces(t *testing.T) {
	for _, src := range []string{
		"قال عيسى إن الاجتماع انتهى.",
		"أكد محمد أن الحكومة ستعلن بيانا يوم الخميس.",
		"رحب الرئيس بالاتفاق وقال إن السلام ممكن.",
		"Police said the man was arrested on Monday.",
		"The Union said it would march in June.",
		"ودعا إلى فتح الباب أمام الحوار.",
	} {
		if ms := resolve(t, src); len(ms) > 0 {
			t.Errorf("%q: unexpected places:\n%s", src, describe(ms))
		}
	}
}

// TestAmbiguityContext checks that document context picks between
// same-named places and that the choice is marked uncertain otherwise.
func TestAmbiguityContext(t *testing.T) {
	lat := resolve(t, "قصفت القوات مناطق في ريف اللاذقية وجبلة، وطال القصف قرية عين عيسى.")
	m := find(lat, "عين عيسى")
	if m == nil || m.Location.GazetteerID != "C3514" {
		t.Fatalf("Lattakia context: got\n%s", describe(lat))
	}
	raq := resolve(t, "وصلت تعزيزات تركية إلى تل أبيض ثم إلى عين عيسى.")
	m = find(raq, "عين عيسى")
	if m == nil || m.Location.GazetteerID != "C5905" {
		t.Fatalf("Raqqa context: got\n%s", describe(raq))
	}
	if m.Location.Confidence < 0.5 {
		t.Errorf("confident context gave confidence %.2f", m.Location.Confidence)
	}
}

func TestWithPlaces(t *testing.T) {
	g := gaz(t)
	places := "id\tkind\tcc\tlat\tlon\tparents\tname\tname_ar\taliases\tconfirmed\n" +
		"u:test-camp\tcamp\tSY\t36.1\t40.1\tSY08\tZarzour camp\tمخيم زرزور\tزرزور\tno\n"
	g2, err := g.WithPlaces(strings.NewReader(places))
	if err != nil {
		t.Fatal(err)
	}
	if g2.Len() != g.Len()+1 {
		t.Fatalf("len %d → %d", g.Len(), g2.Len())
	}
	var tk text.Tokenizer
	src := "فرت عائلات من مخيم زرزور."
	toks := tk.Tokenize(src)
	ms := NewResolver(g2).Resolve(src, toks, text.Sentences(src, toks), "ar")
	if m := find(ms, "مخيم زرزور"); m == nil || m.Location.GazetteerID != "u:test-camp" || m.Location.Admin1 != "Al-Hasakeh" {
		t.Fatalf("user place not resolved:\n%s", describe(ms))
	}
	orig := NewResolver(g).Resolve(src, toks, text.Sentences(src, toks), "ar")
	if m := find(orig, "مخيم زرزور"); m != nil && m.Location.GazetteerID == "u:test-camp" {
		t.Fatal("WithPlaces changed the original gazetteer")
	}
	if _, err := g.WithPlaces(strings.NewReader("id\tkind\tlat\tlon\tname\nx\tcamp\tnotanumber\t1\tX\n")); err == nil {
		t.Fatal("bad row accepted")
	}
}

func TestOffset(t *testing.T) {
	lat, lon := offset(36.0, 38.0, 111.2, 0)
	if d := haversine(lat, lon, 37.0, 38.0); d > 1 {
		t.Errorf("north offset off by %.2f km", d)
	}
	lat, lon = offset(36.0, 38.0, 50, 90)
	if d := haversine(36.0, 38.0, lat, lon); math.Abs(d-50) > 0.5 || lon <= 38 {
		t.Errorf("east offset: (%.3f,%.3f) d=%.1f", lat, lon, d)
	}
}

func TestNameKeys(t *testing.T) {
	for _, c := range []struct {
		name string
		want []string
	}{
		{"al-Hol", []string{"al hol", "hol"}},
		{"Deir ez-Zor", []string{"deir ez zor", "deir al zor"}},
		{"الرقة", []string{"الرقه", "رقه"}},
		{"Sina'a", []string{"sinaa"}},
	} {
		got := strings.Join(nameKeys(c.name), "|")
		for _, w := range c.want {
			if !strings.Contains("|"+got+"|", "|"+w+"|") {
				t.Errorf("nameKeys(%q) = %s, missing %q", c.name, got, w)
			}
		}
	}
}
