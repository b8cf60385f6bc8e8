package coder

import (
	"strings"
	"testing"

	"github.com/marsad-dev/marsad/internal/event"
)

// attributedTo reports whether one of as is w: its normalised speaker, or
// its text containing w.
func attributedTo(as []event.Attributed, w string) bool {
	for _, a := range as {
		if a.Speaker == w || strings.Contains(a.Text, w) {
			return true
		}
	}
	return false
}

// TestWhoSaysSo: the speaker of a reported event, as a person, body or
// outlet as written, named in full (title, rank and name), carried over to
// a later reporting verb without a subject, cited after the event, and
// never the one spoken about, the one spoken to or the outlet's own
// correspondent.
func TestWhoSaysSo(t *testing.T) {
	tests := []struct {
		name, lang, text, typ string
		want, notWant         []string
	}{
		// a title, a rank and a name
		{"title rank name", "ar", "وقال المتحدث باسم الشرطة المحلية العقيد سامر الخطيب إن مسلحين قتلوا ثلاثة جنود في هجوم على حاجز قرب المدينة.",
			"attack", []string{"المتحدث باسم الشرطة المحلية العقيد سامر الخطيب"}, nil},
		{"title in a place with a rank", "ar", "وأكد رئيس المجلس العسكري في حلب العقيد خالد النوري أن الطائرات قصفت مستودعا للذخيرة أمس.",
			"airstrike", []string{"رئيس المجلس العسكري في حلب العقيد خالد النوري"}, nil},
		{"a bare title completed by في", "ar", "وقال مسؤول في الشرطة إن انفجار عبوة ناسفة أدى إلى إصابة أربعة أشخاص في السوق.",
			"bombing", []string{"مسؤول في الشرطة"}, nil},
		{"a place after the speaker stays a place", "ar", "وقالت وزارة الصحة في غزة إن شابا قتل برصاص الجيش الإسرائيلي قرب الحدود.",
			"killing", []string{"وزارة الصحة"}, []string{"وزارة الصحة في غزة"}},
		{"apposition of a rank", "ar", "وأعلن مدير الأمن العام، اللواء ماهر سليمان، اعتقال 20 شخصا خلال المواجهات.",
			"arrest", []string{"مدير الأمن العام، اللواء ماهر سليمان"}, nil},
		{"outlet named in quotes", "ar", "وقتل أربعة مدنيين في غارة على قرية في ريف إدلب، بحسب ما ذكرت وكالة الأنباء السورية «سانا».",
			"airstrike", []string{"SANA"}, nil},
		// not the speaker
		{"the one told is not the speaker", "ar", "وقالت مصادر محلية لـ\"سكاي نيوز عربية\" إن ثلاثة أطفال قتلوا في قصف على الحي.",
			"shelling", []string{"مصادر محلية"}, []string{"سكاي"}},
		{"own correspondent", "ar", "وأفادت مراسلة سكاي نيوز عربية بأن الشرطة اعتقلت عشرة محتجين وسط المدينة.",
			"arrest", nil, []string{"سكاي", "مراسلة"}},
		{"another outlet", "ar", "وأفادت وكالة رويترز بأن الشرطة اعتقلت عشرة محتجين وسط المدينة.",
			"arrest", []string{"رويترز"}, nil},
		{"a concern is no speaker", "ar", "وأعربت دول أوروبية عن قلقها البالغ من هروب 300 معتقل من السجن.",
			"escape", nil, []string{"البالغ"}},
		// nested: who says it, not who is said to fear
		{"speaker of the report, not the one inside it", "ar", "وقال متحدث باسم الحكومة الفرنسية إن باريس قلقة بعد هروب 300 من عائلات المقاتلين من المخيم.",
			"escape", []string{"متحدث باسم الحكومة الفرنسية"}, []string{"باريس"}},
		// cited after the event, added to the speaker before it
		{"claim and outlet", "ar", "وأعلن تنظيم داعش مسؤوليته عن تفجير سيارة مفخخة في السوق، وفق وكالة أعماق التابعة له.",
			"bombing", []string{"ISIS", "Amaq"}, nil},
		{"confirmed by", "ar", "وأكد مسؤول عسكري أن القوات نقلت خمسة معتقلين إلى العراق، وهو ما أكده وزير الدفاع في تصريح لاحق.",
			"transfer", []string{"مسؤول عسكري", "وزير الدفاع"}, nil},
		// English
		{"acronym after the full name", "en", "The Syrian Democratic Forces (SDF) said ten inmates had escaped from the prison on Tuesday.",
			"escape", []string{"Syrian Democratic Forces"}, nil},
		{"body of a generic speaker", "en", "A French foreign ministry spokesman said Paris was worried after 300 relatives of fighters escaped from the camp.",
			"escape", []string{"France foreign ministry spokesperson"}, []string{"Paris"}},
		{"claim and outlet en", "en", "Islamic State claimed a suicide bombing that killed seven soldiers near the border, its Amaq news agency said.",
			"bombing", []string{"Amaq news agency"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			e := mustFind(t, r, tt.typ)
			for _, w := range tt.want {
				if !attributedTo(e.Attribution, w) {
					t.Errorf("attribution %+v: want %q", e.Attribution, w)
				}
			}
			for _, w := range tt.notWant {
				if attributedTo(e.Attribution, w) {
					t.Errorf("attribution %+v: do not want %q", e.Attribution, w)
				}
			}
			if len(tt.want) == 0 && len(tt.notWant) > 0 && len(e.Attribution) > 0 && tt.name == "own correspondent" {
				t.Errorf("attribution %+v: want none", e.Attribution)
			}
		})
	}
}

