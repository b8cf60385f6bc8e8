package sqlstore

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/merge"
	"github.com/marsad-dev/marsad/internal/store"
)

// Store implements store.Store over a Conn.
type Store struct {
	c Conn
	d *Dialect
}

// New returns a store over an open, migrated connection.
func New(c Conn, d *Dialect) *Store { return &Store{c: c, d: d} }

var _ store.Store = (*Store)(nil)

// Close closes the connection.
func (s *Store) Close() error { return s.c.Close() }

// ContentHash is the hash PutDocument uses when the caller gives none.
func ContentHash(doc store.Document) string {
	h := sha256.New()
	h.Write([]byte(doc.Title))
	h.Write([]byte{0})
	h.Write([]byte(doc.Text))
	return hex.EncodeToString(h.Sum(nil))
}

func bands(h uint64) [4]int64 {
	return [4]int64{int64(h & 0xffff), int64(h >> 16 & 0xffff), int64(h >> 32 & 0xffff), int64(h >> 48)}
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func published(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// PutDocument implements store.Store.
func (s *Store) PutDocument(ctx context.Context, doc store.Document, res event.Result) (store.PutResult, error) {
	if doc.ID == "" {
		return store.PutResult{}, errors.New("put document: empty id")
	}
	var out store.PutResult
	err := s.c.InTx(ctx, func(tx Querier, lock func(...string) error) error {
		t := newTally()
		var err error
		if out, err = s.put(ctx, tx, lock, doc, res, t); err != nil {
			return err
		}
		return s.apply(ctx, tx, t)
	})
	if err != nil {
		return store.PutResult{}, fmt.Errorf("put document %s: %w", doc.ID, err)
	}
	return out, nil
}

// Coded is a document with its coded result.
type Coded struct {
	Doc store.Document
	Res event.Result
}

// PutBatch stores documents one after the other in one transaction: the
// record is the one PutDocument would leave, with one commit instead of
// one per document. It is meant for bulk loads by a single writer (the
// benchmarks' synthetic records): its locks are not taken in one global
// order, so concurrent PutBatch calls on PostgreSQL may deadlock.
func (s *Store) PutBatch(ctx context.Context, docs []Coded) error {
	return s.c.InTx(ctx, func(tx Querier, lock func(...string) error) error {
		t := newTally()
		for _, d := range docs {
			if d.Doc.ID == "" {
				return errors.New("put document: empty id")
			}
			if _, err := s.put(ctx, tx, lock, d.Doc, d.Res, t); err != nil {
				return fmt.Errorf("put document %s: %w", d.Doc.ID, err)
			}
		}
		return s.apply(ctx, tx, t)
	})
}

// put is PutDocument inside a transaction, counting its changes to the
// summary tables in t.
func (s *Store) put(ctx context.Context, tx Querier, lock func(...string) error, doc store.Document, res event.Result, t *tally) (store.PutResult, error) {
	if doc.Hash == "" {
		doc.Hash = ContentHash(doc)
	}
	var out store.PutResult
	if err := lock("doc:" + doc.ID); err != nil {
		return out, err
	}
	var oldHash, oldGroup string
	err := queryRow(ctx, tx, s.d.q(`SELECT hash, dup_group FROM documents WHERE id = ?`), []any{doc.ID}, &oldHash, &oldGroup)
	switch {
	case err == nil && oldHash == doc.Hash:
		out.Status = store.Unchanged
		return out, nil
	case err == nil:
		out.Status = store.Replaced
	case errors.Is(err, errNoRows):
		out.Status = store.Inserted
	default:
		return out, fmt.Errorf("look up document: %w", err)
	}
	var removed []merge.Mention
	if out.Status == store.Replaced {
		removed, err = s.scanMentions(ctx, tx, false, `WHERE m.document_id = ?`, doc.ID)
		if err != nil {
			return out, fmt.Errorf("old mentions: %w", err)
		}
		var nfig int64
		if err := queryRow(ctx, tx, s.d.q(`SELECT COUNT(*) FROM figures WHERE document_id = ?`), []any{doc.ID}, &nfig); err != nil {
			return out, fmt.Errorf("old figures: %w", err)
		}
		for _, q := range []string{
			`DELETE FROM mentions WHERE document_id = ?`,
			`DELETE FROM figures WHERE document_id = ?`,
			`DELETE FROM documents WHERE id = ?`,
		} {
			if err := tx.Exec(ctx, s.d.q(q), doc.ID); err != nil {
				return out, fmt.Errorf("remove old version: %w", err)
			}
		}
		t.counts["documents"]--
		t.counts["mentions"] -= int64(len(removed))
		t.counts["figures"] -= nfig
		t.groups[oldGroup]--
	}
	// Two near-duplicates share a band value: locking the bands makes
	// concurrent near-duplicates see each other (PostgreSQL).
	if doc.SimHash != 0 {
		b := bands(doc.SimHash)
		keys := []string{}
		for i, v := range b {
			keys = append(keys, fmt.Sprintf("band%d:%d", i, v))
		}
		slices.Sort(keys)
		if err := lock(keys...); err != nil {
			return out, err
		}
	}
	if doc.DupGroup, err = s.dupGroup(ctx, tx, doc); err != nil {
		return out, err
	}
	if err := s.insertDocument(ctx, tx, doc, res); err != nil {
		return out, err
	}
	t.counts["documents"]++
	t.counts["figures"] += int64(len(res.Figures))
	t.groups[doc.DupGroup]++
	added := merge.Mentions(doc, res)
	fams := map[string]bool{}
	for _, m := range slices.Concat(added, removed) {
		fams["family:"+merge.Family(m.Event.Type)] = true
	}
	keys := make([]string, 0, len(fams))
	for k := range fams {
		keys = append(keys, k)
	}
	slices.Sort(keys) // a fixed order: no deadlock between writers
	if err := lock(keys...); err != nil {
		return out, err
	}
	out.Written, out.Removed, err = s.merge(ctx, tx, doc.ID, added, removed, t)
	return out, err
}

// dupGroup finds the group of the nearest stored near-duplicate.
func (s *Store) dupGroup(ctx context.Context, tx Querier, doc store.Document) (string, error) {
	if doc.SimHash == 0 {
		return doc.ID, nil
	}
	b := bands(doc.SimHash)
	rows, err := tx.Query(ctx, s.d.q(`SELECT simhash, dup_group FROM documents
		WHERE band0 = ? OR band1 = ? OR band2 = ? OR band3 = ?`), b[0], b[1], b[2], b[3])
	if err != nil {
		return "", fmt.Errorf("near duplicates: %w", err)
	}
	defer rows.Close()
	group, best := doc.ID, store.NearDupBits+1
	for rows.Next() {
		var h int64
		var g string
		if err := rows.Scan(&h, &g); err != nil {
			return "", fmt.Errorf("near duplicates: %w", err)
		}
		d := bits.OnesCount64(uint64(h) ^ doc.SimHash)
		if d < best || (d == best && g < group) {
			group, best = g, d
		}
	}
	return group, rows.Err()
}

func (s *Store) insertDocument(ctx context.Context, tx Querier, doc store.Document, res event.Result) error {
	resJSON, err := json.Marshal(res)
	if err != nil {
		return fmt.Errorf("encode result: %w", err)
	}
	b := bands(doc.SimHash)
	var bandArgs [4]any
	for i := range b {
		if doc.SimHash != 0 {
			bandArgs[i] = b[i]
		}
	}
	pubDay := res.Published
	if !doc.Published.IsZero() {
		pubDay = doc.Published.UTC().Format(time.DateOnly)
	}
	if err := tx.Exec(ctx, s.d.q(`INSERT INTO documents
		(id, url, outlet, title, published, pub_day, lang, hash, simhash, band0, band1, band2, band3, dup_group, text, result)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		doc.ID, doc.URL, doc.Outlet, doc.Title, published(doc.Published), pubDay, doc.Lang, doc.Hash,
		int64(doc.SimHash), bandArgs[0], bandArgs[1], bandArgs[2], bandArgs[3], doc.DupGroup, doc.Text, string(resJSON)); err != nil {
		return fmt.Errorf("insert document: %w", err)
	}
	for i, f := range res.Figures {
		data, err := json.Marshal(f)
		if err != nil {
			return fmt.Errorf("encode figure: %w", err)
		}
		day := pubDay
		if f.Date != nil {
			day = *f.Date
		}
		var dayNum any
		if lo, _, ok := merge.DateInterval(day, ""); ok {
			dayNum = int64(lo)
		}
		speaker := doc.Outlet
		if len(f.Attribution) > 0 && f.Attribution[0].Speaker != "" {
			speaker = f.Attribution[0].Speaker
		}
		pk, name, country, admin1, lat, lon := placeCols(f.Location)
		if err := tx.Exec(ctx, s.d.q(`INSERT INTO figures
			(document_id, idx, what, value, place_key, place_name, country, admin1, lat, lon, day, day_text, outlet, speaker, data)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			doc.ID, int64(i), f.What, f.Value, pk, name, country, admin1, lat, lon, dayNum, day, doc.Outlet, speaker, string(data)); err != nil {
			return fmt.Errorf("insert figure %d: %w", i, err)
		}
	}
	return nil
}

// placeCols returns the indexed columns of a location.
func placeCols(l *event.Location) (key, name, country, admin1 any, lat, lon *float64) {
	if l == nil {
		return nil, nil, nil, nil, nil, nil
	}
	k := l.GazetteerID
	if k == "" && l.Name != "" {
		k = "name:" + strings.ToLower(l.Name)
	}
	return nullStr(k), nullStr(l.Name), nullStr(l.Country), nullStr(l.Admin1), l.Lat, l.Lon
}

// finder is merge.Finder over a transaction.
type finder struct {
	s  *Store
	tx Querier
	// doc is the document being put: its mentions are all in the set
	// already, so its siblings need no lookup.
	doc string
	// cache keeps the mentions decoded so far: the probes of one
	// component find the same candidates again and again.
	cache map[string]merge.Mention
}

const mentionCols = `m.id, m.document_id, m.idx, m.event_id, m.component, %s, d.outlet, d.dup_group, d.pub_day`

// scanMentions reads mentions with their full events (full) or with only
// what merging compares (merge.Key, from the mkey column; mentions stored
// before it existed fall back to data).
func (s *Store) scanMentions(ctx context.Context, q Querier, full bool, where string, args ...any) ([]merge.Mention, error) {
	return s.scanMentionsCached(ctx, q, full, nil, where, args...)
}

// scanMentionsCached is scanMentions reusing the mentions already decoded
// into cache (keyed by id; nil: no cache).
func (s *Store) scanMentionsCached(ctx context.Context, q Querier, full bool, cache map[string]merge.Mention, where string, args ...any) ([]merge.Mention, error) {
	col := `COALESCE(m.mkey, m.data)`
	if full {
		col = `m.data`
	}
	rows, err := q.Query(ctx, s.d.q(`SELECT `+fmt.Sprintf(mentionCols, col)+` FROM mentions m JOIN documents d ON d.id = m.document_id `+where), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []merge.Mention
	for rows.Next() {
		var m merge.Mention
		var idx int64
		var outlet, group, pub, comp sql.NullString
		var data []byte
		if err := rows.Scan(&m.ID, &m.DocID, &idx, &m.EventID, &comp, &data, &outlet, &group, &pub); err != nil {
			return nil, err
		}
		m.Component = comp.String
		if c, ok := cache[m.ID]; ok && c.EventID == m.EventID && c.Component == m.Component {
			out = append(out, c)
			continue
		}
		if err := json.Unmarshal(data, &m.Event); err != nil {
			return nil, fmt.Errorf("decode mention %s: %w", m.ID, err)
		}
		m.Index, m.Outlet, m.DupGroup, m.Published = int(idx), outlet.String, group.String, pub.String
		if cache != nil {
			cache[m.ID] = m
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// siteBox is half the side, in degrees of latitude, of the box that
// contains every point within merge.SiteRadiusKm (5 km is 0.045°).
const siteBox = 0.05

// Candidates implements merge.Finder. The SQL predicates select a superset
// of the stored mentions Compatible can accept, using only indexed or
// stored columns: the compatible types of the family; for a mention dated
// to within a week, the date window, and then either a place that can be
// the same (same key or name, or a site within the radius) or, for the
// same type only, a place that is not precise; for a loose mention, the
// same place key; and the mentions of its own document.
func (f finder) Candidates(ctx context.Context, m *merge.Mention) ([]merge.Mention, error) {
	fam := merge.Family(m.Event.Type)
	types := merge.CompatibleTypes(m.Event.Type)
	typeIn := ` AND m.type IN (?` + strings.Repeat(", ?", len(types)-1) + `)`
	var out []merge.Mention
	addQ := func(where string, args ...any) error {
		ms, err := f.s.scanMentionsCached(ctx, f.tx, false, f.cache, where, args...)
		out = append(out, ms...)
		return err
	}
	loc := m.Event.Location
	pk := merge.PlaceKey(loc)
	if !m.Loose() {
		lo, hi, _ := m.Span()
		// Non-loose mentions span at most 8 days.
		where := `WHERE m.family = ? AND m.loose = 0 AND m.day_lo BETWEEN ? AND ? AND m.day_hi >= ?` + typeIn
		args := append([]any{fam, int64(lo - 9), int64(hi + 1), int64(lo - 1)}, anys(types)...)
		if pk == "" {
			// Not a precise place: never the same place, so the types
			// must be equal.
			where += ` AND m.type = ?`
			args = append(args, m.Event.Type)
		} else {
			cond := `m.place_key = ? OR (m.place_key IS NULL AND m.type = ?)`
			args = append(args, pk, m.Event.Type)
			if loc.Name != "" {
				cond += ` OR m.pname = ?`
				args = append(args, strings.ToLower(loc.Name))
			}
			if loc.Lat != nil && loc.Lon != nil {
				lat, lon := *loc.Lat, *loc.Lon
				dlon := 180.0
				if c := math.Cos(lat * math.Pi / 180); c > siteBox/90 {
					dlon = min(180, siteBox/c)
				}
				box := `m.place_key IS NOT NULL AND m.lat BETWEEN ? AND ? AND m.lon BETWEEN ? AND ?`
				if !merge.Site(loc) {
					box += ` AND m.site = 1`
				}
				cond += ` OR (` + box + `)`
				args = append(args, lat-siteBox, lat+siteBox, lon-dlon, lon+dlon)
			}
			where += ` AND (` + cond + `)`
		}
		if err := addQ(where, args...); err != nil {
			return nil, err
		}
	}
	if pk != "" {
		// A loose mention and another mention at the same precise place
		// are compatible only when their types are equal (and their
		// dates, where both have one, overlap).
		where := `WHERE m.family = ? AND m.place_key = ? AND m.type = ? AND m.loose = 1`
		if m.Loose() {
			where = `WHERE m.family = ? AND m.place_key = ? AND m.type = ?`
		}
		args := []any{fam, pk, m.Event.Type}
		if lo, hi, ok := m.Span(); ok {
			where += ` AND (m.day_lo IS NULL OR (m.day_lo <= ? AND m.day_hi >= ?))`
			args = append(args, int64(hi+1), int64(lo-1))
		}
		if err := addQ(where, args...); err != nil {
			return nil, err
		}
	}
	if m.DocID != f.doc {
		if err := addQ(`WHERE m.family = ? AND m.document_id = ?`, fam, m.DocID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (f finder) EventMentions(ctx context.Context, id string) ([]merge.Mention, error) {
	return f.s.scanMentionsCached(ctx, f.tx, false, f.cache, `WHERE m.event_id = ?`, id)
}

func (f finder) ComponentMentions(ctx context.Context, label string) ([]merge.Mention, error) {
	return f.s.scanMentionsCached(ctx, f.tx, false, f.cache, `WHERE m.component = ?`, label)
}

// fullEvents replaces the merge keys of the stored mentions of changed
// clusters with their full events, which Build needs.
func (s *Store) fullEvents(ctx context.Context, tx Querier, clusters []merge.Cluster, isNew map[string]bool) error {
	var ids []string
	for _, c := range clusters {
		for _, m := range c.Mentions {
			if !isNew[m.ID] {
				ids = append(ids, m.ID)
			}
		}
	}
	full := make(map[string]event.Event, len(ids))
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		rows, err := tx.Query(ctx, s.d.q(`SELECT id, data FROM mentions WHERE id IN (?`+strings.Repeat(", ?", len(chunk)-1)+`)`), anys(chunk)...)
		if err != nil {
			return fmt.Errorf("read mentions: %w", err)
		}
		for rows.Next() {
			var id, data string
			if err := rows.Scan(&id, &data); err != nil {
				rows.Close()
				return fmt.Errorf("read mentions: %w", err)
			}
			var e event.Event
			if err := json.Unmarshal([]byte(data), &e); err != nil {
				rows.Close()
				return fmt.Errorf("decode mention %s: %w", id, err)
			}
			full[id] = e
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read mentions: %w", err)
		}
	}
	for _, c := range clusters {
		for j := range c.Mentions {
			m := &c.Mentions[j]
			if isNew[m.ID] {
				continue
			}
			e, ok := full[m.ID]
			if !ok {
				return fmt.Errorf("mention %s vanished", m.ID)
			}
			m.Event = e
		}
	}
	return nil
}

// merge re-groups the component(s) the new and removed mentions touch and
// writes back the events whose membership changed.
func (s *Store) merge(ctx context.Context, tx Querier, docID string, added, removed []merge.Mention, t *tally) (written, gone []string, err error) {
	comp, err := merge.Closure(ctx, finder{s, tx, docID, map[string]merge.Mention{}}, added, removed)
	if err != nil {
		return nil, nil, err
	}
	set, oldIDs := comp.Mentions, comp.Events
	oldMembers := map[string][]string{}
	for _, m := range set {
		if m.EventID != "" {
			oldMembers[m.EventID] = append(oldMembers[m.EventID], m.ID)
		}
	}
	for _, m := range removed { // their events changed
		if m.EventID != "" {
			oldMembers[m.EventID] = append(oldMembers[m.EventID], "removed:"+m.ID)
		}
	}
	prevEvent := map[string]string{}
	for _, m := range set {
		prevEvent[m.ID] = m.EventID
	}
	isNew := map[string]bool{}
	for _, m := range added {
		isNew[m.ID] = true
	}
	clusters := merge.Group(set)
	label, err := labels(comp, clusters)
	if err != nil {
		return nil, nil, err
	}
	keep := map[string]bool{}
	var changed []merge.Cluster
	for _, c := range clusters {
		ids := make([]string, len(c.Mentions))
		for i, m := range c.Mentions {
			ids[i] = m.ID
		}
		old := slices.Clone(oldMembers[c.ID])
		slices.Sort(old)
		slices.Sort(ids)
		if slices.Equal(old, ids) {
			keep[c.ID] = true
			continue
		}
		changed = append(changed, c)
	}
	if err := s.fullEvents(ctx, tx, changed, isNew); err != nil {
		return nil, nil, err
	}
	for _, id := range oldIDs {
		if keep[id] {
			continue
		}
		if err := s.deleteEvent(ctx, tx, id, t); err != nil {
			return nil, nil, err
		}
	}
	newIDs := map[string]bool{}
	moved := map[string]bool{}
	for _, c := range changed {
		newIDs[c.ID] = true
		written = append(written, c.ID)
		if err := s.insertEvent(ctx, tx, c, t); err != nil {
			return nil, nil, err
		}
		for _, m := range c.Mentions {
			switch {
			case isNew[m.ID]:
				m.Component = label[m.ID]
				if err := s.insertMention(ctx, tx, m); err != nil {
					return nil, nil, err
				}
				t.counts["mentions"]++
			case prevEvent[m.ID] != c.ID:
				if err := tx.Exec(ctx, s.d.q(`UPDATE mentions SET event_id = ?, component = ? WHERE id = ?`), c.ID, label[m.ID], m.ID); err != nil {
					return nil, nil, fmt.Errorf("move mention %s: %w", m.ID, err)
				}
				moved[m.ID] = true
			}
		}
	}
	// Stored mentions that kept their event but changed component.
	for _, m := range set {
		if l := label[m.ID]; !isNew[m.ID] && !moved[m.ID] && m.Component != l {
			if err := tx.Exec(ctx, s.d.q(`UPDATE mentions SET component = ? WHERE id = ?`), l, m.ID); err != nil {
				return nil, nil, fmt.Errorf("label mention %s: %w", m.ID, err)
			}
		}
	}
	for _, id := range oldIDs {
		if !keep[id] && !newIDs[id] {
			gone = append(gone, id)
		}
	}
	slices.Sort(written)
	return written, gone, nil
}

// labels gives each component found by Closure its label (merge.Labels),
// a new random one where no stored label carries over.
func labels(comp merge.Component, clusters []merge.Cluster) (map[string]string, error) {
	var err error
	out := merge.Labels(comp, clusters, func() string {
		var b [12]byte
		if _, e := rand.Read(b[:]); e != nil {
			err = fmt.Errorf("component label: %w", e)
		}
		return "k" + hex.EncodeToString(b[:])
	})
	return out, err
}

func (s *Store) deleteEvent(ctx context.Context, tx Querier, id string, t *tally) error {
	var typ string
	var lo, hi, nclaims sql.NullInt64
	var pk placeKey
	var key sql.NullString
	if err := queryRow(ctx, tx, s.d.q(`SELECT e.type, e.day_lo, e.day_hi, e.place_key, e.place_name, e.country, e.admin1, e.lat, e.lon,
		(SELECT COUNT(*) FROM claims c WHERE c.event_id = e.id) FROM events e WHERE e.id = ?`), []any{id},
		&typ, &lo, &hi, &key, &pk.name, &pk.country, &pk.admin1, &pk.lat, &pk.lon, &nclaims); err != nil {
		return fmt.Errorf("delete event %s: %w", id, err)
	}
	pk.key = key.String
	t.event(-1, typ, lo, hi, pk)
	t.counts["claims"] -= nclaims.Int64
	for _, q := range []string{
		`DELETE FROM claims WHERE event_id = ?`,
		`DELETE FROM event_actors WHERE event_id = ?`,
		`DELETE FROM events WHERE id = ?`,
	} {
		if err := tx.Exec(ctx, s.d.q(q), id); err != nil {
			return fmt.Errorf("delete event %s: %w", id, err)
		}
	}
	return nil
}

func (s *Store) insertMention(ctx context.Context, tx Querier, m merge.Mention) error {
	data, err := json.Marshal(m.Event)
	if err != nil {
		return fmt.Errorf("encode mention %s: %w", m.ID, err)
	}
	var lo, hi any
	if l, h, ok := m.Span(); ok {
		lo, hi = int64(l), int64(h)
	}
	mod := m.Event.Modality
	if mod == "" {
		mod = event.Asserted
	}
	key, err := json.Marshal(merge.Key(m.Event))
	if err != nil {
		return fmt.Errorf("encode mention %s: %w", m.ID, err)
	}
	pk := merge.PlaceKey(m.Event.Location)
	var pname any
	var lat, lon *float64
	if l := m.Event.Location; l != nil {
		lat, lon = l.Lat, l.Lon
		if pk != "" {
			pname = nullStr(strings.ToLower(l.Name))
		}
	}
	if err := tx.Exec(ctx, s.d.q(`INSERT INTO mentions
		(id, document_id, idx, event_id, family, type, day_lo, day_hi, loose, place_key, modality, data,
		 mkey, pname, lat, lon, site, component)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		m.ID, m.DocID, int64(m.Index), m.EventID, merge.Family(m.Event.Type), m.Event.Type, lo, hi,
		boolInt(m.Loose()), nullStr(pk), mod, string(data),
		string(key), pname, lat, lon, boolInt(merge.Site(m.Event.Location)), nullStr(m.Component)); err != nil {
		return fmt.Errorf("insert mention %s: %w", m.ID, err)
	}
	return nil
}

// undatedSort is the sort key of undated events: after all dates in
// "-date" order, before them in "date" order.
const undatedSort = -1 << 30

func (s *Store) insertEvent(ctx context.Context, tx Querier, c merge.Cluster, t *tally) error {
	ev := merge.Build(c)
	claims := ev.Claims
	ev.Claims = nil
	data, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("encode event %s: %w", ev.ID, err)
	}
	var lo, hi any
	sortDay := int64(undatedSort)
	if ev.Date != nil {
		if l, h, ok := merge.DateInterval(*ev.Date, ev.DatePrecision); ok {
			lo, hi, sortDay = int64(l), int64(h), int64(l)
		}
	}
	pk, name, country, admin1, lat, lon := placeCols(ev.Location)
	if err := tx.Exec(ctx, s.d.q(`INSERT INTO events
		(id, type, day_lo, day_hi, sort_day, place_key, place_name, country, admin1, lat, lon,
		 modality, denied, conflict, n_mentions, n_documents, data)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		ev.ID, ev.Type, lo, hi, sortDay, pk, name, country, admin1, lat, lon,
		ev.Modality, boolInt(ev.Denied), boolInt(ev.Conflict), int64(ev.NMentions), int64(ev.NDocuments), string(data)); err != nil {
		return fmt.Errorf("insert event %s: %w", ev.ID, err)
	}
	var nlo, nhi sql.NullInt64
	if lo != nil {
		nlo, nhi = sql.NullInt64{Int64: lo.(int64), Valid: true}, sql.NullInt64{Int64: hi.(int64), Valid: true}
	}
	pkS, _ := pk.(string)
	t.event(1, ev.Type, nlo, nhi, placeKey{key: pkS, name: nullS(name), country: nullS(country), admin1: nullS(admin1), lat: nullF(lat), lon: nullF(lon)})
	t.counts["claims"] += int64(len(claims))
	seen := map[string]bool{}
	for _, a := range ev.Actors {
		for _, k := range actorKeys(a) {
			if seen[k] {
				continue
			}
			seen[k] = true
			if err := tx.Exec(ctx, s.d.q(`INSERT INTO event_actors (event_id, akey, sort_day) VALUES (?, ?, ?)`), ev.ID, k, sortDay); err != nil {
				return fmt.Errorf("insert actor of %s: %w", ev.ID, err)
			}
		}
	}
	for i, cl := range claims {
		if err := tx.Exec(ctx, s.d.q(`INSERT INTO claims
			(event_id, ord, mention_id, document_id, outlet, dup_group, speaker, speaker_kind, modality,
			 what, value, min_value, max_value, approx, text, start_off, end_off)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			ev.ID, int64(i), cl.MentionID, cl.DocumentID, cl.Outlet, cl.DupGroup, cl.Speaker, cl.SpeakerKind, cl.Modality,
			cl.What, cl.Value, cl.Min, cl.Max, boolInt(cl.Approx), cl.Text, int64(cl.Start), int64(cl.End)); err != nil {
			return fmt.Errorf("insert claim of %s: %w", ev.ID, err)
		}
	}
	return nil
}

// actorKeys are the keys an actor filter matches: its code and its
// lower-cased name.
func actorKeys(a event.Actor) []string {
	var ks []string
	if a.Code != "" {
		ks = append(ks, strings.ToLower(a.Code))
	}
	if a.Name != "" {
		ks = append(ks, strings.ToLower(a.Name))
	}
	return ks
}
