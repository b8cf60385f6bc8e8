// Package store defines marsad's durable record: the Store interface that
// both backends (store/sqlite, store/postgres) implement, and the record
// types it reads and writes — documents, merged events, claims,
// reconciliations and standing figures. store/open chooses a backend from a
// URL; store/storetest is the test suite every backend must pass.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/text"
)

// ErrNotFound is returned (wrapped) when a document or event does not exist.
var ErrNotFound = errors.New("not found")

// Store is the record. Every method is safe for concurrent use.
type Store interface {
	// PutDocument stores a document and its coded result in one
	// transaction and merges its mentions into the record. It is idempotent
	// by document id and content hash: the same document twice changes
	// nothing; a document with a known id and a new hash replaces the
	// earlier version, its mentions, claims and figures, and re-merges the
	// events they touched.
	PutDocument(ctx context.Context, doc Document, res event.Result) (PutResult, error)
	// HasDocument reports whether a document with this id and content hash
	// is stored (hash "" matches any version).
	HasDocument(ctx context.Context, id, hash string) (bool, error)
	// GetDocument returns a document with its text and coded result.
	GetDocument(ctx context.Context, id string) (Document, event.Result, error)
	// SearchDocuments runs a full-text search over titles and texts.
	SearchDocuments(ctx context.Context, query string, limit int) ([]DocumentHit, error)
	// GetEvent returns a merged event with its claims, reconciliation,
	// mentions and documents.
	GetEvent(ctx context.Context, id string) (Event, error)
	// ListEvents returns one page of merged events (without mentions and
	// documents) matching f.
	ListEvents(ctx context.Context, f Filter) (Page, error)
	// CountEvents counts the events matching f per bucket (see Bucket*).
	CountEvents(ctx context.Context, f Filter, bucket string) ([]Count, error)
	// Figures returns standing figures per site over time.
	Figures(ctx context.Context, f FigureFilter) ([]FigureRow, error)
	// Stats summarises the record.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// Document is a report's metadata (and its text where a method says so).
type Document struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"` // outlet or source name
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Lang      string    `json:"lang,omitempty"`
	// Hash is the content hash given by the ingest layer; PutDocument
	// computes SHA-256 of Title and Text when it is empty.
	Hash string `json:"hash"`
	// SimHash is a 64-bit SimHash over word shingles (0: not computed).
	SimHash uint64 `json:"simhash,omitempty"`
	// DupGroup is assigned by the store: the id of the group of
	// near-duplicates (SimHash within NearDupBits) the document belongs to.
	DupGroup string `json:"dup_group,omitempty"`
	Text     string `json:"text,omitempty"`
}

// DocumentOf is the stored form of a document read by package ingest: its
// metadata and text, the content hash and SimHash computed when it was read,
// and the language the coder found.
func DocumentOf(d text.Document, hash string, simHash uint64, lang string) Document {
	return Document{ID: d.ID, URL: d.URL, Outlet: d.Source, Title: d.Title, Published: d.Published,
		Lang: lang, Hash: hash, SimHash: simHash, Text: d.Text}
}

// NearDupBits is the largest Hamming distance between two SimHashes that
// makes two documents near-duplicates. Backends find candidates through
// four 16-bit bands: two hashes within 3 bits share at least one band.
const NearDupBits = 3

// PutStatus says what PutDocument did.
type PutStatus string

// PutDocument outcomes.
const (
	Inserted  PutStatus = "inserted"
	Unchanged PutStatus = "unchanged"
	Replaced  PutStatus = "replaced"
)

// PutResult reports a PutDocument call.
type PutResult struct {
	Status PutStatus `json:"status"`
	// Written lists the ids of the events created or updated, Removed those
	// that no longer exist (merged into others or left without mentions).
	Written []string `json:"written,omitempty"`
	Removed []string `json:"removed,omitempty"`
}

// Event is a merged event: what several mentions, in one or many
// documents, say together.
type Event struct {
	ID            string          `json:"id"`
	Type          string          `json:"type"`
	Plover        *string         `json:"plover"`
	PloverMode    *string         `json:"plover_mode"`
	ACLED         *event.ACLED    `json:"acled"`
	Date          *string         `json:"date"`
	DatePrecision string          `json:"date_precision,omitempty"`
	Location      *event.Location `json:"location"`
	Actors        []event.Actor   `json:"actors"`
	// Modality is the strongest modality among the mentions (asserted
	// before claimed before denied ...); Modalities lists all of them.
	Modality   string   `json:"modality"`
	Modalities []string `json:"modalities"`
	Denied     bool     `json:"denied"`   // some mention denies the event or a figure
	Conflict   bool     `json:"conflict"` // some figure kind has conflicting claims
	NMentions  int      `json:"n_mentions"`
	NDocuments int      `json:"n_documents"`
	Outlets    []string `json:"outlets"`  // every outlet that reports it, sorted
	Speakers   []string `json:"speakers"` // every speaker of a claim, sorted
	// Reconciliation has one entry per count kind, sorted by kind.
	Reconciliation []Reconciliation `json:"reconciliation"`
	// Claims, Mentions and Documents are filled by GetEvent.
	Claims    []Claim    `json:"claims,omitempty"`
	Mentions  []Mention  `json:"mentions,omitempty"`
	Documents []Document `json:"documents,omitempty"`
}

