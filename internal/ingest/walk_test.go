package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func collect(t *testing.T, inputs []string, opt Options) map[string]Item {
	t.Helper()
	got := map[string]Item{}
	var order []string
	err := Walk(context.Background(), inputs, opt, func(it Item) error {
		if _, dup := got[it.Origin]; dup {
			t.Errorf("origin %s reported twice", it.Origin)
		}
		got[it.Origin] = it
		order = append(order, it.Origin)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return got
}

func TestWalkDirectory(t *testing.T) {
	dir := filepath.Join("testdata", "walk")
	got := collect(t, []string{dir}, Options{})
	date := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	tests := []struct {
		origin    string // below testdata/walk
		id        string
		reason    string // "" when read
		enc       string
		contains  string // in Doc.Text
		title     string
		source    string
		url       string
		lang      string
		published time.Time
	}{
		{origin: "ar.txt", id: "walk/ar.txt", enc: "utf-8", contains: "ثلاثة مدنيين قتلوا"},
		{origin: "bom.txt", id: "walk/bom.txt", enc: "utf-8", contains: "Police said"},
		{origin: "cp1256.txt", id: "walk/cp1256.txt", enc: "windows-1256", contains: "أسقط طائرة مسيرة فوق المدينة،"},
		{origin: "iso88596.txt", id: "walk/iso88596.txt", enc: "iso-8859-6", contains: "اشتعلت في مخزن الوقود"},
		{origin: "utf16.txt", id: "walk/utf16.txt", enc: "utf-16le", contains: "نزح مئات السكان"},
		{origin: "latin1.txt", id: "walk/latin1.txt", reason: "unknown encoding"},
		{origin: "empty.txt", id: "walk/empty.txt", reason: "empty"},
		{origin: "image.bin", id: "walk/image.bin", reason: "binary"},
		{origin: "article.html", id: "walk/article.html", enc: "utf-8", contains: "مقتل أربعة أشخاص",
			title: "انفجار في سوق المدينة", source: "صحيفة المثال", url: "https://example.com/news/market-blast",
			lang: "ar", published: date("2024-03-05T09:30:00+03:00")},
		{origin: "truncated.html", id: "walk/truncated.html", enc: "utf-8", contains: "Two drivers were wounded",
			title: "Convoy attacked", published: date("2023-11-20T00:00:00Z")},
		{origin: "headonly.htm", id: "walk/headonly.htm", reason: "no text"},
		{origin: "feed.rss#1", id: "urn:example:1", enc: "utf-8", contains: "about 300 families",
			title: "Flooding displaces families", source: "Example Wire", url: "https://wire.example.org/a/1",
			lang: "en", published: date("2024-03-05T10:00:00Z")},
		{origin: "feed.rss#2", id: "https://wire.example.org/a/2", enc: "utf-8", contains: "Negotiators met again",
			title: "Ceasefire talks resume", source: "Example Wire", url: "https://wire.example.org/a/2",
			lang: "en", published: date("2024-03-06T08:15:00Z")},
		{origin: "feed.rss#3", id: "https://wire.example.org/a/3", reason: "no text"},
		{origin: "sub/atom.atom#1", id: "urn:example:ar:7", enc: "utf-8", contains: "اعتقلت الشرطة ثلاثة أشخاص",
			title: "اعتقال ثلاثة أشخاص", source: "وكالة المثال", url: "https://agency.example.net/7",
			lang: "ar", published: date("2024-03-07T11:00:00Z")},
		{origin: "broken.rss", id: "walk/broken.rss", reason: "broken feed"},
		{origin: "docs.jsonl#1", id: "a1", enc: "utf-8", contains: "Troops entered", title: "Village", source: "N",
			url: "https://n.example/a1", lang: "en", published: date("2024-01-02T00:00:00Z")},
		{origin: "docs.jsonl#3", id: "walk/docs.jsonl#3", enc: "utf-8", contains: "غارة على مستودع"},
		{origin: "docs.jsonl#4", id: "walk/docs.jsonl#4", reason: "bad JSON"},
		{origin: "docs.jsonl#5", id: "walk/docs.jsonl#5", reason: "bad JSON"},
		{origin: "docs.jsonl#6", id: "ANT-like-5", enc: "utf-8", contains: "Protesters gathered", title: "T", source: "S",
			url: "https://s.example/5", published: date("2018-02-18T20:50:44Z")},
		{origin: "docs.jsonl#7", id: "walk/docs.jsonl#7", reason: "bad JSON"},
		{origin: "docs.jsonl#8", id: "8", enc: "utf-8", contains: "good date", published: date("2024-02-29T10:00:00Z")},
		{origin: "sub/notes", id: "walk/sub/notes", enc: "utf-8", contains: "Aid trucks"},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		origin := filepath.Join(dir, tc.origin)
		seen[origin] = true
		it, ok := got[origin]
		if !ok {
			t.Errorf("%s: no item", tc.origin)
			continue
		}
		if it.Doc.ID != tc.id {
			t.Errorf("%s: id %q, want %q", tc.origin, it.Doc.ID, tc.id)
		}
		if tc.reason != "" {
			if it.Err == nil || Reason(it.Err) != tc.reason {
				t.Errorf("%s: err %v (%s), want reason %q", tc.origin, it.Err, Reason(it.Err), tc.reason)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("%s: unexpected error %v", tc.origin, it.Err)
			continue
		}
		d := it.Doc
		if it.Encoding != tc.enc {
			t.Errorf("%s: encoding %q, want %q", tc.origin, it.Encoding, tc.enc)
		}
		if !strings.Contains(d.Text, tc.contains) {
			t.Errorf("%s: text %q lacks %q", tc.origin, d.Text, tc.contains)
		}
		if strings.Contains(d.Text, "<p>") {
			t.Errorf("%s: text keeps markup: %q", tc.origin, d.Text)
		}
		if !utf8.ValidString(d.Text) {
			t.Errorf("%s: text is not UTF-8", tc.origin)
		}
		if d.Title != tc.title || d.Source != tc.source || d.URL != tc.url || d.Lang != tc.lang {
			t.Errorf("%s: title/source/url/lang = %q/%q/%q/%q, want %q/%q/%q/%q", tc.origin,
				d.Title, d.Source, d.URL, d.Lang, tc.title, tc.source, tc.url, tc.lang)
		}
		if !d.Published.Equal(tc.published) {
			t.Errorf("%s: published %v, want %v", tc.origin, d.Published, tc.published)
		}
		if len(it.Hash) != 64 || it.SimHash == 0 {
			t.Errorf("%s: hash %q simhash %x not set", tc.origin, it.Hash, it.SimHash)
		}
	}
	for o, it := range got {
		if !seen[o] {
			t.Errorf("unexpected item %s (err %v)", o, it.Err)
		}
	}
}

func TestWalkHTMLDropsBoilerplate(t *testing.T) {
	got := collect(t, []string{filepath.Join("testdata", "walk", "article.html")}, Options{})
	it := got[filepath.Join("testdata", "walk", "article.html")]
	if it.Doc.ID != "article.html" {
		t.Errorf("file argument id %q, want base name", it.Doc.ID)
	}
	for _, junk := range []string{"الرئيسية", "جميع الحقوق محفوظة"} {
		if strings.Contains(it.Doc.Text, junk) {
			t.Errorf("main text keeps boilerplate %q:\n%s", junk, it.Doc.Text)
		}
	}
}

func TestWalkLimitsAndErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "big.txt"), strings.Repeat("word ", 100))
	writeFile(t, filepath.Join(dir, "lines.jsonl"), `{"text":"short"}`+"\n"+`{"text":"`+strings.Repeat("x", 200)+`"}`+"\n"+`{"text":"after"}`)
	got := collect(t, []string{filepath.Join(dir, "big.txt"), filepath.Join(dir, "lines.jsonl"), filepath.Join(dir, "missing.txt")}, Options{MaxBytes: 100})
	want := map[string]string{
		"big.txt":       "too large",
		"lines.jsonl#1": "",
		"lines.jsonl#2": "too large",
		"lines.jsonl#3": "",
		"missing.txt":   "cannot read",
	}
	for o, reason := range want {
		it, ok := got[filepath.Join(dir, o)]
		switch {
		case !ok:
			t.Errorf("%s: no item", o)
		case reason == "" && it.Err != nil:
			t.Errorf("%s: %v", o, it.Err)
		case reason != "" && Reason(it.Err) != reason:
			t.Errorf("%s: err %v, want %s", o, it.Err, reason)
		}
	}
}

