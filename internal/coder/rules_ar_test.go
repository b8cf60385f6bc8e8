package coder

import (
	"testing"
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
			e := find(r, tt.want)
			if e == nil {
				t.Fatalf("no %s event in %+v", tt.want, r.Events)
			}
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
		{"sub-place in a town", "ar", "قتل جندي في اشتباكات مع مسلحين في منطقة التل بمدينة طرابلس شمالي لبنان أمس.", "attack", "", "LB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			e := find(r, tt.typ)
			if e == nil {
				t.Fatalf("no %s event in %+v", tt.typ, r.Events)
			}
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
