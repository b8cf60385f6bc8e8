package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestANT(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ant.jsonl")
	lines := `{"docno":"A-1","source":"BBC","title":"t1","time":"Sun, 18 Feb 2018 20:50:44 GMT","text":"نص أول"}` + "\n" +
		`{"docno":"A-2","source":"CNN","title":"t2","time":"bad","text":"second text"}` + "\n" +
		`{"docno":"A-3","text":"third"}` + "\n"
	if err := os.WriteFile(p, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := ANT(p, 0)
	if err != nil || len(docs) != 3 {
		t.Fatalf("%d docs, %v", len(docs), err)
	}
	if d := docs[0]; d.ID != "A-1" || d.Source != "BBC" || d.Published.Format("2006-01-02") != "2018-02-18" || d.Text != "نص أول" {
		t.Errorf("first doc %+v", d)
	}
	if !docs[1].Published.IsZero() {
		t.Errorf("unparsable date gave %v", docs[1].Published)
	}
	if docs, _ := ANT(p, 5); len(docs) != 1 {
		t.Errorf("maxBytes 5: %d docs, want 1", len(docs))
	}
	if _, err := ANT(filepath.Join(t.TempDir(), "none.jsonl"), 0); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if err := os.WriteFile(p, []byte("{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ANT(p, 0); err == nil {
		t.Error("bad line: no error")
	}
}

func TestDir(t *testing.T) {
	t.Setenv("MARSAD_SHARED", "/data/x")
	if Dir() != "/data/x" {
		t.Errorf("Dir() = %q with MARSAD_SHARED set", Dir())
	}
	t.Setenv("MARSAD_SHARED", "")
	if d := Dir(); filepath.Base(d) != "data" || filepath.Base(filepath.Dir(d)) != "shared" {
		t.Errorf("Dir() = %q", d)
	}
}

func TestANTTexts(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	os.WriteFile(a, []byte(`{"docno":"A-1","text":"one"}`+"\n"+`{"docno":"A-2","text":"two"}`+"\n"), 0o644)
	os.WriteFile(b, []byte(`{"docno":"A-1","text":"again"}`+"\n"+`{"docno":"B-1","text":"three"}`+"\n"), 0o644)
	got, err := ANTTexts([]string{a, filepath.Join(dir, "none.jsonl"), b}, map[string]bool{"A-1": true, "B-1": true})
	if err != nil || len(got) != 2 || got["A-1"] != "one" || got["B-1"] != "three" {
		t.Errorf("ANTTexts = %v, %v", got, err)
	}
	if _, err := ANTTexts([]string{filepath.Join(dir, "none.jsonl")}, nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("no file: %v", err)
	}
}