func TestWalkStopsOnCallbackError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{filepath.Join("testdata", "walk")}, Options{}, func(Item) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("Walk = %v after %d items, want stop after 3", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Walk(ctx, []string{filepath.Join("testdata", "walk")}, Options{}, func(Item) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Walk with cancelled context = %v", err)
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name   string
		in     []byte
		enc    string
		want   string
		reason string
	}{
		{"utf8", []byte("سلام"), "utf-8", "سلام", ""},
		{"bom", []byte("\xEF\xBB\xBFhi"), "utf-8", "hi", ""},
		{"cp1256", []byte{0xE3, 0xD1, 0xCD, 0xC8, 0xC7}, "windows-1256", "مرحبا", ""},
		{"utf16be", []byte{0xFE, 0xFF, 0x06, 0x45, 0x00, 0x20}, "utf-16be", "م ", ""},
		{"nul", []byte("ab\x00cd"), "", "", "binary"},
		{"controls", []byte("\x01\x02\x03\x04abc"), "", "", "binary"},
		{"blank", []byte(" \n\t"), "", "", "empty"},
		{"bom only", []byte("\xEF\xBB\xBF"), "", "", "empty"},
		{"latin1", []byte("caf\xE9 cr\xE8me"), "", "", "unknown encoding"},
		{"utf16 empty", []byte{0xFF, 0xFE}, "", "", "empty"},
	}
	for _, tc := range tests {
		s, enc, err := Decode(tc.in)
		if tc.reason != "" {
			if Reason(err) != tc.reason {
				t.Errorf("%s: err %v, want %s", tc.name, err, tc.reason)
			}
			continue
		}
		if err != nil || s != tc.want || enc != tc.enc {
			t.Errorf("%s: Decode = %q, %q, %v; want %q, %q", tc.name, s, enc, err, tc.want, tc.enc)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{"plain words", FormatText},
		{"  {\"text\":\"x\"}\n", FormatJSONL},
		{"<?xml version=\"1.0\"?><rss>", FormatFeed},
		{"<feed xmlns=\"http://www.w3.org/2005/Atom\">", FormatFeed},
		{"<!DOCTYPE html><html>", FormatHTML},
		{"<p>fragment</p>", FormatHTML},
	}
	for _, tc := range tests {
		if got := sniff([]byte(tc.in)); got != tc.want {
			t.Errorf("sniff(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
