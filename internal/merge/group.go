package merge

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
)

// specificity ranks how much a mention pins down: a day-precise date and a
// precise place seed events that vaguer mentions then join.
func specificity(m *Mention) int {
	s := 0
	if lo, hi, ok := m.Interval(); ok {
		s += 2
		if lo == hi {
			s += 2
		}
	}
	if l := m.Event.Location; hasPlace(l) {
		s++
		if precise(l) {
			s += 2
		}
	}
	return s
}

// similarity scores how well two compatible mentions agree; it picks among
// several compatible events.
func similarity(a, b *Mention) int {
	s := 0
	if a.Event.Type == b.Event.Type {
		s += 2
	}
	alo, _, aok := a.Interval()
	blo, _, bok := b.Interval()
	if aok && bok && alo == blo {
		s += 2
	}
	if placeRelation(a.Event.Location, b.Event.Location) == placeSame {
		s += 3
	}
	kb := b.keys().all
	for k := range a.keys().all {
		if kb[k] {
			s++
		}
	}
	if shareCountKind(&a.Event, &b.Event) {
		s++
	}
	return s
}

// EventID is the id of the merged event seeded by a mention.
func EventID(seedMentionID string) string {
	h := sha256.Sum256([]byte(seedMentionID))
	return "ev_" + hex.EncodeToString(h[:8])
}

// Cluster is one merged event's mentions; the first is the seed that names
// it, the rest follow in id order.
type Cluster struct {
	ID       string
	Mentions []Mention
}

