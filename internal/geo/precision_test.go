package geo

import "testing"

// TestCommonWordsNotPlaces checks, with sentences written for this test,
// that ordinary Arabic words which name some small or foreign place are not
// taken for it: clitic forms of function words, common nouns, adjectives
// and person names, and definite nouns that look like feature cues.
func TestCommonWordsNotPlaces(t *testing.T) {
	cases := []struct {
		src  string
		not  []string // words that must not be resolved
		want []string // toponyms that must still be found
	}{
		{"وأوضح الناطق وأن الوحدات تراجعت إلى دمشق مساء.", []string{"وأن"}, []string{"دمشق"}},
		{"وصرح المسؤول بأنه لم تسجل خسائر في حمص.", []string{"بأنه"}, []string{"حمص"}},
		{"تضاعف عدد النازحين خلال سنة واحدة في حلب.", []string{"سنة"}, []string{"حلب"}},
		{"تسعى الحكومة للقضاء على الفساد في إدلب.", []string{"على", "للقضاء على"}, []string{"إدلب"}},
		{"وقال إن الضابط اشرف على التدريب في بغداد.", []string{"اشرف"}, []string{"بغداد"}},
		{"استقبل العبادي السفير في بغداد أمس.", []string{"العبادي"}, []string{"بغداد"}},
		{"سمع دوي الانفجار الضخم في الموصل.", []string{"الضخم"}, []string{"الموصل"}},
		{"تمركزت عناصر الدرك في شوارع الجزائر.", []string{"الدرك"}, []string{"الجزائر"}},
		{"أصيب عامر في البصرة بجروح طفيفة.", []string{"عامر"}, []string{"البصرة"}},
		{"تحدث الصماد في صنعاء عن المفاوضات.", []string{"الصماد"}, []string{"صنعاء"}},
		{"تحصن المسلحون بالمناطق الجبلية شمال العراق.", []string{"الجبلية", "بالمناطق الجبلية"}, []string{"العراق"}},
		{"سقطت قذيفة هاون على منطقة مزارع قرب درعا.", []string{"مزارع", "منطقة مزارع"}, []string{"درعا"}},
		{"قتل مدنيان في السويق بمحافظة الحديدة غربي اليمن.", []string{"السويق"}, []string{"الحديدة"}},
	}
	for _, c := range cases {
		ms := resolve(t, c.src)
		for _, w := range c.not {
			if m := find(ms, w); m != nil {
				t.Errorf("%q: %q taken for a place:\n%s", c.src, w, describe(ms))
			}
		}
		for _, w := range c.want {
			found := false
			for _, m := range ms {
				if m.Location.Text == w {
					found = true
				}
			}
			if !found {
				t.Errorf("%q: %q not found:\n%s", c.src, w, describe(ms))
			}
		}
	}
}

// TestCuesAndCountry checks that the rules above leave cued and
// context-backed names alone, that محافظة prefers the governorate, and
// that the document's country decides between same-named villages.
func TestCuesAndCountry(t *testing.T) {
	cases := []struct {
		src, toponym      string
		country, precison string
		id                string // "" = any
	}{
		{"شنت الطائرات غارات على محافظة صعدة ليلا.", "صعدة", "YE", "admin1", ""},
		{"قصفت البوارج محافظة الحديدة غربي اليمن.", "الحديدة", "YE", "admin1", ""},
		{"تظاهر المئات في محافظة البصرة جنوبي العراق.", "البصرة", "IQ", "admin1", ""},
		{"قصفت القوات قرية القصر في ريف الحسكة.", "القصر", "SY", "", ""},
		{"اعتقلت الشرطة رجلا في مدينة وان شرقي تركيا.", "وان", "TR", "town", ""},
		{"وصل الوفد إلى الرياض قادما من صنعاء.", "الرياض", "SA", "town", ""},
		{"تعرضت بلدة الضخم بريف إدلب لقصف مدفعي.", "الضخم", "SY", "town", "C1423"},
		// the city named around it does not take the governorate's cue
		{"دخلت القوات مدينة الحديدة أمس. وتواصلت المعارك في الحديدة وفي محافظة الحديدة عموما.", "محافظة الحديدة", "YE", "admin1", ""},
		{"وصلت قافلة إلى حلب. وقصفت الطائرات قرى محافظة حلب الشمالية.", "محافظة حلب", "SY", "admin1", ""},
	}
	for _, c := range cases {
		ms := resolve(t, c.src)
		m := find(ms, c.toponym)
		if m == nil {
			t.Errorf("%q: %q not found:\n%s", c.src, c.toponym, describe(ms))
			continue
		}
		l := m.Location
		if l.Country != c.country || c.precison != "" && l.Precision != c.precison || c.id != "" && l.GazetteerID != c.id {
			t.Errorf("%q: %q got %s %s %s, want %s %s %s", c.src, c.toponym, l.GazetteerID, l.Country, l.Precision, c.id, c.country, c.precison)
		}
	}
}
