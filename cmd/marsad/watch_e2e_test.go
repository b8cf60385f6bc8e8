package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// changingFeed serves an RSS feed whose items can be added while it runs,
// with an ETag so that unchanged polls get 304 Not Modified.
type changingFeed struct {
	mu          sync.Mutex
	items       []string
	polls, n304 int
}

func (f *changingFeed) add(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items = append(f.items, s)
}

func (f *changingFeed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.polls++
	etag := fmt.Sprintf(`"v%d"`, len(f.items))
	if r.Header.Get("If-None-Match") == etag {
		f.n304++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>`)
	for i := len(f.items) - 1; i >= 0; i-- { // newest first, as feeds do
		fmt.Fprintf(&b, `<item><guid>item-%d</guid><title>Report %d</title><link>https://wire.test/%d</link><pubDate>Mon, 0%d Mar 2021 10:00:00 GMT</pubDate><description>%s</description></item>`,
			i, i, i, 1+i%9, f.items[i])
	}
	b.WriteString(`</channel></rss>`)
	w.Write([]byte(b.String()))
}

func (f *changingFeed) counts() (int, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.polls, f.n304
}

// TestIngestWatch runs `marsad ingest --watch` against a local feed that
// changes while it runs: new items are ingested once, unchanged polls are
// conditional (304), and a restart with the state file ingests nothing
// again.
func TestIngestWatch(t *testing.T) {
	if testing.Short() {
		t.Skip("polls a local feed for a few seconds; skipped with -short")
	}
	feed := &changingFeed{}
	feed.add("Gunmen abducted 4 aid workers near Mosul on Monday, local officials said.")
	feed.add("Shelling killed 3 civilians in Raqqa on Sunday, a monitor said.")
	srv := httptest.NewServer(feed)
	defer srv.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "watch.db")
	state := filepath.Join(dir, "watch.json")

	watchUntil := func(want int) string {
		t.Helper()
		cmd := exec.Command(marsadBin, "ingest", "--db", db, "--watch", "300ms", "--state", state, srv.URL+"/feed.xml")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) && stats(t, db).Documents < want {
			time.Sleep(200 * time.Millisecond)
		}
		time.Sleep(time.Second) // a few more polls of an unchanged feed
		cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil {
			t.Fatalf("watch exited with %v\n%s", err, stderr.String())
		}
		return stderr.String()
	}

	// Runs until both items are stored, then the feed gains a third item
	// while a second watcher runs.
	log1 := watchUntil(2)
	if s := stats(t, db); s.Documents != 2 {
		t.Fatalf("after first watch: %d documents, want 2\n%s", s.Documents, log1)
	}
	if _, n304 := feed.counts(); n304 == 0 {
		t.Errorf("no conditional poll answered 304\n%s", log1)
	}
	if !strings.Contains(log1, "feed poll") {
		t.Errorf("no per-poll log line:\n%s", log1)
	}
	feed.add("Protesters gathered in Benghazi on Friday to demand salaries, witnesses said.")
	log2 := watchUntil(3)
	s := stats(t, db)
	if s.Documents != 3 {
		t.Fatalf("after second watch: %d documents, want 3\n%s", s.Documents, log2)
	}
	if strings.Count(log2, "feed item stored") != 1 {
		t.Errorf("second watcher should store exactly the new item:\n%s", log2)
	}
}
