package event

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
)

//go:embed taxonomy.tsv
var defaultTaxonomy string

// Coding is how one marsad event type maps to PLOVER and ACLED.
type Coding struct {
	Type          string
	Plover        string // "" = null
	PloverMode    string
	ACLED         *ACLED // nil = ACLED would not code it
	ACLEDCivilian *ACLED // used when victims/targets are civilians; nil = same as ACLED
	ACLEDState    *ACLED // used when the actor is a state force; nil = same as ACLED
	ACLEDArmed    *ACLED // used when the targets or victims are armed; nil = same as ACLED
	Violent       bool
}

// Taxonomy maps marsad event types to PLOVER and ACLED codings.
type Taxonomy struct {
	byType map[string]Coding
}

// ACLEDEventTypes lists ACLED's six event types with their 25 sub-event
// types, with ACLED's exact names.
var ACLEDEventTypes = map[string][]string{
	"Battles":                    {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
	"Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
	"Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
	"Protests":                   {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
	"Riots":                      {"Violent demonstration", "Mob violence"},
	"Strategic developments":     {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"},
}

// ValidACLED reports whether a is one of ACLED's event/sub-event type pairs.
func ValidACLED(a ACLED) bool {
	for _, s := range ACLEDEventTypes[a.EventType] {
		if s == a.SubEventType {
			return true
		}
	}
	return false
}

// DefaultTaxonomy returns the embedded taxonomy.
func DefaultTaxonomy() *Taxonomy {
	t, err := ParseTaxonomy(strings.NewReader(defaultTaxonomy))
	if err != nil {
		panic("embedded taxonomy.tsv: " + err.Error()) // a build defect, caught by tests
	}
	return t
}

// ParseTaxonomy reads a taxonomy TSV (see taxonomy.tsv for the columns).
func ParseTaxonomy(r io.Reader) (*Taxonomy, error) {
	t := &Taxonomy{byType: map[string]Coding{}}
	sc := bufio.NewScanner(r)
	line := 0
	header := true
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if header {
			header = false
			if f[0] != "type" {
				return nil, fmt.Errorf("taxonomy line %d: want a header starting with \"type\"", line)
			}
			continue
		}
		for len(f) < 12 {
			f = append(f, "")
		}
		c := Coding{Type: f[0], Plover: f[1], PloverMode: f[2], Violent: f[11] == "yes"}
		var err error
		if c.ACLED, err = acledPair(f[3], f[4]); err != nil {
			return nil, fmt.Errorf("taxonomy line %d: %w", line, err)
		}
		if c.ACLEDCivilian, err = acledPair(f[5], f[6]); err != nil {
			return nil, fmt.Errorf("taxonomy line %d: %w", line, err)
		}
		if c.ACLEDState, err = acledPair(f[7], f[8]); err != nil {
			return nil, fmt.Errorf("taxonomy line %d: %w", line, err)
		}
		if c.ACLEDArmed, err = acledPair(f[9], f[10]); err != nil {
			return nil, fmt.Errorf("taxonomy line %d: %w", line, err)
		}
		t.byType[c.Type] = c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("taxonomy: %w", err)
	}
	return t, nil
}

func acledPair(et, st string) (*ACLED, error) {
	if et == "" && st == "" {
		return nil, nil
	}
	a := ACLED{EventType: et, SubEventType: st}
	if !ValidACLED(a) {
		return nil, fmt.Errorf("%q / %q is not an ACLED event type and sub-event type", et, st)
	}
	return &a, nil
}

// Lookup returns the coding of a marsad event type.
func (t *Taxonomy) Lookup(typ string) (Coding, bool) {
	c, ok := t.byType[typ]
	return c, ok
}
