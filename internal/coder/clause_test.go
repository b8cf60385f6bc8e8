package coder

import (
	"testing"

	"github.com/marsad-dev/marsad/internal/event"
)

// TestChainedClauses: a long Arabic sentence chaining several reports with
// "، وذكر …، وتم …" gives each its own figures, while a clause without a
// date or place takes the previous clause's; a country that speaks is not
// where the event happened.
func TestChainedClauses(t *testing.T) {
	r := code(t, "ar", "وأعلن الفصيل يوم الأربعاء الماضي مسؤوليته عن هجوم بالأسلحة الرشاشة على نقطة عسكرية في قرية المحمودلي بريف الرقة الغربي، وقال بيان للفصيل إنه قتل أربعة من الجنود، وتم الكشف عن فرار سبعة سجناء من سجن نافكور في القامشلي إثر قصف مدفعي على المنطقة.")
	attack := find(r, "attack")
	if attack == nil || attack.Location == nil || attack.Location.Name != "Mahmudli" || attack.Date == nil {
		t.Fatalf("attack = %+v; want one in Mahmudli with a date", attack)
	}
	esc := find(r, "escape")
	if esc == nil || !hasCount(esc.Counts, "escaped") || esc.Location == nil || esc.Location.GazetteerID != "f:navkur-prison" {
		t.Fatalf("escape = %+v; want seven escaped from Navkur prison", esc)
	}
	for _, e := range r.Events {
		if e.Type == "escape" || e.Type == "shelling" {
			if hasCount(e.Counts, "killed") {
				t.Errorf("%s took the four killed of another clause: %+v", e.Type, e.Counts)
			}
		}
	}

	r = code(t, "ar", "وأكدت فرنسا فرار ثلاثة من رعاياها من أحد المخيمات في شمال سوريا.")
	if esc := find(r, "escape"); esc == nil || esc.Location == nil || esc.Location.Country != "SY" {
		t.Errorf("escape = %+v; want it in Syria, not in the country that reports it", esc)
	} else if len(esc.Attribution) == 0 || esc.Attribution[0].Speaker != "France" {
		t.Errorf("attribution = %+v; want France", esc.Attribution)
	}
}

// TestArmedGroupClaims: an armed group's own account of its violence is a
// claim; the same attack told by the army is asserted.
func TestArmedGroupClaims(t *testing.T) {
	tests := []struct {
		lang, text, want string
	}{
		{"ar", "وأعلن تنظيم داعش أنه هاجم حاجزا للجيش قرب الرقة أمس أسفر عن مقتل ثلاثة جنود.", "claimed"},
		{"ar", "وقال الجيش إن مسلحين من تنظيم داعش هاجموا حاجزا قرب الرقة أمس أسفر عن مقتل ثلاثة جنود.", "asserted"},
		{"en", "Islamic State said it attacked an army checkpoint near Raqqa on Monday, killing three soldiers.", "claimed"},
		{"en", "The army said Islamic State fighters attacked a checkpoint near Raqqa on Monday, killing three soldiers.", "asserted"},
	}
	for _, tt := range tests {
		r := code(t, tt.lang, tt.text)
		e := find(r, "attack")
		if e == nil {
			t.Errorf("%q: no attack in %+v", tt.text, r.Events)
			continue
		}
		if e.Modality != tt.want {
			t.Errorf("%q: modality %s, want %s", tt.text, e.Modality, tt.want)
		}
	}
}

// TestClaimantIsTheAttacker: in an armed group's claim of its own attack,
// the group is the actor and another armed side named with it the target,
// even where that side is written first.
func TestClaimantIsTheAttacker(t *testing.T) {
	for _, tt := range []struct{ lang, text string }{
		{"ar", "وأعلن تنظيم داعش أنه حرر عشرة من أسراه المحتجزين لدى المقاتلين الأكراد بعد هجوم على أحد مقراتهم قرب الرقة."},
		{"ar", "وأعلن تنظيم داعش أنه قتل خمسة من المقاتلين الأكراد في هجوم على مقر لهم قرب الرقة."},
	} {
		r := code(t, tt.lang, tt.text)
		checkSpans(t, tt.text, r)
		e := find(r, "attack")
		if e == nil {
			t.Errorf("%q: no attack in %+v", tt.text, r.Events)
			continue
		}
		for _, a := range e.Actors {
			if a.Name == "Kurdish forces" && a.Role == "actor" || a.Name == "ISIS" && a.Role != "actor" {
				t.Errorf("%q: %s as %s", tt.text, a.Name, a.Role)
			}
		}
		if !hasActorRole(e.Actors, "ISIS", "actor") {
			t.Errorf("%q: ISIS is not the actor: %+v", tt.text, e.Actors)
		}
	}
}