// TestSpeakerGoesOn: a reporting verb without a subject of its own (وأضاف
// أن، وأوضح: «…»، he added) reports for the speaker named last, and a
// name the report gave a speaker is that speaker when used alone later.
func TestSpeakerGoesOn(t *testing.T) {
	tests := []struct {
		name, lang, text, typ string
		want                  string
	}{
		{"added that", "ar", "وقال المرصد السوري لحقوق الإنسان إن القوات الحكومية تقدمت في ريف حماة. وأضاف أن ثلاثة مدنيين قتلوا في غارة جوية على سوق البلدة.",
			"airstrike", "SOHR"},
		{"explained with a colon", "ar", "وقال قائد الشرطة المحلية العميد فراس العبيدي إن الوضع الأمني مستقر. وأوضح: «اعتقلنا 12 مشتبها به في مداهمات فجر اليوم».",
			"arrest", "العميد فراس العبيدي"},
		{"name used again", "ar", "وقال المتحدث العسكري العميد زياد حمدوك إن الجيش صد هجوما في الصباح. وأشار حمدوك إلى أن مسلحين خطفوا خمسة مدنيين من قرية مجاورة.",
			"abduction", "العميد زياد حمدوك"},
		{"he added", "en", "Police spokesman Ahmed Karim said the town was calm on Monday. He added that gunmen had kidnapped four traders on the main road.",
			"abduction", "spokesperson"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			e := mustFind(t, r, tt.typ)
			if !attributedTo(e.Attribution, tt.want) && !(len(e.Attribution) > 0 && strings.Contains(e.Attribution[0].Speaker, tt.want)) {
				t.Errorf("attribution %+v: want %q", e.Attribution, tt.want)
			}
		})
	}
	// no one to go on with
	r := code(t, "ar", "وأضاف أن ثلاثة مدنيين قتلوا في غارة جوية على سوق البلدة.")
	if e := mustFind(t, r, "airstrike"); len(e.Attribution) > 0 {
		t.Errorf("attribution %+v: no speaker was named", e.Attribution)
	}
}

// TestSourcesOfOneEvent: mentions of one event told by different sources
// are one event with all its speakers, also when only one gives a figure;
// sources that give differing figures
// stay apart as separate claims.
func TestSourcesOfOneEvent(t *testing.T) {
	agree := "قالت الشرطة إن انفجار سيارة مفخخة هز مدينة الموصل صباح الأحد. وذكر مسؤول في المستشفى أن الانفجار في الموصل أدى إلى مقتل خمسة أشخاص."
	r := code(t, "ar", agree)
	var bombs []event.Event
	for _, e := range r.Events {
		if e.Type == "bombing" {
			bombs = append(bombs, e)
		}
	}
	if len(bombs) != 1 || len(bombs[0].Attribution) != 2 {
		t.Errorf("agreeing sources: want one bombing with two speakers, got %+v", bombs)
	}
	differ := "قالت الشرطة إن انفجار سيارة مفخخة في مدينة الموصل أسفر عن مقتل خمسة أشخاص. وذكر مسؤول في المستشفى أن الانفجار في الموصل أدى إلى مقتل تسعة أشخاص."
	r = code(t, "ar", differ)
	n := 0
	for _, e := range r.Events {
		if e.Type == "bombing" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("differing figures: want two bombings, got %d: %+v", n, r.Events)
	}
}

// TestNewsIsNoSpeaker: the news as the subject of a reporting verb (تفيد
// الأنباء، أفادت التقارير) names no source, yet the event is what the
// sentence reports.
func TestNewsIsNoSpeaker(t *testing.T) {
	for _, s := range []string{
		"وأفادت الأنباء الواردة من المدينة بوقوع انفجار قرب مبنى البلدية صباح اليوم.",
		"وتشير التقارير إلى اشتباكات عنيفة بين الجيش ومسلحين في ريف حلب.",
	} {
		r := code(t, "ar", s)
		checkSpans(t, s, r)
		if len(r.Events) == 0 {
			t.Fatalf("%s: no event", s)
		}
		for _, e := range r.Events {
			if len(e.Attribution) > 0 {
				t.Errorf("%s: speaker %+v", s, e.Attribution)
			}
		}
	}
}

// TestAsRequiredIsNoSource: حسب ما يقتضيه الوضع is "as the situation
// requires", not a source; بحسب ما أفادت الوكالة is one.
func TestAsRequiredIsNoSource(t *testing.T) {
	r := code(t, "ar", "ونص الاتفاق على تنسيق الجيشين حسب ما يقتضيه الوضع في منطقة الحدود مع تنظيم داعش.")
	for _, e := range r.Events {
		if len(e.Attribution) > 0 {
			t.Errorf("%s: speaker %+v", e.Type, e.Attribution)
		}
	}
	r = code(t, "ar", "وقتل ثلاثة جنود في هجوم على حاجز قرب الموصل، بحسب ما أفادت وكالة الأنباء العراقية.")
	if e := mustFind(t, r, "attack"); len(e.Attribution) == 0 {
		t.Errorf("no source: %+v", e)
	}
}

// TestSubjectBeforeTheReported: a reporting verb whose own subject follows
// it (وأكد البيان) does not take an actor named in what is said as its
// speaker.
func TestSubjectBeforeTheReported(t *testing.T) {
	s := "وأكد البيان على اتفاق تركيا والولايات المتحدة على وقف إطلاق النار في المنطقة."
	r := code(t, "ar", s)
	checkSpans(t, s, r)
	for _, e := range r.Events {
		for _, a := range e.Attribution {
			if a.Speaker == "Turkey" || a.Speaker == "United States" {
				t.Errorf("%s: speaker %+v", e.Type, a)
			}
		}
	}
}
