package coder

import (
	"testing"

	"github.com/marsad-dev/marsad/internal/event"
)

// mentionOf returns the most confident event of a type.
func mentionOf(r event.Result, typ string) *event.Event {
	var best *event.Event
	for i := range r.Events {
		if e := &r.Events[i]; e.Type == typ && (best == nil || e.Confidence > best.Confidence) {
			best = e
		}
	}
	return best
}

// TestGovernedModality: a denial, warning or fear whose verb governs the
// event word is a confident mention with that modality; a noun cue, an
// event word far down the complement or a figure of speech is not made
// confident.
func TestGovernedModality(t *testing.T) {
	tests := []struct {
		name, lang, text, typ, modality string
		confident                       bool
	}{
		{"denied that its planes struck", "ar", "ونفت وزارة الدفاع أن تكون طائراتها قد قصفت مستشفى في حلب أمس.", "airstrike", event.Denied, true},
		{"denied any raid", "ar", "ونفى الجيش أن تكون مقاتلاته قد نفذت أي غارة على القرية.", "airstrike", event.Denied, true},
		{"denial of news about an escape", "ar", "وفي محاولة لنفي الأنباء حول هروب السجناء، قال الوزير إن السجن محكم.", "escape", event.Denied, true},
		{"warned of displacement", "ar", "وحذرت الأمم المتحدة من موجة نزوح كبيرة في ريف إدلب.", "displacement", event.Warned, true},
		{"threatened an operation", "ar", "وهددت الحكومة المتمردين بعملية عسكرية واسعة في درعا.", "offensive", event.Warned, true},
		{"threatened, on Monday, to widen protests", "ar", "وكان عدد من النقابيين قد هددوا، الاثنين، بتوسيع احتجاجاتهم إلى المصانع.", "protest", event.Warned, true},
		{"fears an escape", "ar", "وقالت الوزيرة إن بلادها تخشى فرار مئات المعتقلين من المخيم.", "escape", event.Feared, true},
		{"expressed concern over attacks", "ar", "وأعربت المنظمة عن قلقها من هجوم الجيش على مدينة درعا.", "attack", event.Feared, true},
		{"denied en", "en", "The ministry denied that its jets had bombed the market in Aleppo on Sunday.", "airstrike", event.Denied, true},
		{"warned en", "en", "Aid agencies warned that thousands more could be displaced from the valley.", "displacement", event.Warned, true},
		{"feared en", "en", "The government feared that hundreds of inmates could escape from the camp.", "escape", event.Feared, true},
		// not governed
		{"threat as a noun", "ar", "وقال الخبير إن التهديد يكمن في هروب المعتقلين من السجون.", "escape", event.Warned, false},
		{"far down a list", "ar", "وأعرب المجلس عن قلقه من تدهور الأوضاع الإنسانية في شمال البلاد وفرار المعتقلين.", "escape", event.Feared, false},
		{"figure of speech", "ar", "وحذر المحلل من انفجار الأوضاع في المدينة بعد الانتخابات.", "bombing", event.Warned, false},
		{"reporting verb between", "en", "The minister warned the rebels and said that government forces shelled the hills.", "shelling", event.Warned, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			e := mentionOf(r, tt.typ)
			if e == nil {
				if tt.confident {
					t.Fatalf("no %s event: %+v", tt.typ, r.Events)
				}
				return
			}
			if tt.confident && e.Modality != tt.modality {
				t.Errorf("modality %s, want %s", e.Modality, tt.modality)
			}
			if got := e.Confidence >= 0.7; got != tt.confident {
				t.Errorf("%s %s conf=%.2f trigger=%q, want confident=%v", e.Type, e.Modality, e.Confidence, e.Trigger.Text, tt.confident)
			}
		})
	}
}

// TestWarnedHasNoDateOrVagueCount: what is warned of has not happened; the
// warning's date and a vague number it may hit are not its own.
func TestWarnedHasNoDateOrVagueCount(t *testing.T) {
	r := code(t, "ar", "وحذرت منظمات إغاثة أمس من موجة نزوح قد تطال عشرات الآلاف.")
	e := mentionOf(r, "displacement")
	if e == nil || e.Modality != event.Warned {
		t.Fatalf("want a warned displacement: %+v", r.Events)
	}
	if e.Date != nil || len(e.Counts) > 0 {
		t.Errorf("date %v counts %+v, want none", e.Date, e.Counts)
	}
}

// TestNegatedStopping: a negated verb of stopping or ceasing keeps the
// event asserted; a plain negation still denies it.
func TestNegatedStopping(t *testing.T) {
	tests := []struct{ name, lang, text, modality string }{
		{"did not stop torturing", "ar", "وقال السجين إن الحراس لم يتوقفوا عن تعذيب المعتقلين في السجن.", event.Asserted},
		{"the shelling did not stop", "ar", "ولم يتوقف القصف على الأحياء الشرقية من المدينة أمس.", event.Asserted},
		{"still carries out attacks", "ar", "ولا يزال التنظيم ينفذ هجمات على الحواجز قرب المدينة.", event.Asserted},
		{"never stopped shelling", "en", "Witnesses said the army never stopped shelling the old city on Sunday.", event.Asserted},
		{"did not shell", "ar", "وقال المتحدث إن الجيش لم يقصف القرية أمس.", event.Denied},
		{"did not shell en", "en", "The spokesman said the army did not shell the village on Sunday.", event.Denied},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			var got []string
			for _, e := range r.Events {
				if e.Type == "statement" {
					continue
				}
				got = append(got, e.Type+"/"+e.Modality)
				if e.Modality != tt.modality {
					t.Errorf("%s %s (trigger %q), want %s", e.Type, e.Modality, e.Trigger.Text, tt.modality)
				}
			}
			if len(got) == 0 {
				t.Fatalf("no event: %+v", r.Events)
			}
		})
	}
}
