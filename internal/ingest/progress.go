package ingest

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// Progress counts documents read, skipped (by reason) and events coded,
// and reports them on w: on a terminal as one line redrawn in place
// (at most five times a second), otherwise as a plain line every Every.
// It is safe for concurrent use.
type Progress struct {
	// Every is the interval between plain lines (10 s when 0).
	Every time.Duration

	mu      sync.Mutex
	w       io.Writer
	tty     bool
	now     func() time.Time
	start   time.Time
	last    time.Time // last line written
	read    int
	events  int
	reasons map[string]int
	skips   []skipped
}

type skipped struct {
	origin string
	err    error
}

// maxListed bounds the skipped inputs Summary lists one by one.
const maxListed = 100

// NewProgress returns a Progress writing to w, redrawing one line when w is
// a terminal.
func NewProgress(w io.Writer) *Progress {
	p := &Progress{w: w, now: time.Now, reasons: map[string]int{}}
	if f, ok := w.(interface{ Fd() uintptr }); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	p.start = p.now()
	p.last = p.start
	return p
}

// Item counts one item from Walk or a Watcher: read, or skipped with its
// reason.
func (p *Progress) Item(it Item) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if it.Err != nil {
		p.reasons[Reason(it.Err)]++
		p.skips = append(p.skips, skipped{it.Origin, it.Err})
	} else {
		p.read++
	}
	p.tick(false)
}

// Events counts n events coded.
func (p *Progress) Events(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.events += n
	p.tick(false)
}

// Done writes the final line.
func (p *Progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick(true)
	if p.tty {
		fmt.Fprintln(p.w)
	}
}

// Counts returns the documents read, inputs skipped and events coded.
func (p *Progress) Counts() (read, skipped, events int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.read, len(p.skips), p.events
}

func (p *Progress) tick(force bool) {
	now := p.now()
	every := p.Every
	if every <= 0 {
		every = 10 * time.Second
	}
	if p.tty {
		every = 200 * time.Millisecond
	}
	if !force && now.Sub(p.last) < every {
		return
	}
	p.last = now
	if p.tty {
		fmt.Fprint(p.w, "\r\x1b[K"+p.line(now))
		return
	}
	fmt.Fprintln(p.w, p.line(now))
}

// line renders the counts: "read 120 · skipped 3 (binary 1, empty 2) ·
// events 41 · 12.0 docs/s · 10s".
func (p *Progress) line(now time.Time) string {
	el := now.Sub(p.start)
	rate := 0.0
	if el > 0 {
		rate = float64(p.read) / el.Seconds()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "read %d · skipped %d", p.read, len(p.skips))
	if len(p.reasons) > 0 {
		b.WriteString(" (" + p.reasonList() + ")")
	}
	fmt.Fprintf(&b, " · events %d · %.1f docs/s · %s", p.events, rate, el.Round(time.Second))
	return b.String()
}

func (p *Progress) reasonList() string {
	keys := make([]string, 0, len(p.reasons))
	for k := range p.reasons {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, p.reasons[k])
	}
	return strings.Join(parts, ", ")
}

// Summary lists the totals and every skipped input with its reason (the
// first 100, then a count).
func (p *Progress) Summary() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", p.line(p.now()))
	if len(p.skips) == 0 {
		return b.String()
	}
	fmt.Fprintf(&b, "skipped:\n")
	for i, s := range p.skips {
		if i == maxListed {
			fmt.Fprintf(&b, "  … and %d more\n", len(p.skips)-maxListed)
			break
		}
		fmt.Fprintf(&b, "  %s: %s: %v\n", s.origin, Reason(s.err), s.err)
	}
	return b.String()
}
