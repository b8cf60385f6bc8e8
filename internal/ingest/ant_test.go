package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedData returns the development data directory: $MARSAD_SHARED, else
// ../shared/data beside the repository. Tests skip when it is absent.
func sharedData(tb testing.TB, rel string) string {
	tb.Helper()
	root := os.Getenv("MARSAD_SHARED")
	if root == "" {
		root = filepath.Join("..", "..", "..", "shared", "data")
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("development data absent (%v); set MARSAD_SHARED", err)
	}
	return p
}

// TestANTJSONL reads the ANT corpus JSONL as it is: every line a document
// with the corpus id, title, source, URL and date.
func TestANTJSONL(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 65 MB; skipped with -short")
	}
	dir := sharedData(t, filepath.Join("news", "ant-2018"))
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if len(files) == 0 {
		t.Skip("no ANT JSONL files")
	}
	var n, skipped, undated int
	ids := map[string]bool{}
	err := Walk(context.Background(), files, Options{}, func(it Item) error {
		if it.Err != nil {
			skipped++
			t.Logf("%s: %v", it.Origin, it.Err)
			return nil
		}
		n++
		d := it.Doc
		if d.ID == "" || strings.Contains(d.ID, "#") || d.Title == "" || d.Source == "" || d.URL == "" || d.Text == "" {
			t.Errorf("%s: incomplete document id=%q title=%q source=%q url=%q", it.Origin, d.ID, d.Title, d.Source, d.URL)
		}
		if d.Published.IsZero() {
			undated++
		}
		ids[d.ID] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents (%d distinct ids), %d skipped, %d undated", n, len(ids), skipped, undated)
	if n < 7000 || skipped > n/100 || undated > n/100 {
		t.Errorf("%d documents, %d skipped, %d undated", n, skipped, undated)
	}
}

// BenchmarkWalkANTJSONL measures reading the ANT JSONL: decoding, date
// parsing and fingerprinting every document.
func BenchmarkWalkANTJSONL(b *testing.B) {
	p := filepath.Join(sharedData(b, filepath.Join("news", "ant-2018")), "ant_middleEast.jsonl")
	st, err := os.Stat(p)
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(st.Size())
	docs := 0
	for b.Loop() {
		docs = 0
		if err := Walk(context.Background(), []string{p}, Options{}, func(it Item) error {
			if it.Err == nil {
				docs++
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(docs)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkReadANTJSONL measures the JSONL reading alone (no fingerprint).
func BenchmarkReadANTJSONL(b *testing.B) {
	p := filepath.Join(sharedData(b, filepath.Join("news", "ant-2018")), "ant_middleEast.jsonl")
	st, err := os.Stat(p)
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(st.Size())
	for b.Loop() {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		err = readJSONL(f, DefaultMaxBytes, func(line int, rec []byte, err error) error {
			if err != nil {
				return err
			}
			_, _, err = parseJSONLine(rec)
			return err
		})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
}
