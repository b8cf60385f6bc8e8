package coder

import (
	"testing"

	"github.com/marsad-dev/marsad/internal/event"
)

// TestBombardmentByAircraft: قصف, which does not say the means, is an air
// strike when an aircraft word stands right by it, and stays shelling
// otherwise or when artillery is named.
func TestBombardmentByAircraft(t *testing.T) {
	tests := []struct{ name, text, want, mode string }{
		{"aircraft subject after the verb", "وقصفت طائرات حربية مواقع للمسلحين شرق البلدة صباح اليوم.", "airstrike", "aerial"},
		{"aircraft subject before the verb", "وكانت طائرة مسيرة قصفت سيارة على الطريق الدولي.", "airstrike", "aerial"},
		{"jets of a state", "وقصفت المقاتلات الروسية مستودعا للذخيرة في ريف المدينة.", "airstrike", "aerial"},
		{"genitive of the noun", "وتواصل قصف الطائرات على الأحياء الشرقية منذ الفجر.", "airstrike", "aerial"},
		{"no aircraft", "وقصفت القوات الحكومية مواقع للمسلحين شرق البلدة صباح اليوم.", "shelling", "heavy-weapons"},
		{"artillery named", "وتعرضت القرية لقصف مدفعي عنيف بينما حلقت طائرات الاستطلاع في سمائها.", "shelling", "heavy-weapons"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, "ar", tt.text)
			checkSpans(t, tt.text, r)
			e := mustFind(t, r, tt.want)
			if e.PloverMode == nil || *e.PloverMode != tt.mode {
				t.Errorf("mode %v, want %s", e.PloverMode, tt.mode)
			}
			other := "shelling"
			if tt.want == "shelling" {
				other = "airstrike"
			}
			if find(r, other) != nil {
				t.Errorf("also coded as %s", other)
			}
		})
	}
}

// TestPlaceOfTheEvent: the place an event is given is where it happened —
// not a place negated by "outside", not the power that controls a place,
// not the report's dateline, and not a sub-place resolved to another
// country than the town the text puts it in.
func TestPlaceOfTheEvent(t *testing.T) {
	tests := []struct {
		name, lang, text, typ string
		notCC, wantCC         string
	}{
		{"outside", "ar", "وقال المسؤول إن القوات الأمريكية نقلت ثلاثة معتقلين إلى مكان آمن خارج سوريا الأسبوع الماضي.", "transfer", "SY", ""},
		{"outside en", "en", "US troops transferred three detainees to a secure site outside Syria last week, the official said.", "transfer", "SY", ""},
		{"controlling power", "ar", "وأغارت طائرات حربية على قرية تسيطر عليها تركيا صباح الأحد.", "airstrike", "TR", ""},
		{"dateline", "ar", "بيروت، لبنان (CNN) – قتل أربعة أشخاص في غارة جوية استهدفت سيارتهم في سوريا، الاثنين.", "airstrike", "LB", "SY"},
		{"dateline en", "en", "BEIRUT, Lebanon (CNN) -- An air strike killed four people in their car in Syria on Monday.", "airstrike", "LB", "SY"},
		{"capital after في is a place", "ar", "انفجرت سيارة مفخخة قرب سوق شعبي في بغداد صباح الجمعة وقتل خمسة أشخاص.", "bombing", "", "IQ"},
		{"capital in en", "en", "A car bomb went off near a market in Baghdad on Friday, killing five people.", "bombing", "", "IQ"},
		{"sub-place in a town", "ar", "قتل جندي في اشتباكات مع مسلحين في منطقة التل بمدينة طرابلس شمالي لبنان أمس.", "attack", "", "LB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			e := mustFind(t, r, tt.typ)
			cc := ""
			if e.Location != nil {
				cc = e.Location.Country
			}
			if tt.notCC != "" && cc == tt.notCC {
				t.Errorf("placed in %s (%+v)", cc, e.Location)
			}
			if tt.wantCC != "" && cc != tt.wantCC {
				t.Errorf("placed in %q, want %s (%+v)", cc, tt.wantCC, e.Location)
			}
		})
	}
}

