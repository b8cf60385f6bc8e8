package eval

import (
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/text"
)

// ucdpFakeCoder codes "N ... killed" and two city names, case-insensitively.
type ucdpFakeCoder struct{}

var ucdpFakeKilled = regexp.MustCompile(`(?i)(\d+) \w+ killed`)

func (ucdpFakeCoder) Code(d text.Document) event.Result {
	r := event.Result{ID: d.ID}
	low := strings.ToLower(d.Text)
	if !strings.Contains(low, "killed") && !strings.Contains(low, "clashes") {
		return r
	}
	e := event.Event{Type: "attack", ACLED: &event.ACLED{EventType: "Battles"}, Modality: event.Asserted, Confidence: 0.9}
	if m := ucdpFakeKilled.FindStringSubmatch(d.Text); m != nil {
		n, _ := strconv.Atoi(m[1])
		e.Counts = []event.Count{{What: "killed", Value: float64(n)}}
	}
	switch {
	case strings.Contains(low, "aleppo"):
		e.Location = &event.Location{Name: "Aleppo", Country: "SY", Lat: devPtr(36.21), Lon: devPtr(37.16)}
	case strings.Contains(low, "homs"):
		e.Location = &event.Location{Name: "Homs", Country: "SY", Lat: devPtr(34.73), Lon: devPtr(36.72)}
	}
	r.Events = append(r.Events, e)
	return r
}

func TestScoreUCDP(t *testing.T) {
	f, err := os.Open("testdata/ucdp_sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := ScoreUCDP(ucdpFakeCoder{}, f, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Accuracy{
		"place within 25 km":          {2, 3},
		"place within 50 km":          {2, 3},
		"place 25 km (where_prec<=2)": {1, 2},
		"place same country":          {2, 3},
		"place coded (coverage)":      {2, 3},
		"deaths exact best":           {2, 3}, // 5=5, 3!=4, 0=0
		"deaths within low-high":      {3, 3}, // 3 in 3-5
	}
	for k, w := range want {
		if got := rep.Accuracy[k]; got != w {
			t.Errorf("%s = %+v, want %+v", k, got, w)
		}
	}
	if n := strings.Join(rep.Notes, "\n"); !strings.Contains(n, "4 GED events, 3 with a usable headline scored, 1 without one left out") {
		t.Errorf("notes = %q", n)
	}
}

func TestUCDPHeadlines(t *testing.T) {
	tests := []struct {
		headline, article string
		want              []string
	}{
		{"Thursday 3 January 2013;Abdul Satar Mustafa Hankosh", "", nil},
		{"Incident #19384", "", nil},
		{"#BurkinaFaso;Killing of 22 in Dibilou village, Centre-Nord region", "", []string{"Killing of 22 in Dibilou village, Centre-Nord region"}},
		{"", `Reuters 1989-05-17 "ANGOLAN UNITA REBELS BLOW UP POWER LINES`, []string{"ANGOLAN UNITA REBELS BLOW UP POWER LINES"}},
		{"", "BBC Monitoring Central Asia, 2002-05-26, Russian planes bomb southern Chechnya, seven civilians killed - web site.", []string{"Russian planes bomb southern Chechnya, seven civilians killed - web site."}},
		{"", "Radio Nepal 21/9", nil},
		{"[highlight color=11]Boko[/highlight] [highlight color=11]Haram[/highlight] Attack near Gwoza", "", []string{"Boko Haram Attack near Gwoza"}},
	}
	for _, tt := range tests {
		got := ucdpHeadlines(tt.headline, tt.article)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("ucdpHeadlines(%q, %q) = %q, want %q", tt.headline, tt.article, got, tt.want)
		}
	}
}

func TestUCDPMissingData(t *testing.T) {
	if _, err := UCDP(ucdpFakeCoder{}, t.TempDir(), 0); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("want a not-exist error, got %v", err)
	}
}
