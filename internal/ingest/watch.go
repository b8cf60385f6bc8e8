package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Watcher polls RSS/Atom feeds and emits the items it has not seen before.
//
// Each poll is a conditional GET (If-None-Match with the last ETag,
// If-Modified-Since with the last Last-Modified); a 304 costs nothing. Item
// identity is the GUID, else the link, else the title. Seen items are
// remembered in memory and, when StatePath is set, in a JSON state file
// (with the validators) so that a restart does not emit everything again;
// the store's idempotence remains the final guard. A failed poll (network,
// HTTP status, broken feed) is retried after Interval·2^failures, capped at
// MaxBackoff. Every poll logs one line: feed, status, items, new, next.
//
// The exported fields are read when polling starts; change them only while
// no Run or Poll is in progress. A Watcher is not safe for concurrent use.
type Watcher struct {
	Feeds []string
	// Interval between polls of one feed (15 min when 0).
	Interval time.Duration
	// MaxBackoff caps the delay after errors (the larger of 6 h and
	// Interval when 0).
	MaxBackoff time.Duration
	// StatePath, when set, is a JSON file keeping validators and seen
	// items across restarts; it is written after every poll.
	StatePath string
	// MaxSeen bounds the remembered items per feed, oldest dropped first
	// (5000 when 0).
	MaxSeen int
	// Options apply to fetching and to the documents (Lang, Source).
	Options Options
	// Logger receives one line per poll (slog.Default() when nil).
	Logger *slog.Logger
	// Emit receives each new item (Err set for an entry without text). An
	// error stops the poll without marking the item seen and is returned.
	Emit func(Item) error

	now    func() time.Time
	state  map[string]*feedState
	loaded bool
}

type feedState struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Seen         []string  `json:"seen,omitempty"` // oldest first
	Failures     int       `json:"failures,omitempty"`
	Next         time.Time `json:"next,omitzero"`
	seen         map[string]bool
}

type watchState struct {
	Version int                   `json:"version"`
	Feeds   map[string]*feedState `json:"feeds"`
}

// PollResult describes one poll of one feed.
type PollResult struct {
	Feed   string
	Status int // HTTP status; 0 when no response came
	Items  int // entries in the feed
	New    int // entries emitted
	Err    error
	Next   time.Time // when the feed is due again
}

func (w *Watcher) clock() time.Time {
	if w.now != nil {
		return w.now()
	}
	return time.Now()
}

func (w *Watcher) interval() time.Duration {
	if w.Interval > 0 {
		return w.Interval
	}
	return 15 * time.Minute
}

func (w *Watcher) backoff(failures int) time.Duration {
	maxB := w.MaxBackoff
	if maxB <= 0 {
		maxB = max(6*time.Hour, w.interval())
	}
	d := w.interval()
	for range min(failures, 40) {
		d *= 2
		if d >= maxB {
			return maxB
		}
	}
	return d
}

func (w *Watcher) logger() *slog.Logger {
	if w.Logger != nil {
		return w.Logger
	}
	return slog.Default()
}

// load reads the state file once; a missing file is an empty state.
func (w *Watcher) load() error {
	if w.loaded {
		return nil
	}
	w.state = map[string]*feedState{}
	w.loaded = true
	if w.StatePath == "" {
		return nil
	}
	b, err := os.ReadFile(w.StatePath)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("watch state: %w", err)
	}
	var st watchState
	if err := json.Unmarshal(b, &st); err != nil {
		return fmt.Errorf("watch state %s: %w (delete it to start afresh)", w.StatePath, err)
	}
	for url, fs := range st.Feeds {
		if fs == nil {
			continue
		}
		fs.seen = make(map[string]bool, len(fs.Seen))
		for _, k := range fs.Seen {
			fs.seen[k] = true
		}
		w.state[url] = fs
	}
	return nil
}

