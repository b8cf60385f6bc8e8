// Package corpus finds and reads the development data that evaluations
// and benchmarks use at run time — the ANT news corpus and the gold sets
// in ../shared/data — so that each of them reads it the same way and skips
// cleanly when it is absent. It depends on the standard library only, so
// that any package's tests may use it.
package corpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Dir returns the development data directory: $MARSAD_SHARED, else
// ../shared/data beside the repository (found by walking up from the
// working directory to the module's go.mod), else "../shared/data".
func Dir() string {
	if d := os.Getenv("MARSAD_SHARED"); d != "" {
		return d
	}
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				return filepath.Join(d, "..", "shared", "data")
			}
			up := filepath.Dir(d)
			if up == d {
				break
			}
			d = up
		}
	}
	return filepath.Join("..", "shared", "data")
}

// The ANT files of Middle East and international news, relative to Dir.
const (
	ANTMiddleEast    = "news/ant-2018/ant_middleEast.jsonl"
	ANTInternational = "news/ant-2018/ant_internationalNews.jsonl"
)

// Doc is one ANT news article.
type Doc struct {
	ID        string
	Source    string
	URL       string
	Title     string
	Text      string
	Published time.Time // zero when the corpus gives no parsable date
}

// antLine is one line of an ANT JSONL file.
type antLine struct {
	DocNo  string `json:"docno"`
	URL    string `json:"url"`
	Source string `json:"source"`
	Title  string `json:"title"`
	Time   string `json:"time"`
	Text   string `json:"text"`
}

// scanANT calls fn with each line of the ANT JSONL file at path until fn
// returns false. A missing file gives an error wrapping fs.ErrNotExist.
func scanANT(path string, fn func(*antLine) bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("ANT corpus: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for line := 1; sc.Scan(); line++ {
		var r antLine
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("ANT corpus %s:%d: %w", path, line, err)
		}
		if !fn(&r) {
			return nil
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("ANT corpus %s: %w", path, err)
	}
	return nil
}

// ANT reads articles from the ANT JSONL file at path until their texts
// reach maxBytes (all when maxBytes <= 0). A missing file gives an error
// wrapping fs.ErrNotExist.
func ANT(path string, maxBytes int) ([]Doc, error) {
	var docs []Doc
	n := 0
	err := scanANT(path, func(r *antLine) bool {
		d := Doc{ID: r.DocNo, Source: r.Source, URL: r.URL, Title: r.Title, Text: r.Text}
		if t, err := time.Parse(time.RFC1123, r.Time); err == nil {
			d.Published = t.UTC()
		}
		docs = append(docs, d)
		n += len(r.Text)
		return maxBytes <= 0 || n < maxBytes
	})
	return docs, err
}

// ANTTexts returns the texts of the wanted articles (by docno) found in the
// ANT JSONL files at paths, the first occurrence of each; files that do not
// exist are passed over, and when none exists the error wraps
// fs.ErrNotExist.
func ANTTexts(paths []string, want map[string]bool) (map[string]string, error) {
	out := map[string]string{}
	found := false
	for _, p := range paths {
		err := scanANT(p, func(r *antLine) bool {
			if _, dup := out[r.DocNo]; want[r.DocNo] && !dup {
				out[r.DocNo] = r.Text
			}
			return true
		})
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		found = true
	}
	if !found {
		return nil, fmt.Errorf("ANT corpus %s: %w", strings.Join(paths, ", "), fs.ErrNotExist)
	}
	return out, nil
}

// ANTForTest reads the Middle East ANT articles up to maxBytes of text
// for a test or benchmark, which it skips when the corpus is absent.
func ANTForTest(tb testing.TB, maxBytes int) []Doc {
	tb.Helper()
	docs, err := ANT(filepath.Join(Dir(), ANTMiddleEast), maxBytes)
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("development data absent (%v); set MARSAD_SHARED", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// Texts returns the texts of docs.
func Texts(docs []Doc) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.Text
	}
	return out
}
