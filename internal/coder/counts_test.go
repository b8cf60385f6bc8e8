package coder

import "testing"

// TestVagueAmounts: a vague amount (مئات، عشرات، hundreds, dozens) counts
// no one, except the dead, where marsad follows ACLED's minimum; a number
// said outright is a count of whatever it counts.
func TestVagueAmounts(t *testing.T) {
	tests := []struct {
		name, lang, text, typ, what string
		want                        float64 // 0: no count of what
	}{
		{"hundreds protested", "ar", "وتظاهر مئات من سكان المدينة أمام مبنى المحافظة يوم الأحد احتجاجا على انقطاع الكهرباء.", "protest", "participants", 0},
		{"dozens wounded", "ar", "وأصيب عشرات الأشخاص في انفجار سيارة مفخخة وسط السوق صباح اليوم.", "bombing", "injured", 0},
		{"tens killed", "ar", "وقتل عشرات المدنيين في غارة جوية على سوق شعبي في ريف إدلب صباح اليوم.", "airstrike", "killed", 10},
		{"a number said outright", "ar", "وتظاهر 300 شخص أمام مبنى المحافظة يوم الأحد احتجاجا على انقطاع الكهرباء.", "protest", "participants", 300},
		{"hundreds protested en", "en", "Hundreds of residents protested outside the governor's office on Sunday.", "protest", "participants", 0},
		{"dozens killed en", "en", "Dozens of civilians were killed in an air strike on a market on Sunday.", "airstrike", "killed", 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			e := mustFind(t, r, tt.typ)
			for _, c := range e.Counts {
				if c.What == tt.what && c.Value != tt.want {
					t.Errorf("count %s=%g, want %g", c.What, c.Value, tt.want)
				}
			}
			if tt.want > 0 && !hasCountValue(e.Counts, tt.what, tt.want) {
				t.Errorf("counts %+v: want %s=%g", e.Counts, tt.what, tt.want)
			}
		})
	}
}
