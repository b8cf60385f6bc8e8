package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// feedServer serves an RSS feed whose items the test changes, with an ETag
// and Last-Modified, answering 304 to a matching conditional GET. Set fail
// to answer 500 and ignoreValidators to always answer 200.
type feedServer struct {
	mu               sync.Mutex
	items            []string // titles, oldest first
	fail             bool
	ignoreValidators bool
	modified         time.Time
	requests         []http.Header
}

func (s *feedServer) add(title string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, title)
	s.modified = s.modified.Add(time.Minute)
}

func (s *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r.Header.Clone())
	if s.fail {
		http.Error(w, "upstream down", http.StatusInternalServerError)
		return
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>`)
	for i := len(s.items) - 1; i >= 0; i-- { // newest first
		fmt.Fprintf(&b, `<item><title>%s</title><link>https://wire.test/%d</link><description>Report number %d: %s.</description></item>`,
			s.items[i], i, i, s.items[i])
	}
	b.WriteString(`</channel></rss>`)
	etag := fmt.Sprintf(`"%x"`, sha256.Sum256(b.Bytes()))
	lm := s.modified.UTC().Format(http.TimeFormat)
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", lm)
	if !s.ignoreValidators && (r.Header.Get("If-None-Match") == etag || r.Header.Get("If-None-Match") == "" && r.Header.Get("If-Modified-Since") == lm) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write(b.Bytes())
}

func (s *feedServer) setFail(v bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail = v
}

func (s *feedServer) lastRequest() http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[len(s.requests)-1]
}

func TestWatcherPoll(t *testing.T) {
	srv := &feedServer{modified: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
	srv.add("Bridge closed after shelling")
	srv.add("Curfew lifted in the old city")
	ts := httptest.NewServer(srv)
	defer ts.Close()

	now := time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)
	state := filepath.Join(t.TempDir(), "watch.json")
	var logs bytes.Buffer
	var got []Item
	newWatcher := func() *Watcher {
		return &Watcher{
			Feeds:      []string{ts.URL},
			Interval:   time.Minute,
			MaxBackoff: 5 * time.Minute,
			StatePath:  state,
			Logger:     slog.New(slog.NewTextHandler(&logs, nil)),
			Emit:       func(it Item) error { got = append(got, it); return nil },
			now:        func() time.Time { return now },
		}
	}
	w := newWatcher()
	steps := []struct {
		name      string
		change    func()
		status    int
		items     int
		newTitles []string
		failed    bool
		next      time.Duration
		log       string
	}{
		{name: "first poll", status: 200, items: 2, newTitles: []string{"Bridge closed after shelling", "Curfew lifted in the old city"}, next: time.Minute,
			log: "status=200 items=2 new=2"},
		{name: "unchanged", status: 304, next: time.Minute, log: "status=304 items=0 new=0"},
		{name: "new item", change: func() { srv.add("Aid convoy reaches the camp") }, status: 200, items: 3,
			newTitles: []string{"Aid convoy reaches the camp"}, next: time.Minute},
		{name: "server error", change: func() { srv.setFail(true) }, status: 500, failed: true, next: 2 * time.Minute, log: "failures=1"},
		{name: "still failing", status: 500, failed: true, next: 4 * time.Minute},
		{name: "backoff capped", status: 500, failed: true, next: 5 * time.Minute},
		{name: "recovered", change: func() { srv.setFail(false); srv.add("Talks postponed") }, status: 200, items: 4,
			newTitles: []string{"Talks postponed"}, next: time.Minute},
	}
	for _, st := range steps {
		if st.change != nil {
			st.change() // the server is idle between polls
		}
		got, logs = nil, bytes.Buffer{}
		res, err := w.Poll(context.Background(), ts.URL)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if res.Status != st.status || res.Items != st.items || (res.Err != nil) != st.failed {
			t.Errorf("%s: status %d items %d err %v; want %d %d failed=%v", st.name, res.Status, res.Items, res.Err, st.status, st.items, st.failed)
		}
		var titles []string
		for _, it := range got {
			if it.Err != nil {
				t.Errorf("%s: item error %v", st.name, it.Err)
			}
			titles = append(titles, it.Doc.Title)
		}
		if fmt.Sprint(titles) != fmt.Sprint(st.newTitles) || res.New != len(st.newTitles) {
			t.Errorf("%s: emitted %q (New=%d), want %q", st.name, titles, res.New, st.newTitles)
		}
		if !res.Next.Equal(now.Add(st.next)) {
			t.Errorf("%s: next poll in %v, want %v", st.name, res.Next.Sub(now), st.next)
		}
		line := logs.String()
		if strings.Count(line, "\n") != 1 || !strings.Contains(line, "feed="+ts.URL) || !strings.Contains(line, st.log) {
			t.Errorf("%s: log %q lacks one line with feed and %q", st.name, line, st.log)
		}
	}
	if h := srv.lastRequest(); h.Get("If-None-Match") == "" || h.Get("If-Modified-Since") == "" {
		t.Errorf("last request was not conditional: %v", h)
	}

	// A restarted watcher remembers the validators and the seen items,
	// even when the server ignores the validators.
	srv.mu.Lock()
	srv.ignoreValidators = true
	srv.mu.Unlock()
	got = nil
	w2 := newWatcher()
	res, err := w2.Poll(context.Background(), ts.URL)
	if err != nil || res.Status != 200 || res.Items != 4 || res.New != 0 || len(got) != 0 {
		t.Errorf("after restart: %+v, %v, emitted %d; want 200 with nothing new", res, err, len(got))
	}
	srv.add("Second bridge reopened")
	res, err = w2.Poll(context.Background(), ts.URL)
	if err != nil || res.New != 1 || len(got) != 1 || got[0].Doc.ID != "https://wire.test/4" || got[0].Doc.Source != "Test Wire" {
		t.Errorf("after restart, one new item: %+v, %v, %+v", res, err, got)
	}
}

func TestWatcherEmitErrorKeepsItem(t *testing.T) {
	srv := &feedServer{}
	srv.add("First")
	srv.add("Second")
	ts := httptest.NewServer(srv)
	defer ts.Close()
	boom := errors.New("store unavailable")
	fail := true
	var got []string
	w := &Watcher{Feeds: []string{ts.URL}, Logger: slog.New(slog.DiscardHandler), Emit: func(it Item) error {
		if fail && it.Doc.Title == "Second" {
			return boom
		}
		got = append(got, it.Doc.Title)
		return nil
	}}
	if _, err := w.Poll(context.Background(), ts.URL); !errors.Is(err, boom) {
		t.Fatalf("Poll = %v, want the Emit error", err)
	}
	fail = false
	if _, err := w.Poll(context.Background(), ts.URL); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[First Second]" {
		t.Errorf("emitted %q, want First once and Second after the failure", got)
	}
}

func TestWatcherRun(t *testing.T) {
	srv := &feedServer{}
	srv.add("Morning report")
	ts := httptest.NewServer(srv)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var got []string
	w := &Watcher{
		Feeds:    []string{ts.URL},
		Interval: 10 * time.Millisecond,
		Logger:   slog.New(slog.DiscardHandler),
		Emit: func(it Item) error {
			got = append(got, it.Doc.Title)
			if len(got) == 1 {
				srv.add("Evening report") // appears on a later poll
			} else {
				cancel()
			}
			return nil
		},
	}
	err := w.Run(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if fmt.Sprint(got) != "[Morning report Evening report]" {
		t.Errorf("emitted %q", got)
	}
}
