package ingest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWalkURLs(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "walk", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	feed, err := os.ReadFile(filepath.Join("testdata", "walk", "feed.rss"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/plain.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Shops reopened in the market on Sunday."))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("many words ", 1000)))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()

	got := collect(t, []string{ts.URL + "/story#top", ts.URL + "/feed", ts.URL + "/plain.txt", ts.URL + "/missing", ts.URL + "/big", ts.URL + "/slow"},
		Options{MaxBytes: 4000, Timeout: 300 * time.Millisecond})
	tests := []struct {
		origin, id, reason, contains, url string
	}{
		{origin: "/story#top", id: "/story", contains: "مقتل أربعة أشخاص", url: "https://example.com/news/market-blast"},
		{origin: "/feed#1", id: "urn:example:1", contains: "about 300 families", url: "https://wire.example.org/a/1"},
		{origin: "/feed#3", id: "https://wire.example.org/a/3", reason: "no text"},
		{origin: "/plain.txt", id: "/plain.txt", contains: "Shops reopened", url: "/plain.txt"},
		{origin: "/missing", id: "/missing", reason: "fetch failed"},
		{origin: "/big", id: "/big", reason: "too large"},
		{origin: "/slow", id: "/slow", reason: "fetch failed"},
	}
	abs := func(s string) string {
		if strings.HasPrefix(s, "/") {
			return ts.URL + s
		}
		return s
	}
	for _, tc := range tests {
		it, ok := got[ts.URL+tc.origin]
		if !ok {
			t.Errorf("%s: no item", tc.origin)
			continue
		}
		if it.Doc.ID != abs(tc.id) {
			t.Errorf("%s: id %q, want %q", tc.origin, it.Doc.ID, abs(tc.id))
		}
		if tc.reason != "" {
			if Reason(it.Err) != tc.reason {
				t.Errorf("%s: err %v, want %s", tc.origin, it.Err, tc.reason)
			}
			continue
		}
		if it.Err != nil || !strings.Contains(it.Doc.Text, tc.contains) || it.Doc.URL != abs(tc.url) {
			t.Errorf("%s: err %v url %q text %q", tc.origin, it.Err, it.Doc.URL, it.Doc.Text)
		}
	}
}