// Group partitions a set of mentions into events. The result depends only
// on the set (see the package comment): clusters come in canonical order
// and each cluster's id derives from its seed. Callers must pass whole
// connected components of the compatibility graph (Closure builds them)
// for the grouping of a store to be independent of insertion order.
func Group(ms []Mention) []Cluster {
	order := make([]*Mention, len(ms))
	spec := make(map[string]int, len(ms))
	for i := range ms {
		order[i] = &ms[i]
		spec[ms[i].ID] = specificity(&ms[i])
	}
	slices.SortFunc(order, func(a, b *Mention) int {
		if c := cmp.Compare(spec[b.ID], spec[a.ID]); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	var clusters [][]*Mention
	for _, m := range order {
		best, bestScore := -1, -1
		for ci, c := range clusters {
			score := 0
			ok := true
			for _, x := range c {
				if !Compatible(m, x) {
					ok = false
					break
				}
				score += similarity(m, x)
			}
			// Average agreement; ties go to the earlier cluster.
			if ok && score*1000/len(c) > bestScore {
				best, bestScore = ci, score*1000/len(c)
			}
		}
		if best < 0 {
			clusters = append(clusters, []*Mention{m})
			continue
		}
		clusters[best] = append(clusters[best], m)
	}
	out := make([]Cluster, len(clusters))
	for i, c := range clusters {
		rest := slices.Clone(c[1:])
		slices.SortFunc(rest, func(a, b *Mention) int { return cmp.Compare(a.ID, b.ID) })
		ms := make([]Mention, 0, len(c))
		ms = append(ms, *c[0])
		for _, m := range rest {
			ms = append(ms, *m)
		}
		id := EventID(c[0].ID)
		for j := range ms {
			ms[j].EventID = id
		}
		out[i] = Cluster{ID: id, Mentions: ms}
	}
	return out
}

// Finder gives Closure access to the stored mentions.
type Finder interface {
	// Candidates returns stored mentions that may be compatible with m: a
	// superset of those for which Compatible holds (in practice: the same
	// type family, with a date window overlapping m's, or for undated and
	// coarse-dated mentions the same place key).
	Candidates(ctx context.Context, m *Mention) ([]Mention, error)
	// EventMentions returns all stored mentions of a merged event.
	EventMentions(ctx context.Context, eventID string) ([]Mention, error)
	// ComponentMentions returns all stored mentions labelled component.
	ComponentMentions(ctx context.Context, component string) ([]Mention, error)
}

// A Component is what Closure found: a union of connected components of the
// compatibility graph.
type Component struct {
	// Mentions are the new mentions and every stored mention reachable
	// from them or from the removed ones, in id order.
	Mentions []Mention
	// Events are the ids of the stored events among them, sorted.
	Events []string
}

// Closure returns the connected component(s) of the compatibility graph
// that contain the new mentions or that the removed mentions (of an
// earlier version of a document, already deleted from the store, so that
// Finder never returns them) touched: the new mentions plus every stored
// mention reachable from them, and every mention of each stored event
// reached.
//
// Stored mentions carry the label of the component they were merged in
// (Mention.Component), and every label is closed: no stored mention outside
// it is compatible with one inside. So a labelled mention brings its whole
// component, read by label, and only the new mentions are probed for
// candidates; mentions stored without a label (by an older version) are
// walked one by one as before. The store then labels the set's components
// (Labels). A label may outlive a split (a removed document that joined
// two parts): it is then a union of components, which groups the same.
func Closure(ctx context.Context, f Finder, added, removed []Mention) (Component, error) {
	seen := map[string]bool{}
	events := map[string]bool{}
	joined := map[string]bool{} // stored components read whole
	var set, pending, probes []Mention
	add := func(m Mention) bool {
		if seen[m.ID] {
			return false
		}
		seen[m.ID] = true
		set = append(set, m)
		if m.EventID != "" {
			events[m.EventID] = true
		}
		return true
	}
	// join adds a stored mention: its whole labelled component, or for an
	// unlabelled one the mention itself, to be walked.
	join := func(m Mention) error {
		if m.Component == "" {
			if add(m) {
				pending = append(pending, m)
			}
			return nil
		}
		if joined[m.Component] {
			return nil
		}
		joined[m.Component] = true
		ms, err := f.ComponentMentions(ctx, m.Component)
		if err != nil {
			return fmt.Errorf("mentions of component %s: %w", m.Component, err)
		}
		for _, x := range ms {
			add(x)
		}
		return nil
	}
	for _, m := range added {
		if add(m) {
			probes = append(probes, m)
		}
	}
	// What is left of the components the removed mentions were part of.
	for _, m := range removed {
		if m.EventID != "" { // its event changes, or goes
			events[m.EventID] = true
		}
		switch {
		case m.Component != "":
			if err := join(Mention{ID: m.ID, Component: m.Component}); err != nil {
				return Component{}, err
			}
		default:
			// Unlabelled: what it touched, and its event.
			probes = append(probes, m)
			if m.EventID != "" {
				pending = append(pending, Mention{ID: m.ID, EventID: m.EventID})
			}
		}
	}
	walked := map[string]bool{}
	for len(probes)+len(pending) > 0 {
		// Unlabelled events join whole: a stored event is rewritten as a
		// unit.
		for i := 0; i < len(pending); i++ {
			id := pending[i].EventID
			if id == "" || walked[id] {
				continue
			}
			walked[id] = true
			ms, err := f.EventMentions(ctx, id)
			if err != nil {
				return Component{}, fmt.Errorf("mentions of event %s: %w", id, err)
			}
			for _, m := range ms {
				if err := join(m); err != nil {
					return Component{}, err
				}
			}
		}
		for _, m := range pending {
			if m.DocID != "" { // not a placeholder for a removed mention's event
				probes = append(probes, m)
			}
		}
		pending = nil
		for i := range probes {
			p := &probes[i]
			cands, err := f.Candidates(ctx, p)
			if err != nil {
				return Component{}, fmt.Errorf("candidates of %s: %w", p.ID, err)
			}
			for j := range cands {
				c := &cands[j]
				if seen[c.ID] || (c.Component != "" && joined[c.Component]) || !Compatible(p, c) {
					continue
				}
				if err := join(*c); err != nil {
					return Component{}, err
				}
			}
		}
		probes = nil
	}
	slices.SortFunc(set, func(a, b Mention) int { return cmp.Compare(a.ID, b.ID) })
	out := Component{Mentions: set}
	for id := range events {
		out.Events = append(out.Events, id)
	}
	slices.Sort(out.Events)
	return out, nil
}

// Labels gives each connected component of the compatibility graph among
// c's mentions its own label: the stored label most of its members carry
// (the fewest rows to rewrite; ties to the smaller label), or newLabel()
// when none is stored or that label went to a larger component of the set.
// It returns each mention's label by mention id. Labelling whole Closure
// sets instead would chain unrelated events through the documents that
// tell them together.
//
// clusters are c's mentions as Group grouped them: a cluster is connected,
// and so is (or was: labels may outlive a split) a stored label, so both
// join their members without comparing them.
func Labels(c Component, clusters []Cluster, newLabel func() string) map[string]string {
	ms := c.Mentions
	index := make(map[string]int, len(ms))
	for i := range ms {
		index[ms[i].ID] = i
	}
	u := newUnion(len(ms))
	byLabel := map[string]int{}
	for i := range ms {
		if l := ms[i].Component; l != "" {
			if j, ok := byLabel[l]; ok {
				u.join(i, j)
			} else {
				byLabel[l] = i
			}
		}
	}
	for _, cl := range clusters {
		first := index[cl.Mentions[0].ID]
		for _, m := range cl.Mentions[1:] {
			u.join(first, index[m.ID])
		}
	}
	u.joinCompatible(ms)
	parts := map[int][]int{}
	for i := range ms {
		r := u.find(i)
		parts[r] = append(parts[r], i)
	}
	// Largest components choose first, so a stored label stays with the
	// most of its members.
	roots := make([]int, 0, len(parts))
	for r := range parts {
		roots = append(roots, r)
	}
	slices.SortFunc(roots, func(a, b int) int {
		if c := cmp.Compare(len(parts[b]), len(parts[a])); c != 0 {
			return c
		}
		return cmp.Compare(ms[parts[a][0]].ID, ms[parts[b][0]].ID)
	})
	taken := map[string]bool{}
	out := make(map[string]string, len(ms))
	for _, r := range roots {
		count := map[string]int{}
		for _, i := range parts[r] {
			if l := ms[i].Component; l != "" && !taken[l] {
				count[l]++
			}
		}
		label := ""
		for l, n := range count {
			if label == "" || n > count[label] || (n == count[label] && l < label) {
				label = l
			}
		}
		if label == "" {
			label = newLabel()
		}
		taken[label] = true
		for _, i := range parts[r] {
			out[ms[i].ID] = label
		}
	}
	return out
}

// union is a union-find forest over indices.
type union []int

func newUnion(n int) union {
	u := make(union, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u union) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u union) join(i, j int) {
	if ri, rj := u.find(i), u.find(j); ri != rj {
		u[ri] = rj
	}
}

// joinCompatible joins every compatible pair of ms not joined yet. Two
// mentions are compatible only within a family and when their Spans
// overlap (within a day), so each family is swept in Span order and a
// mention is compared with those that start before it ends; mentions
// without a Span are compared with the whole family.
func (u union) joinCompatible(ms []Mention) {
	type item struct{ i, lo, hi int }
	known := map[string][]item{}
	unknown := map[string][]int{}
	for i := range ms {
		f := Family(ms[i].Event.Type)
		if lo, hi, ok := ms[i].Span(); ok {
			known[f] = append(known[f], item{i, lo, hi})
		} else {
			unknown[f] = append(unknown[f], i)
		}
	}
	try := func(i, j int) {
		if u.find(i) != u.find(j) && Compatible(&ms[i], &ms[j]) {
			u.join(i, j)
		}
	}
	for f, items := range known {
		slices.SortFunc(items, func(a, b item) int { return cmp.Compare(a.lo, b.lo) })
		for a := range items {
			for b := a + 1; b < len(items) && items[b].lo <= items[a].hi+1; b++ {
				try(items[a].i, items[b].i)
			}
			for _, j := range unknown[f] {
				try(items[a].i, j)
			}
		}
	}
	for _, idx := range unknown {
		for a := range idx {
			for b := a + 1; b < len(idx); b++ {
				try(idx[a], idx[b])
			}
		}
	}
}