func hasActorRole(as []event.Actor, name, role string) bool {
	for _, a := range as {
		if a.Name == name && a.Role == role {
			return true
		}
	}
	return false
}

// TestReportedOutcomes: "لقد" goes with the perfect (a done deed, not a
// possibility); concern voiced after an event does not make the event
// feared; a speaker named by title and name is the person.
func TestReportedOutcomes(t *testing.T) {
	r := code(t, "ar", "وكتب الرئيس الأمريكي دونالد ترامب في تغريدة: لقد نقلنا اثنين من المعتقلين إلى مكان آمن خارج سوريا.")
	e := find(r, "transfer")
	if e == nil || e.Modality != "asserted" {
		t.Fatalf("transfer = %+v; want an asserted transfer", e)
	}
	if len(e.Attribution) == 0 || e.Attribution[0].Speaker != "Donald Trump" {
		t.Errorf("attribution %+v; want Donald Trump", e.Attribution)
	}
	r = code(t, "ar", "وأعرب وزير الداخلية عن قلقه البالغ بعد فرار 300 من أقارب المقاتلين من المخيم.")
	if e := find(r, "escape"); e == nil || e.Modality != "asserted" {
		t.Errorf("escape = %+v; want asserted (the concern follows it)", e)
	}
	r = code(t, "ar", "وأعرب وزير الداخلية عن قلقه البالغ من فرار أقارب المقاتلين من المخيم.")
	if e := find(r, "escape"); e == nil || e.Modality != "feared" {
		t.Errorf("escape = %+v; want feared", e)
	}
}

// TestStandingFigures: what a number counts is the noun after it, or the
// noun after "the number of" before it when the noun is only "people";
// a statement takes no counts; a titled speaker without a dictionary entry
// is kept as written.
func TestStandingFigures(t *testing.T) {
	r := code(t, "ar", "وأكد مدير إدارة السجون في المحافظة أن هناك خمسة سجون تضم ثلاثة آلاف محتجز، وأوضح أن عدد المحتجزين الأجانب قد يبلغ نحو 900 شخص من 40 دولة.")
	got := map[string]float64{}
	for _, f := range r.Figures {
		got[f.What] = f.Value
	}
	want := map[string]float64{"detention_sites": 5, "detainees": 900, "countries": 40}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("figure %s = %v, want %v (all: %v)", k, got[k], v, got)
		}
	}
	if len(r.Figures) == 0 || len(r.Figures[0].Attribution) == 0 || r.Figures[0].Attribution[0].Speaker != "مدير إدارة السجون" {
		t.Errorf("first figure attribution = %+v; want the director as written", r.Figures)
	}
	if r.Events == nil || r.Figures == nil {
		t.Errorf("events or figures null: %+v", r)
	}
}

// TestPlaceOfTheEventToldBefore: "the escapees" later in a report are
// those of the escape whose place the lead gave.
func TestPlaceOfTheEventToldBefore(t *testing.T) {
	r := code(t, "ar", "فر 12 محتجزا من سجن غويران في الحسكة فجر اليوم. وقالت قوات سوريا الديمقراطية إن عدد الفارين لا يتجاوز عشرة.")
	n := 0
	for _, e := range r.Events {
		if e.Type != "escape" {
			continue
		}
		n++
		if e.Location == nil || e.Location.GazetteerID != "f:ghuwayran-prison" {
			t.Errorf("escape %s at %+v; want Ghuwayran prison", e.Trigger.Text, e.Location)
		}
	}
	if n != 2 {
		t.Errorf("%d escapes, want the two claims (12 and no more than 10)", n)
	}
}