// save writes the state file atomically (temporary file, then rename).
func (w *Watcher) save() error {
	if w.StatePath == "" {
		return nil
	}
	b, err := json.MarshalIndent(watchState{Version: 1, Feeds: w.state}, "", "  ")
	if err != nil {
		return fmt.Errorf("watch state: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(w.StatePath), ".watch-*.tmp")
	if err != nil {
		return fmt.Errorf("watch state: %w", err)
	}
	_, err = tmp.Write(b)
	if e := tmp.Close(); err == nil {
		err = e
	}
	if err == nil {
		err = os.Rename(tmp.Name(), w.StatePath)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("watch state %s: %w", w.StatePath, err)
	}
	return nil
}

func (w *Watcher) feed(url string) *feedState {
	fs := w.state[url]
	if fs == nil {
		fs = &feedState{seen: map[string]bool{}}
		w.state[url] = fs
	}
	return fs
}

func (fs *feedState) remember(key string, maxSeen int) {
	if fs.seen[key] {
		return
	}
	fs.seen[key] = true
	fs.Seen = append(fs.Seen, key)
	if over := len(fs.Seen) - maxSeen; over > 0 {
		for _, k := range fs.Seen[:over] {
			delete(fs.seen, k)
		}
		fs.Seen = append(fs.Seen[:0], fs.Seen[over:]...)
	}
}

// Poll fetches one feed now, emits its new items and schedules the next
// poll. Feed problems go in PollResult.Err; the returned error is for what
// should stop watching: Emit failing, the state file, or ctx.
func (w *Watcher) Poll(ctx context.Context, url string) (PollResult, error) {
	if w.Emit == nil {
		return PollResult{Feed: url}, errors.New("watch: no Emit function")
	}
	if err := w.load(); err != nil {
		return PollResult{Feed: url}, err
	}
	opt := w.Options.withDefaults()
	maxSeen := w.MaxSeen
	if maxSeen <= 0 {
		maxSeen = 5000
	}
	fs := w.feed(url)
	res := PollResult{Feed: url}
	hdr := http.Header{}
	if fs.ETag != "" {
		hdr.Set("If-None-Match", fs.ETag)
	}
	if fs.LastModified != "" {
		hdr.Set("If-Modified-Since", fs.LastModified)
	}
	resp, body, err := fetch(ctx, opt, url, hdr)
	if resp != nil {
		res.Status = resp.StatusCode
	}
	if err != nil && ctx.Err() != nil {
		return res, ctx.Err()
	}
	var fatal error
	switch {
	case err != nil:
		res.Err = err
	case res.Status == http.StatusNotModified:
	default:
		f, err := parseFeed(body)
		if err != nil {
			res.Err = err
			break
		}
		res.Items = len(f.Items)
		// Feeds list the newest first: emit the oldest first.
		for i := len(f.Items) - 1; i >= 0; i-- {
			fi := f.Items[i]
			doc, derr := feedDoc(f, fi, url, i+1)
			key := itemKey(fi)
			if key == "" {
				key, _ = Fingerprint(doc.Text)
			}
			if fs.seen[key] {
				continue
			}
			origin := url + "#" + strconv.Itoa(i+1)
			it := Item{Doc: doc, Origin: origin, Err: derr}
			if derr == nil {
				it = newItem(doc, origin, EncUTF8, opt)
			}
			if err := w.Emit(it); err != nil {
				fatal = fmt.Errorf("feed %s: %w", url, err)
				break
			}
			fs.remember(key, maxSeen)
			res.New++
		}
		if fatal == nil {
			// Only once every item is handed on may a 304 skip them.
			fs.ETag = resp.Header.Get("ETag")
			fs.LastModified = resp.Header.Get("Last-Modified")
		}
	}
	now := w.clock()
	if res.Err != nil {
		fs.Failures++
		res.Next = now.Add(w.backoff(fs.Failures))
	} else {
		fs.Failures = 0
		res.Next = now.Add(w.interval())
	}
	fs.Next = res.Next
	attrs := []any{"feed", url, "status", res.Status, "items", res.Items, "new", res.New, "next", res.Next.Format(time.RFC3339)}
	if res.Err != nil {
		w.logger().Warn("feed poll failed", append(attrs, "failures", fs.Failures, "err", res.Err)...)
	} else {
		w.logger().Info("feed poll", attrs...)
	}
	if err := w.save(); err != nil && fatal == nil {
		fatal = err
	}
	return res, fatal
}

// Run polls every feed when it is due until ctx is done (returning
// ctx.Err()) or a poll returns an error.
func (w *Watcher) Run(ctx context.Context) error {
	if len(w.Feeds) == 0 {
		return fmt.Errorf("watch: no feeds given")
	}
	if err := w.load(); err != nil {
		return err
	}
	for {
		now := w.clock()
		var next time.Time
		for _, url := range w.Feeds {
			fs := w.feed(url)
			if !fs.Next.After(now) {
				if _, err := w.Poll(ctx, url); err != nil {
					return err
				}
			}
			if next.IsZero() || fs.Next.Before(next) {
				next = fs.Next
			}
		}
		t := time.NewTimer(max(next.Sub(w.clock()), 0))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}
