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
