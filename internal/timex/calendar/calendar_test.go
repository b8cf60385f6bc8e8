package calendar

import (
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/text"
)

func TestMonth(t *testing.T) {
	tk := text.Tokenizer{}
	for _, c := range []struct {
		src   string
		month time.Month
		next  int
		amb   bool
	}{
		{"أكتوبر", 10, 1, false}, {"وأكتوبر", 10, 1, false}, {"إبريل", 4, 1, false}, {"أبريل", 4, 1, false},
		{"يونيه", 6, 1, false}, {"يوليه", 7, 1, false}, {"كانون الثاني", 1, 2, false}, {"كانون الثانى", 1, 2, false},
		{"تشرين الأول", 10, 2, false}, {"بتشرين الأول", 10, 2, false}, {"آب", 8, 1, true}, {"شباط", 2, 1, false},
		{"يوليو/ تموز", 7, 3, false}, {"أكتوبر/تشرين الأول", 10, 4, false}, {"Oct.", 10, 2, false},
		{"يوليو (تموز)", 7, 4, false}, {"مارس(آذار)", 3, 4, false}, {"أكتوبر (تشرين الأول)", 10, 5, false},
		{"October", 10, 1, false}, {"May", 5, 1, true}, {"جانفي", 1, 1, false},
	} {
		m, next, amb, ok := Month(tk.Tokenize(c.src), 0)
		if !ok || m != c.month || next != c.next || amb != c.amb {
			t.Errorf("Month(%q) = %v %d %v %v, want %v %d %v", c.src, m, next, amb, ok, c.month, c.next, c.amb)
		}
	}
	for _, src := range []string{"may", "كانون", "تشرين الثالث", "october", "الشهر"} {
		if m, _, _, ok := Month(tk.Tokenize(src), 0); ok {
			t.Errorf("Month(%q) = %v, want none", src, m)
		}
	}
}

func TestWeekday(t *testing.T) {
	tk := text.Tokenizer{}
	for _, c := range []struct {
		src string
		d   time.Weekday
	}{
		{"الخميس", time.Thursday}, {"والخميس", time.Thursday}, {"للخميس", time.Thursday}, {"الإثنين", time.Monday},
		{"الأربعاء", time.Wednesday}, {"الجمعة", time.Friday}, {"Thursday", time.Thursday}, {"Thu.", time.Thursday},
	} {
		d, _, ok := Weekday(tk.Tokenize(c.src), 0)
		if !ok || d != c.d {
			t.Errorf("Weekday(%q) = %v %v, want %v", c.src, d, ok, c.d)
		}
	}
	if _, _, ok := Weekday(tk.Tokenize("thursday"), 0); ok {
		t.Errorf("lower-case English weekday accepted")
	}
}

func TestKeySet(t *testing.T) {
	s := NewKeySet()
	s.Add("الخميس")
	s.Add("منذ")
	for _, c := range []struct {
		key  string
		want bool
	}{{"الخميس", true}, {"والخميس", true}, {"للخميس", true}, {"وبالخميس", true}, {"منذ", true}, {"ومنذ", true}, {"خميس", false}, {"", false}, {"x", false}} {
		if got := s.HasClitic(c.key); got != c.want {
			t.Errorf("HasClitic(%q) = %v, want %v", c.key, got, c.want)
		}
	}
	if s.Has("والخميس") || !s.Has("منذ") {
		t.Errorf("Has is not exact")
	}
}
