package event

import (
	"strings"
	"testing"
)

func TestDefaultTaxonomyCoversTypes(t *testing.T) {
	tx := DefaultTaxonomy()
	for _, typ := range Types {
		if _, ok := tx.Lookup(typ); !ok {
			t.Errorf("type %q missing from taxonomy.tsv", typ)
		}
	}
}

func TestACLEDSubTypesCount(t *testing.T) {
	n := 0
	for _, subs := range ACLEDEventTypes {
		n += len(subs)
	}
	if len(ACLEDEventTypes) != 6 || n != 25 {
		t.Fatalf("ACLED has 6 types and 25 sub-types, table has %d and %d", len(ACLEDEventTypes), n)
	}
}

func TestTaxonomyMappings(t *testing.T) {
	tx := DefaultTaxonomy()
	tests := []struct {
		typ, plover, sub string
	}{
		{"airstrike", "ASSAULT", "Air/drone strike"},
		{"shelling", "ASSAULT", "Shelling/artillery/missile attack"},
		{"protest", "PROTEST", "Peaceful protest"},
		{"arrest", "COERCE", "Arrests"},
		{"agreement", "AGREE", "Agreement"},
		{"statement", "", ""},
	}
	for _, tt := range tests {
		c, _ := tx.Lookup(tt.typ)
		sub := ""
		if c.ACLED != nil {
			sub = c.ACLED.SubEventType
		}
		if c.Plover != tt.plover || sub != tt.sub {
			t.Errorf("%s: got %q/%q, want %q/%q", tt.typ, c.Plover, sub, tt.plover, tt.sub)
		}
	}
}

func TestParseTaxonomyRejectsUnknownACLED(t *testing.T) {
	in := "type\tplover\tplover_mode\tacled_event_type\tacled_sub_event_type\nattack\tASSAULT\t\tBattles\tSkirmish\n"
	if _, err := ParseTaxonomy(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("want an error naming line 2, got %v", err)
	}
}