// TestLeadAndItsSourcedRetelling: Arabic news tells the event in the lead
// and retells it in the next sentence with its source and toll; the two
// mentions are one event that takes the source, the count and the finer
// place. Differing figures and two attributed claims stay apart.
func TestLeadAndItsSourcedRetelling(t *testing.T) {
	tests := []struct {
		name, text, typ string
		events          int
		speaker         bool
		killed          float64
	}{
		{"lead and retelling", "أسفر قصف مدفعي، السبت، استهدف سوقا شعبية في محافظة إدلب عن سقوط قتلى وجرحى. وذكرت مصادر طبية أن 4 مدنيين قتلوا في القصف الذي طال مدينة معرة النعمان.", "shelling", 1, true, 4},
		{"differing tolls stay apart", "قتل 3 جنود في هجوم على حاجز قرب مدينة الموصل. وقالت مصادر أمنية إن 7 جنود قتلوا في الهجوم على الحاجز.", "attack", 2, false, 3},
		{"two claims stay apart", "وقال الجيش إن مسلحين هاجموا نقطة تفتيش في مدينة الرمادي. وذكرت مصادر محلية أن مسلحين هاجموا النقطة ذاتها فجرا.", "attack", 2, true, 0},
		{"a second source with the same figure corroborates", "وقال وزير الداخلية إن الشرطة نقلت 4 سجناء خطرين إلى سجن مركزي الأحد. وقال مصدر أمني إن 4 سجناء نقلوا إلى سجن في الموصل بطائرة.", "transfer", 1, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, "ar", tt.text)
			checkSpans(t, tt.text, r)
			n := 0
			for _, e := range r.Events {
				if e.Type == tt.typ {
					n++
				}
			}
			if n != tt.events {
				t.Fatalf("%d %s events, want %d: %+v", n, tt.typ, tt.events, r.Events)
			}
			e := find(r, tt.typ)
			if tt.speaker && len(e.Attribution) == 0 {
				t.Errorf("first event has no speaker: %+v", e)
			}
			if tt.killed > 0 && !hasCountValue(e.Counts, "killed", tt.killed) {
				t.Errorf("counts %+v, want killed=%g", e.Counts, tt.killed)
			}
		})
	}
}

func hasCountValue(cs []event.Count, what string, v float64) bool {
	for _, c := range cs {
		if c.What == what && c.Value == v {
			return true
		}
	}
	return false
}

// TestClaimCuesThatClaimNothing: بزعم أن after the act gives the actor's
// pretext and يدعى before a name names someone; neither makes the event a
// claim. A claim cue that governs the event still does.
func TestClaimCuesThatClaimNothing(t *testing.T) {
	tests := []struct{ name, text, typ, want string }{
		{"pretext after the act", "أعلنت الشرطة اعتقال شاب، الاثنين، بزعم أنه كان يخطط لهجوم في المدينة.", "arrest", "asserted"},
		{"a man called", "وقتل شاب يدعى سامي خليل برصاص مسلحين قرب منزله في المدينة أمس.", "killing", "asserted"},
		{"claim before the act", "وزعمت الميليشيا أنها قتلت خمسة جنود في هجوم على موقع للجيش أمس.", "attack", "claimed"},
		{"government claims", "وتدعي الحكومة أن قواتها اعتقلت عشرة مسلحين في المدينة أمس.", "arrest", "claimed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, "ar", tt.text)
			checkSpans(t, tt.text, r)
			e := mustFind(t, r, tt.typ)
			if e.Modality != tt.want {
				t.Errorf("modality %s, want %s", e.Modality, tt.want)
			}
		})
	}
}

// TestStatementAsChannel: a statement noun that tells how something was
// said (في بيان، وأضاف البيان، فى تغريدة، in a statement) scores below one
// issued as news (أصدرت الحركة بيانا).
func TestStatementAsChannel(t *testing.T) {
	tests := []struct {
		name, lang, text string
		channel          bool
	}{
		{"in a statement", "ar", "وقالت وزارة الدفاع في بيان مساء الأحد إن الوضع في المدينة هادئ.", true},
		{"the statement added", "ar", "وأضاف البيان أن اللجنة ستجتمع في العاصمة الأسبوع المقبل.", true},
		{"in a tweet", "ar", "وكتب الوزير فى تغريدة صباح الخميس أن المفاوضات ستستأنف في جنيف.", true},
		{"by a statement", "ar", "وردت الحكومة ببيان مقتضب نشرته وكالة الأنباء الرسمية في العاصمة.", true},
		{"issued a statement", "ar", "وأصدرت الحركة بيانا في غزة يوم الأحد تطالب فيه بفتح المعبر.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			e := mustFind(t, r, "statement")
			if tt.channel && e.Confidence >= 0.5 {
				t.Errorf("confidence %.2f, want < 0.5 for a statement that is the channel of a report", e.Confidence)
			}
			if !tt.channel && e.Confidence < 0.5 {
				t.Errorf("confidence %.2f, want >= 0.5 for a statement issued as news", e.Confidence)
			}
		})
	}
}