// Mention is an event as coded in one document.
type Mention struct {
	ID         string      `json:"id"` // "<document id>#<index in Result.Events>"
	DocumentID string      `json:"document_id"`
	Index      int         `json:"index"`
	EventID    string      `json:"event_id"`
	Event      event.Event `json:"event"`
}

// Claim is one figure from one speaker in one document.
type Claim struct {
	EventID     string   `json:"event_id"`
	MentionID   string   `json:"mention_id"`
	DocumentID  string   `json:"document_id"`
	Outlet      string   `json:"outlet"`
	DupGroup    string   `json:"dup_group,omitempty"`
	Speaker     string   `json:"speaker"` // attribution speaker, or the outlet when none
	SpeakerKind string   `json:"speaker_kind,omitempty"`
	Modality    string   `json:"modality"`
	What        string   `json:"what"`
	Value       float64  `json:"value"`
	Min         *float64 `json:"min,omitempty"`
	Max         *float64 `json:"max,omitempty"`
	Approx      bool     `json:"approx"`
	Text        string   `json:"text"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
}

// Reconciliation summarises the claims of one count kind of one event.
// Statistics are over the claims that are not denials, with near-duplicate
// documents counted once.
type Reconciliation struct {
	What   string  `json:"what"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	Median float64 `json:"median"`
	// MostAttributed is the value backed by the most independent reports
	// (near-duplicate groups); Support is that number.
	MostAttributed float64  `json:"most_attributed"`
	Support        int      `json:"support"`
	NClaims        int      `json:"n_claims"`  // every claim, denials included
	NSources       int      `json:"n_sources"` // distinct speakers
	NReports       int      `json:"n_reports"` // distinct near-duplicate groups
	Conflict       bool     `json:"conflict"`  // exact values differ, or one falls outside another's range
	Denied         bool     `json:"denied"`    // some claim is a denial
	Values         int      `json:"n_values"`  // distinct values
	Approx         bool     `json:"approx"`    // every counted claim is approximate
	Unbacked       bool     `json:"unbacked"`  // only denials: the statistics are over the denials
	Speakers       []string `json:"speakers"`  // sorted
}

// Filter selects merged events. Empty fields do not filter.
type Filter struct {
	Types    []string `json:"types,omitempty"`
	From, To string   // YYYY-MM-DD, inclusive; events whose dates overlap
	BBox     *BBox    `json:"bbox,omitempty"`
	Country  string   `json:"country,omitempty"` // ISO 3166-1 alpha-2
	Admin1   string   `json:"admin1,omitempty"`
	Place    string   `json:"place,omitempty"`    // gazetteer id or place name
	Actor    string   `json:"actor,omitempty"`    // actor code or name
	Modality string   `json:"modality,omitempty"` // some mention has it
	Speaker  string   `json:"speaker,omitempty"`  // some claim's speaker
	Query    string   `json:"query,omitempty"`    // full text over the events' documents
	Sort     string   `json:"sort,omitempty"`     // SortDateDesc (default) or SortDateAsc
	Cursor   string   `json:"cursor,omitempty"`   // Page.Next of the previous page
	Limit    int      `json:"limit,omitempty"`    // default 50, at most 1000
}

// BBox is a bounding box in degrees.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// Sort orders for Filter.Sort. Undated events come last in both.
const (
	SortDateDesc = "-date"
	SortDateAsc  = "date"
)

// Page is one page of ListEvents.
type Page struct {
	Events []Event `json:"events"`
	Next   string  `json:"next,omitempty"` // cursor of the next page; "" on the last
}

// Buckets for CountEvents.
const (
	BucketDay   = "day"   // Count.Key is the event's first day, YYYY-MM-DD
	BucketWeek  = "week"  // Count.Key is the Monday of the event's first day
	BucketPlace = "place" // Count.Key is the gazetteer id (or name)
)

// Count is one row of CountEvents: a bucket and an event type.
type Count struct {
	Key   string   `json:"key"`
	Type  string   `json:"type"`
	Place string   `json:"place,omitempty"` // BucketPlace: the place name
	Lat   *float64 `json:"lat,omitempty"`
	Lon   *float64 `json:"lon,omitempty"`
	N     int      `json:"n"`
}

// FigureFilter selects standing figures.
type FigureFilter struct {
	What     string // kind of figure
	Place    string // gazetteer id or place name
	From, To string // YYYY-MM-DD, inclusive, on the figure's date (or its document's date)
	Limit    int    // default 1000
}

// FigureRow is one standing figure with its source, ordered by place and
// date.
type FigureRow struct {
	DocumentID string       `json:"document_id"`
	Index      int          `json:"index"`
	Outlet     string       `json:"outlet"`
	Speaker    string       `json:"speaker"` // attribution speaker, or the outlet
	Day        string       `json:"day"`     // the figure's date, or its document's date
	Figure     event.Figure `json:"figure"`
}

// DocumentHit is a full-text search result.
type DocumentHit struct {
	Document Document `json:"document"` // metadata only
	Snippet  string   `json:"snippet"`
}

// Stats summarises the record.
type Stats struct {
	Documents int    `json:"documents"`
	DupGroups int    `json:"dup_groups"`
	Outlets   int    `json:"outlets"`
	Mentions  int    `json:"mentions"`
	Events    int    `json:"events"`
	Claims    int    `json:"claims"`
	Figures   int    `json:"figures"`
	FirstDay  string `json:"first_day,omitempty"`
	LastDay   string `json:"last_day,omitempty"`
}
