package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/open"
)

// marsadBin is the binary built once for the end-to-end tests.
var marsadBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "marsad-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	marsadBin = filepath.Join(dir, "marsad")
	if out, err := exec.Command("go", "build", "-o", marsadBin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build marsad: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func run(t *testing.T, args ...string) (string, string) {
	t.Helper()
	cmd := exec.Command(marsadBin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("marsad %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), stderr.String()
}

func TestExtractExampleJSON(t *testing.T) {
	out, _ := run(t, "extract", "--example", "ar")
	var r struct {
		ID     string `json:"id"`
		Lang   string `json:"lang"`
		Events []struct {
			Type     string `json:"type"`
			Evidence []struct {
				Start, End int
				Text       string
			} `json:"evidence"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("extract output is not one JSON result: %v", err)
	}
	if r.Lang != "ar" || len(r.Events) == 0 {
		t.Fatalf("lang=%q events=%d", r.Lang, len(r.Events))
	}
}

func TestExtractJSONLKeepsOrderAndIDs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, `{"id":"d%d","text":%q,"published":"2021-03-10"}`+"\n", i, synthDoc(i))
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := run(t, "extract", "--format", "jsonl", "--workers", "3", in)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 40 {
		t.Fatalf("%d output lines for 40 documents", len(lines))
	}
	for i, l := range lines {
		var r struct{ ID string }
		if err := json.Unmarshal([]byte(l), &r); err != nil || r.ID != fmt.Sprintf("d%d", i) {
			t.Fatalf("line %d: id %q err %v", i, r.ID, err)
		}
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content, want string
	}{
		{"empty.txt", "", "empty"},
		{"binary.txt", "\x00\x01\x02abc", "binary"},
		{"latin1.txt", "caf\xe9 \xff\xfe", "UTF-8"},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name)
		if err := os.WriteFile(p, []byte(tt.content), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(marsadBin, "extract", p)
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Errorf("%s: no error", tt.name)
		}
		if !strings.Contains(string(out), tt.want) {
			t.Errorf("%s: message %q does not say %q", tt.name, out, tt.want)
		}
	}
}

// synthDoc writes a short report of our own; i varies town, figures and
// outlet so that documents differ.
func synthDoc(i int) string {
	towns := []string{"الرقة", "الحسكة", "القامشلي", "منبج", "دير الزور", "إدلب", "حلب", "الموصل", "كركوك", "بنغازي"}
	days := []string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء"}
	town := towns[i%len(towns)]
	if i%2 == 0 {
		return fmt.Sprintf("قُتل %d مدنيين في قصف مدفعي استهدف مدينة %s يوم %s، بحسب المرصد السوري لحقوق الإنسان. وقال مصدر محلي إن القصف استمر ساعات.",
			3+i%7, town, days[i%len(days)])
	}
	return fmt.Sprintf("Gunmen abducted %d aid workers near %s on Monday, local officials said. Report number %d.", 2+i%5, []string{"Raqqa", "Mosul", "Benghazi", "Aleppo"}[i%4], i)
}

func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	// Dates spread so that about four documents share a day: merging has
	// work to do without every report piling onto a handful of events.
	base := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		day := base.AddDate(0, 0, i/4).Format("2006-01-02")
		fmt.Fprintf(f, `{"id":"doc-%05d","text":%q,"published":"%s","source":"outlet-%d"}`+"\n", i, synthDoc(i), day, i%7)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

func stats(t *testing.T, db string) store.Stats {
	t.Helper()
	st, err := open.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestIngestIdempotentEventsExport(t *testing.T) {
	corpus := writeCorpus(t, 60)
	db := filepath.Join(t.TempDir(), "m.db")
	_, sum1 := run(t, "ingest", "--db", db, corpus)
	s1 := stats(t, db)
	if s1.Documents != 60 || s1.Events == 0 || s1.Claims == 0 {
		t.Fatalf("after ingest: %+v\n%s", s1, sum1)
	}
	_, sum2 := run(t, "ingest", "--db", db, corpus)
	if s2 := stats(t, db); s2 != s1 {
		t.Fatalf("second ingest changed the store: %+v -> %+v\n%s", s1, s2, sum2)
	}
	if !strings.Contains(sum2, "60 unchanged") {
		t.Errorf("second ingest summary does not report 60 unchanged: %s", sum2)
	}
	out, _ := run(t, "events", "--db", db, "--type", "shelling", "--limit", "5")
	if !strings.Contains(out, "shelling") {
		t.Errorf("events --type shelling printed no shelling:\n%s", out)
	}
	csvOut, _ := run(t, "export", "--db", db, "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatalf("export csv: %v", err)
	}
	if len(recs) != s1.Events+1 || recs[0][1] != "event_date" {
		t.Errorf("csv has %d rows for %d events; header %v", len(recs), s1.Events, recs[0])
	}
	geo, _ := run(t, "export", "--db", db, "--format", "geojson")
	var fc struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal([]byte(geo), &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) == 0 {
		t.Errorf("geojson: %v %q %d features", err, fc.Type, len(fc.Features))
	}
}

// TestIngestSurvivesKill kills a real ingest process mid-run with SIGKILL,
// checks that the store is consistent, re-runs the ingest and checks that
// the record equals that of an uninterrupted ingest of the same corpus.
func TestIngestSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a real ingest process; skipped with -short")
	}
	const n = 600
	corpus := writeCorpus(t, n)
	db := filepath.Join(t.TempDir(), "killed.db")
	cmd := exec.Command(marsadBin, "ingest", "--db", db, "--workers", "2", corpus)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	killedAt := 0
	for time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		if _, err := os.Stat(db); err != nil {
			continue
		}
		if s := stats(t, db); s.Documents >= 60 {
			killedAt = s.Documents
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if killedAt == 0 || killedAt >= n {
		t.Skipf("could not catch the ingest mid-run (saw %d documents)", killedAt)
	}
	mid := stats(t, db)
	if mid.Documents < killedAt || mid.Documents >= n {
		t.Fatalf("after kill: %d documents (saw %d before the kill)", mid.Documents, killedAt)
	}
	if mid.Mentions == 0 || mid.Events == 0 {
		t.Fatalf("after kill: documents without mentions or events: %+v", mid)
	}
	_, sum := run(t, "ingest", "--db", db, corpus)
	final := stats(t, db)
	clean := filepath.Join(t.TempDir(), "clean.db")
	run(t, "ingest", "--db", clean, corpus)
	want := stats(t, clean)
	final.FirstDay, final.LastDay, want.FirstDay, want.LastDay = "", "", "", ""
	if final != want {
		t.Fatalf("killed and resumed ingest differs from a clean one:\n got %+v\nwant %+v\n%s", final, want, sum)
	}
	if !strings.Contains(sum, fmt.Sprintf("%d unchanged", mid.Documents)) {
		t.Errorf("resumed ingest should skip the %d stored documents: %s", mid.Documents, sum)
	}
}