// TestReportedObject: a verbal noun right after the speaker of a reporting
// verb is the event the speaker reports (أكدت الوزارة فرار ثلاثة), as sure
// as a verb; a bare noun with no reporting verb over it is not raised.
func TestReportedObject(t *testing.T) {
	tests := []struct {
		name, text, typ string
		min, max        float64
	}{
		{"confirmed the escape", "وأكدت السلطات المحلية فرار ثلاثة سجناء من سجن في مدينة حمص.", "escape", 0.7, 1},
		{"announced, comma", "وأعلن وزير العدل، هروب سبعة موقوفين من مركز احتجاز في الجنوب.", "escape", 0.7, 1},
		{"announced the arrest", "وأعلنت الشرطة اعتقال أربعة مشتبه بهم في حي الميدان بدمشق.", "arrest", 0.7, 1},
		{"according to, not a verb", "وبحسب الوزارة فرار ثلاثة سجناء أمر مقلق للسلطات.", "escape", 0, 0.7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, "ar", tt.text)
			checkSpans(t, tt.text, r)
			e := mustFind(t, r, tt.typ)
			if e.Confidence < tt.min || e.Confidence >= tt.max {
				t.Errorf("confidence %.2f, want in [%.2f, %.2f)", e.Confidence, tt.min, tt.max)
			}
			if len(e.Attribution) == 0 {
				t.Errorf("no attribution")
			}
		})
	}
}

// TestImpersonalReportKeepsNoSpeaker: a clause that reports impersonally
// (وتم الإعلان عن، وأفيد بأن) does not take the speaker of the clause
// before it; a plain clause that goes on does.
func TestImpersonalReportKeepsNoSpeaker(t *testing.T) {
	tests := []struct {
		name, text string
		speaker    bool
	}{
		{"tamma al-ilan", "وقال المتحدث العسكري إن الطائرات قصفت مواقع في القرية، وتم الإعلان عن هروب عشرة سجناء من السجن المجاور.", false},
		{"ufida", "وقال المتحدث العسكري إن الطائرات قصفت مواقع في القرية، وأفيد بهروب عشرة سجناء من السجن المجاور.", false},
		{"plain clause", "وقال المتحدث العسكري إن الطائرات قصفت مواقع في القرية، وإن عشرة سجناء فروا من السجن المجاور.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, "ar", tt.text)
			checkSpans(t, tt.text, r)
			e := mustFind(t, r, "escape")
			if got := len(e.Attribution) > 0; got != tt.speaker {
				t.Errorf("attribution %+v, want a speaker: %v", e.Attribution, tt.speaker)
			}
		})
	}
}

// TestTransferDestination: a transfer takes place where the people were
// taken (إلى العراق، to Jordan), not where they set out from.
func TestTransferDestination(t *testing.T) {
	tests := []struct{ name, lang, text, cc string }{
		{"ila", "ar", "ونقلت القوات الأمريكية أربعة معتقلين من سجن في الحسكة إلى العراق يوم الثلاثاء.", "IQ"},
		{"ila a town", "ar", "وقال مسؤول إن السلطات نقلت عشرين سجينا من دمشق إلى مدينة عمان الأسبوع الماضي.", "JO"},
		{"to en", "en", "Officials said the army transferred six prisoners from Aleppo to Jordan on Sunday.", "JO"},
		{"no destination", "ar", "ونقلت الشرطة ثلاثة جرحى في مدينة حمص إلى المستشفى.", "SY"},
		{"dual passive", "ar", "وقال مسؤول إن السجينين نُقلا إلى سجن في العراق الأسبوع الماضي.", "IQ"},
		{"out of the country", "ar", "نقلت القوات الأمريكية سجينين كانا في سوريا إلى خارجها يوم الخميس.", ""},
		{"out of en", "en", "US forces transferred two detainees held in Syria out of the country on Thursday.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			e := mustFind(t, r, "transfer")
			if tt.cc == "" && e.Location != nil {
				t.Errorf("location %+v: the place named is where they were taken from", e.Location)
			}
			if tt.cc != "" && (e.Location == nil || e.Location.Country != tt.cc) {
				t.Errorf("location %+v, want country %s", e.Location, tt.cc)
			}
		})
	}
}

