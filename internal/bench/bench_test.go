package bench

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-dev/marsad/internal/coder"
	"github.com/marsad-dev/marsad/internal/examples"
	"github.com/marsad-dev/marsad/internal/ingest"
	"github.com/marsad-dev/marsad/internal/store/sqlite"
	"github.com/marsad-dev/marsad/internal/text"
)

func exampleItems() []ingest.Item {
	var items []ingest.Item
	for _, r := range examples.All() {
		items = append(items, ingest.Item{Origin: r.Name, Doc: text.Document{ID: "ex-" + r.Name, Text: r.Text, Lang: r.Lang,
			Source: r.Source, Published: r.Published}})
	}
	return items
}

// TestStages runs every stage on the built-in reports and checks that the
// figures describe real work: bytes and sentences counted, events coded
// and stored, every query answered.
func TestStages(t *testing.T) {
	ctx := context.Background()
	items := exampleItems()
	docs := Docs(items)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	a := Analysis(docs, 0)
	if a.Passes != 1 || a.Bytes != size || a.Sentences < 10 || a.MBps() <= 0 {
		t.Errorf("analysis: %+v", a)
	}
	c, err := coder.New(coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x := Extract(c, docs, 0)
	if x.Sentences != a.Sentences || x.Events == 0 {
		t.Errorf("extract: %+v (analysis counted %d sentences)", x, a.Sentences)
	}
	if !strings.Contains(x.String(), "sentences/s") {
		t.Errorf("extract line %q", x)
	}
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := Ingest(ctx, st, c, items)
	if err != nil {
		t.Fatal(err)
	}
	if r.Docs != 2 || r.Inserted != 2 || r.Events != x.Events {
		t.Errorf("ingest: %+v, want 2 documents and %d events", r, x.Events)
	}
	lats, err := Queries(ctx, st, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(lats) < 15 {
		t.Errorf("%d queries measured", len(lats))
	}
	for _, l := range lats {
		if l.N < 20 || l.P50 <= 0 || l.P99 < l.P50 || l.Max < l.P99 {
			t.Errorf("%s", l)
		}
	}
}

func TestQueriesEmptyStore(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "e.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := Queries(ctx, st, 0); err == nil || !strings.Contains(err.Error(), "no events") {
		t.Errorf("empty store: %v", err)
	}
}

func TestCorpus(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "c.jsonl")
	writeFile(t, p, `{"id":"a","text":"Gunmen killed 2 people in Mosul on Monday."}`+"\n"+`not json`+"\n"+
		`{"id":"b","text":"Protesters gathered in Benghazi."}`+"\n")
	items, err := Corpus(context.Background(), []string{p}, 0)
	if err != nil || len(items) != 2 {
		t.Fatalf("%d items, %v", len(items), err)
	}
	items, err = Corpus(context.Background(), []string{p}, 1)
	if err != nil || len(items) != 1 {
		t.Fatalf("limit 1: %d items, %v", len(items), err)
	}
	if _, err := Corpus(context.Background(), []string{filepath.Join(dir, "none")}, 0); err == nil {
		t.Error("missing corpus: no error")
	}
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
