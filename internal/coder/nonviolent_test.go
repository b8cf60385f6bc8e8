package coder

import (
	"testing"

	"github.com/marsad-dev/marsad/internal/event"
)

// TestNonViolentConfidence: agreements with their kind or parties,
// offensives waged or named, escapes counted right after their noun are
// confident; the same words without those details are not raised, and a
// statement that carries other news is its channel.
func TestNonViolentConfidence(t *testing.T) {
	tests := []struct {
		name, lang, text, typ string
		min, max              float64
	}{
		// agreements
		{"ceasefire agreement ar", "ar", "وأعلنت الخارجية تفاصيل اتفاق وقف إطلاق النار في ريف إدلب.", "agreement", 0.7, 1},
		{"agreement between parties ar", "ar", "ووقع أمس في الدوحة اتفاق بين الحكومة السودانية والمتمردين.", "agreement", 0.7, 1},
		{"ceasefire agreement en", "en", "Officials released the text of the ceasefire agreement for Idlib on Monday.", "agreement", 0.7, 1},
		{"a bare agreement", "ar", "وتحدث الوزير عن الاتفاق في مقابلة مع صحيفة محلية.", "agreement", 0, 0.7},
		// offensives
		{"carrying out the plan of aggression, named", "ar", "وواصل الجيش تنفيذ مخطط العدوان على سوريا تحت اسم «نبع السلام».", "offensive", 0.7, 1},
		{"since the operation began", "ar", "ونزح آلاف منذ بدء العملية العسكرية في الشمال.", "offensive", 0, 0.7},
		// escapes counted
		{"after the escape of 800", "ar", "وقالت الحكومة الفرنسية إنها قلقة بعد هروب 800 فرد من مخيم الهول.", "escape", 0.7, 1},
		{"escape as a topic", "ar", "وبحسب الوزارة فرار ثلاثة سجناء أمر مقلق للسلطات.", "escape", 0, 0.7},
		// statements
		{"statement carrying an agreement", "ar", "وأصدر مكتب الرئيس بيانا يتضمن تفاصيل الاتفاق.", "statement", 0, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			e := mentionOf(r, tt.typ)
			if e == nil {
				if tt.min > 0 {
					t.Fatalf("no %s event: %+v", tt.typ, r.Events)
				}
				return
			}
			if e.Confidence < tt.min || e.Confidence >= tt.max {
				t.Errorf("%s %s conf=%.2f trigger=%q, want in [%.2f, %.2f)", e.Type, e.Modality, e.Confidence, e.Trigger.Text, tt.min, tt.max)
			}
		})
	}
}

// TestPlanCarriedOutAndPretext: a plan that a verb of waging carries out
// is no mere intention, and a claim noun joined after the act (والادعاء
// بالعمل على …) is the actor's pretext: the act stays asserted. A warning
// noun before a new clause (تجاهل التحذيرات واستمر في …) does not govern
// that clause.
func TestPlanCarriedOutAndPretext(t *testing.T) {
	tests := []struct{ name, text, modality string }{
		{"carried out the plan", "وقال المتحدث إن الجيش بدأ تنفيذ مخطط العدوان على غزة أمس.", event.Asserted},
		{"ignored warnings and went on", "وتجاهلت الحكومة كل التحذيرات واستمرت في العدوان على غزة أمس.", event.Asserted},
		{"aggression and the pretext", "وشن الجيش العدوان على سوريا والادعاء بحماية الحدود.", event.Asserted},
		{"warned of aggression", "وحذرت الحكومة من العدوان على غزة.", event.Warned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, "ar", tt.text)
			e := mentionOf(r, "offensive")
			if e == nil {
				t.Fatalf("no offensive: %+v", r.Events)
			}
			if e.Modality != tt.modality {
				t.Errorf("modality %s, want %s", e.Modality, tt.modality)
			}
		})
	}
}