// TestCitingIsNotATransfer: نقلا عن is "citing", not "the two were moved".
func TestCitingIsNotATransfer(t *testing.T) {
	r := code(t, "ar", "وقالت الوكالة نقلا عن مصادر محلية إن الطريق أغلق أمام الشاحنات.")
	if e := find(r, "transfer"); e != nil {
		t.Errorf("a transfer from نقلا عن: %+v", e)
	}
}

// TestDualsAndMunitions: a dual person noun is a count of two (مقتل
// جنديين); a number of rockets or shells is what was fired, not a count of
// anyone hit.
func TestDualsAndMunitions(t *testing.T) {
	tests := []struct {
		name, lang, text, typ, what string
		value                       float64
	}{
		{"dual killed", "ar", "وأعلن الجيش مقتل جنديين في هجوم على حاجز قرب درعا فجر اليوم.", "attack", "killed", 2},
		{"dual nominative", "ar", "وقتل شرطيان في انفجار عبوة ناسفة في بغداد أمس.", "bombing", "killed", 2},
		{"rockets", "ar", "وأطلق المسلحون عشرة صواريخ على قاعدة عسكرية قرب بغداد دون وقوع إصابات.", "", "", 0},
		{"shells", "ar", "وسقطت 12 قذيفة هاون على حي سكني في دمشق صباح اليوم.", "", "", 0},
		{"rockets en", "en", "Militants fired five rockets at the air base near Baghdad on Sunday.", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			if tt.typ == "" {
				for _, e := range r.Events {
					if len(e.Counts) > 0 {
						t.Errorf("%s event counts %+v, want none", e.Type, e.Counts)
					}
				}
				return
			}
			e := mustFind(t, r, tt.typ)
			if !hasCountValue(e.Counts, tt.what, tt.value) {
				t.Errorf("counts %+v, want %s=%g", e.Counts, tt.what, tt.value)
			}
		})
	}
}

// TestAnyEventIsNoEvent: "any" before an event noun (أية مظاهرة، أي هجوم،
// any attack) names no event in particular.
func TestAnyEventIsNoEvent(t *testing.T) {
	tests := []struct{ name, lang, text, typ string }{
		{"ayya protest", "ar", "وقال المحافظ إن السلطات لن تسمح بتنظيم أية مظاهرة في وسط المدينة.", "protest"},
		{"ayy attack", "ar", "وأكد القائد أن قواته مستعدة للرد على أي هجوم على مواقعها في الشمال.", "attack"},
		{"any attack en", "en", "The commander said his forces would respond to any attack on their positions.", "attack"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			for _, e := range r.Events {
				if e.Type == tt.typ && e.Confidence >= 0.5 && (e.Modality == event.Asserted || e.Modality == event.Claimed) {
					t.Errorf("%s coded as a %s event (confidence %.2f)", e.Type, e.Modality, e.Confidence)
				}
			}
		})
	}
}

// TestWhereIsNotWho: an adjective after the event word (هجوم مسلح) is no
// gunman, and a country named after في is where, not an actor.
func TestWhereIsNotWho(t *testing.T) {
	tests := []struct {
		name, text, typ, notActor string
	}{
		{"armed attack", "قتل ثلاثة حراس في هجوم مسلح على مخفر للشرطة قرب مدينة الموصل.", "attack", "gunmen"},
		{"country after في", "قتل خمسة جنود في هجوم على موقع للجيش في سوريا يوم الأحد.", "attack", "Syria"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, "ar", tt.text)
			checkSpans(t, tt.text, r)
			e := mustFind(t, r, tt.typ)
			for _, a := range e.Actors {
				if a.Name == tt.notActor {
					t.Errorf("actor %+v", a)
				}
			}
		})
	}
}
