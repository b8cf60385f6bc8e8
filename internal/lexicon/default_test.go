package lexicon

import "testing"

func TestDefaultLoads(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, e := range l.Entries() {
		kinds[e.Kind]++
	}
	t.Logf("entries: %v", kinds)
	for _, k := range []string{KindActor, KindTrigger, KindCue} {
		if kinds[k] == 0 {
			t.Errorf("no %s entries", k)
		}
	}
}
