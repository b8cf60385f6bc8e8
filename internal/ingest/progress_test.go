package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestProgressPlain(t *testing.T) {
	var out bytes.Buffer
	p := NewProgress(&out)
	if p.tty {
		t.Fatal("a buffer is not a terminal")
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	now := start
	p.now = func() time.Time { return now }
	p.start, p.last = start, start
	p.Every = 10 * time.Second

	steps := []struct {
		at   time.Duration
		do   func()
		want string // line written at this step ("" none)
	}{
		{1 * time.Second, func() { p.Item(Item{Origin: "a.txt"}) }, ""},
		{2 * time.Second, func() { p.Item(Item{Origin: "b.bin", Err: fmt.Errorf("%w: NUL byte at offset 3", ErrBinary)}) }, ""},
		{5 * time.Second, func() { p.Events(4) }, ""},
		{10 * time.Second, func() { p.Item(Item{Origin: "c.txt"}) }, "read 2 · skipped 1 (binary 1) · events 4 · 0.2 docs/s · 10s\n"},
		{12 * time.Second, func() { p.Item(Item{Origin: "d.txt", Err: ErrEmpty}) }, ""},
		{20 * time.Second, func() { p.Item(Item{Origin: "e.jsonl#3", Err: fmt.Errorf("line 3: %w: unexpected end", ErrJSON)}) },
			"read 2 · skipped 3 (bad JSON 1, binary 1, empty 1) · events 4 · 0.1 docs/s · 20s\n"},
		{25 * time.Second, p.Done, "read 2 · skipped 3 (bad JSON 1, binary 1, empty 1) · events 4 · 0.1 docs/s · 25s\n"},
	}
	for _, st := range steps {
		now = start.Add(st.at)
		out.Reset()
		st.do()
		if out.String() != st.want {
			t.Errorf("at %v: wrote %q, want %q", st.at, out.String(), st.want)
		}
	}
	if r, s, e := p.Counts(); r != 2 || s != 3 || e != 4 {
		t.Errorf("Counts = %d, %d, %d", r, s, e)
	}
	sum := p.Summary()
	for _, want := range []string{
		"skipped:\n",
		"  b.bin: binary: binary data, not text: NUL byte at offset 3\n",
		"  d.txt: empty: empty input\n",
		"  e.jsonl#3: bad JSON: line 3: bad JSON line: unexpected end\n",
	} {
		if !strings.Contains(sum, want) {
			t.Errorf("Summary lacks %q:\n%s", want, sum)
		}
	}
}

func TestProgressSummaryBounded(t *testing.T) {
	p := NewProgress(&bytes.Buffer{})
	for i := range maxListed + 5 {
		p.Item(Item{Origin: fmt.Sprint(i), Err: ErrEmpty})
	}
	if s := p.Summary(); !strings.Contains(s, "… and 5 more") || strings.Count(s, ": empty:") != maxListed {
		t.Errorf("Summary of %d skips:\n%s", maxListed+5, s)
	}
}
