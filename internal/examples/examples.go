// Package examples embeds marsad's built-in example reports: short Arabic
// and English reports written by the project in the style of conflict news
// (escapes, shelling, claimed attacks, competing figures, denials), with the
// text defects real reports have — Egyptian spellings (فى، الأمريكى),
// presentation forms (اﻷمنية), run-together words (اﻷممالمتحدة، الخميس7),
// Arabic-Indic digits and «» quotes. The events are illustrative, not a
// record of fact.
package examples

import (
	_ "embed"
	"fmt"
	"sort"
	"time"
)

//go:embed report-ar.txt
var reportAR string

//go:embed report-en.txt
var reportEN string

// Report is one built-in example.
type Report struct {
	Name      string
	Lang      string
	Source    string
	Published time.Time
	Text      string
}

// All returns the built-in reports, Arabic first.
func All() []Report {
	pub := time.Date(2019, 11, 12, 0, 0, 0, 0, time.UTC)
	return []Report{
		{Name: "ar", Lang: "ar", Source: "marsad example (Arabic)", Published: pub, Text: reportAR},
		{Name: "en", Lang: "en", Source: "marsad example (English)", Published: pub, Text: reportEN},
	}
}

// Get returns the built-in report with the given name ("ar" or "en").
func Get(name string) (Report, error) {
	var names []string
	for _, r := range All() {
		if r.Name == name {
			return r, nil
		}
		names = append(names, r.Name)
	}
	sort.Strings(names)
	return Report{}, fmt.Errorf("no built-in example %q (have %v)", name, names)
}
