package ingest

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"سلام", "\xEF\xBB\xBFhi", "\xE3\xD1\xCD\xC8\xC7", "\xFF\xFEa\x00", "\xFE\xFF\x06\x45", "a\x00b", "caf\xE9", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, enc, err := Decode(b)
		if err != nil {
			if Reason(err) == "other" {
				t.Errorf("error without a reason: %v", err)
			}
			return
		}
		if !utf8.ValidString(s) || strings.TrimSpace(s) == "" || enc == "" {
			t.Errorf("Decode(%q) = %q, %q: want non-empty UTF-8 and an encoding", b, s, enc)
		}
	})
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		"<html><head><title>t</title></head><body><p>text here</p></body></html>",
		"<html><head><meta property=\"article:published_time\" content=\"2024-01-01\"></head><body><article><p>قال",
		"<p>fragment", "<", "<time datetime=\"yesterday\">x</time>", "<script>var a='<p>';</script>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // Walk only extracts decoded text
		}
		doc, err := extractHTML(s, "https://example.com/a")
		if err != nil {
			if Reason(err) != "no text" {
				t.Errorf("unexpected error kind: %v", err)
			}
			return
		}
		if strings.TrimSpace(doc.Text) == "" || !utf8.ValidString(doc.Text) {
			t.Errorf("extractHTML(%q) text %q", s, doc.Text)
		}
		fragmentText(s)
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte("{\"text\":\"a\"}\n\n{\"id\":1,\"text\":\"b\",\"published\":\"2024-01-01\"}\n{bad\n"))
	f.Add([]byte("{\"docno\":\"x\",\"time\":\"Sun, 18 Feb 2018 20:50:44 GMT\",\"text\":\"ج\"}"))
	f.Add([]byte("{\"text\":\"\xE3\xD1\"}\r\n{\"text\":null}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		last := 0
		err := readJSONL(bytes.NewReader(b), 64, func(line int, rec []byte, err error) error {
			if line <= last {
				t.Errorf("line %d after %d", line, last)
			}
			last = line
			if err != nil {
				return nil
			}
			doc, _, err := parseJSONLine(rec)
			if err == nil && strings.TrimSpace(doc.Text) == "" {
				t.Errorf("line %d: document without text", line)
			}
			if err != nil && Reason(err) == "other" {
				t.Errorf("line %d: error without a reason: %v", line, err)
			}
			return nil
		})
		if err != nil {
			t.Errorf("readJSONL: %v", err)
		}
		if n := bytes.Count(b, []byte("\n")) + 1; last > n {
			t.Errorf("line %d of %d", last, n)
		}
	})
}

func FuzzFeed(f *testing.F) {
	f.Add([]byte(`<rss><channel><title>x</title><item><title>a</title><description>&lt;p&gt;b</description></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><content type="html">x</content></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_text":"t"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		fd, err := parseFeed(b)
		if err != nil {
			return
		}
		for i, fi := range fd.Items {
			doc, err := feedDoc(fd, fi, "feed", i+1)
			if err == nil && (doc.Text == "" || doc.ID == "") {
				t.Errorf("item %d: %+v", i, doc)
			}
		}
	})
}
