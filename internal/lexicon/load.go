package lexicon

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/marsad-dev/marsad/internal/text"
)

// LoadError is a problem in one line of a dictionary file.
type LoadError struct {
	File string
	Line int
	Err  error
}

func (e *LoadError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LoadError) Unwrap() error { return e.Err }

// known columns; any other column becomes an attribute.
var knownColumns = map[string]bool{"id": true, "kind": true, "class": true, "name": true,
	"lang": true, "pattern": true, "attrs": true}

// patternSep separates alternative patterns in one pattern cell.
const patternSep = "|"

// isGenerated reports whether a file holds generated entries (name contains
// ".gen."), which give way to hand-written ones.
func isGenerated(name string) bool { return strings.Contains(path.Base(name), ".gen.") }

// readFS reads every *.tsv file in fsys: hand-written files first, then
// generated ones (see isGenerated), each group in lexical path order.
// Entries of a generated file whose pattern is already a pattern of a
// hand-written entry (of any kind) are dropped: the curated file wins.
func readFS(fsys fs.FS) ([]*Entry, error) {
	var hand, gen []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".tsv") {
			return nil
		}
		if isGenerated(p) {
			gen = append(gen, p)
		} else {
			hand = append(hand, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list dictionaries: %w", err)
	}
	var out []*Entry
	handKeys := map[string]bool{}
	for _, p := range hand {
		es, err := readFile(fsys, p)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			handKeys[e.patternKey()] = true
		}
		out = append(out, es...)
	}
	for _, p := range gen {
		es, err := readFile(fsys, p)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			if !handKeys[e.patternKey()] {
				out = append(out, e)
			}
		}
	}
	return out, nil
}

func readFile(fsys fs.FS, name string) ([]*Entry, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("load dictionary %s: %w", name, err)
	}
	defer f.Close()
	es, err := parseTSV(f, name)
	if err != nil {
		return nil, err
	}
	return es, nil
}

// defaultKind derives the kind of a file without a kind column from its
// name: actors*.tsv, triggers*.tsv, cues*.tsv.
func defaultKind(name string) string {
	b := path.Base(name)
	for _, k := range []string{KindActor, KindTrigger, KindCue} {
		if strings.HasPrefix(b, k) {
			return k
		}
	}
	return ""
}

type scanner interface {
	Read(p []byte) (int, error)
}

func parseTSV(r scanner, name string) ([]*Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var cols []string
	var out []*Entry
	tk := text.Tokenizer{}
	fileKind := defaultKind(name)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if t := strings.TrimSpace(s); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		cells := strings.Split(s, "\t")
		if cols == nil {
			var err error
			if cols, err = parseHeader(cells, fileKind); err != nil {
				return nil, &LoadError{name, line, err}
			}
			continue
		}
		es, err := parseRow(&tk, cols, cells, fileKind)
		if err != nil {
			return nil, &LoadError{name, line, err}
		}
		src := fmt.Sprintf("%s:%d", name, line)
		for _, e := range es {
			e.Source = src
		}
		out = append(out, es...)
	}
	if err := sc.Err(); err != nil {
		return nil, &LoadError{name, line, err}
	}
	return out, nil
}

func parseHeader(cells []string, fileKind string) ([]string, error) {
	cols := make([]string, len(cells))
	seen := map[string]bool{}
	for i, c := range cells {
		c = strings.ToLower(strings.TrimSpace(c))
		if c == "" {
			return nil, fmt.Errorf("header: column %d has no name", i+1)
		}
		if seen[c] {
			return nil, fmt.Errorf("header: column %q twice", c)
		}
		seen[c] = true
		cols[i] = c
	}
	if !seen["pattern"] {
		return nil, errors.New("header: no pattern column (a header line names the tab-separated columns, e.g. \"name\\tclass\\tpattern\")")
	}
	if !seen["kind"] && fileKind == "" {
		return nil, errors.New("header: no kind column, and the file name does not start with actors, triggers or cues")
	}
	return cols, nil
}

func parseRow(tk *text.Tokenizer, cols, cells []string, fileKind string) ([]*Entry, error) {
	// A cell starting with '#' begins a trailing comment.
	for i, c := range cells {
		if strings.HasPrefix(strings.TrimSpace(c), "#") {
			cells = cells[:i]
			break
		}
	}
	if len(cells) > len(cols) {
		return nil, fmt.Errorf("%d cells but the header names %d columns", len(cells), len(cols))
	}
	base := Entry{Kind: fileKind}
	var patterns string
	for i, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		switch col := cols[i]; col {
		case "id":
			base.ID = c
		case "kind":
			base.Kind = strings.ToLower(c)
		case "class":
			base.Class = strings.ToLower(c)
		case "name":
			base.Name = c
		case "lang":
			base.Lang = strings.ToLower(c)
		case "pattern":
			patterns = c
		case "attrs":
			for _, kv := range strings.Split(c, ";") {
				kv = strings.TrimSpace(kv)
				if kv == "" {
					continue
				}
				k, v, ok := strings.Cut(kv, "=")
				if !ok || strings.TrimSpace(k) == "" {
					return nil, fmt.Errorf("attrs: %q is not key=value", kv)
				}
				setAttr(&base, strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v))
			}
		default:
			setAttr(&base, col, c)
		}
	}
	if err := validate(&base); err != nil {
		return nil, err
	}
	if patterns == "" {
		return nil, errors.New("empty pattern")
	}
	var out []*Entry
	for _, p := range strings.Split(patterns, patternSep) {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil, fmt.Errorf("empty alternative in pattern %q", patterns)
		}
		e := base
		e.Pattern = p
		if base.Attrs != nil {
			e.Attrs = make(map[string]string, len(base.Attrs))
			for k, v := range base.Attrs {
				e.Attrs[k] = v
			}
		}
		if p == "*" && e.Attrs["remove"] == "true" {
			// removes every entry with this id (see Extend)
		} else {
			words, err := compilePattern(tk, p)
			if err != nil {
				return nil, err
			}
			e.words = words
			e.exact = e.Attrs["case"] == "exact"
			if e.exact && e.Gapped() {
				return nil, fmt.Errorf("pattern %q: case=exact cannot take a gap", p)
			}
		}
		if e.Lang == "" {
			e.Lang = text.DetectLang(p)
		}
		if e.Name == "" {
			e.Name = e.Class
		}
		if e.ID == "" {
			e.ID = defaultID(&e)
		}
		out = append(out, &e)
	}
	return out, nil
}

func setAttr(e *Entry, k, v string) {
	if e.Attrs == nil {
		e.Attrs = map[string]string{}
	}
	e.Attrs[k] = v
}

func validate(e *Entry) error {
	classes := classesOf(e.Kind)
	if classes == nil {
		return fmt.Errorf("kind %q: want actor, trigger or cue", e.Kind)
	}
	if !contains(classes, e.Class) {
		return fmt.Errorf("%s class %q: want one of %s", e.Kind, e.Class, strings.Join(classes, ", "))
	}
	if e.Kind == KindActor && e.Name == "" {
		return errors.New("actor without a name")
	}
	switch e.Lang {
	case "", "ar", "en":
	default:
		return fmt.Errorf("lang %q: want ar, en or empty", e.Lang)
	}
	if c, ok := e.Attrs["count"]; ok && !contains(CountValues, c) {
		return fmt.Errorf("count %q: want one of %s", c, strings.Join(CountValues, ", "))
	}
	if c, ok := e.Attrs["case"]; ok && c != "exact" && c != "fold" {
		return fmt.Errorf("case %q: want exact or fold", c)
	}
	for _, b := range []string{"passive", "remove", "speaker"} {
		if v, ok := e.Attrs[b]; ok && v != "true" && v != "false" {
			return fmt.Errorf("%s %q: want true or false", b, v)
		}
	}
	return nil
}

// compilePattern splits a pattern into words at spaces, tokenises each word
// like text and returns the matching keys. A word ending in '*' matches any
// key that starts with it (its last token is the prefix). A word "…" (or
// "...") between two words is a gap of up to defaultGap tokens, "…N" one of
// up to N (1–9); a pattern has at most one gap.
func compilePattern(tk *text.Tokenizer, p string) ([]pword, error) {
	var out []pword
	var gap uint8
	gaps := 0
	for _, f := range strings.Fields(p) {
		if g, ok := gapWord(f); ok {
			if g == 0 {
				return nil, fmt.Errorf("pattern %q: gap %q: want … or …N with N from 1 to 9", p, f)
			}
			if len(out) == 0 || gap > 0 {
				return nil, fmt.Errorf("pattern %q: a gap must stand between two words", p)
			}
			if gaps++; gaps > 1 {
				return nil, fmt.Errorf("pattern %q: more than one gap", p)
			}
			gap = g
			continue
		}
		prefix := false
		if len(f) > 1 && strings.HasSuffix(f, "*") {
			prefix = true
			f = strings.TrimSuffix(f, "*")
		}
		toks := tk.Tokenize(f)
		n := len(out)
		for _, t := range toks {
			if t.Key == "" {
				continue
			}
			out = append(out, pword{key: t.Key, text: t.Text})
		}
		if len(out) == n {
			return nil, fmt.Errorf("pattern %q: word %q has no letters, digits or marks to match", p, f)
		}
		out[n].gap, gap = gap, 0
		if prefix {
			out[len(out)-1].prefix = true
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("pattern %q has no words", p)
	}
	if gap > 0 {
		return nil, fmt.Errorf("pattern %q: a gap must stand between two words", p)
	}
	return out, nil
}

// defaultGap is how many tokens a gap written "…" may span.
const defaultGap = 3

// gapWord reads a pattern word that is a gap: "…" or "..." (defaultGap
// tokens), "…N" or "...N" (N tokens). g is 0 for a gap word with a wrong N.
func gapWord(f string) (g uint8, ok bool) {
	var rest string
	switch {
	case strings.HasPrefix(f, "…"):
		rest = strings.TrimPrefix(f, "…")
	case strings.HasPrefix(f, "..."):
		rest = strings.TrimPrefix(f, "...")
	default:
		return 0, false
	}
	if rest == "" {
		return defaultGap, true
	}
	if len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
		return rest[0] - '0', true
	}
	return 0, true
}

// defaultID names an entry without an id cell: actor:<name>, or
// <kind>:<class>:<lang>:<pattern> for triggers and cues.
func defaultID(e *Entry) string {
	if e.Kind == KindActor {
		return "actor:" + slug(e.Name)
	}
	return e.Kind + ":" + e.Class + ":" + e.Lang + ":" + strings.Join(strings.Fields(e.Pattern), " ")
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ' || r == '-' || r == '_' || r == '/' || r == '.' || r == '\'' || r == '(' || r == ')' || r == ',':
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
		default:
			b.WriteRune(r)
			dash = false
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// merge applies extra entries to base: an entry with the identity of a base
// entry (same kind, id and pattern) replaces it in place; an entry with
// attribute remove=true deletes the entries with its identity, or every
// entry with its id when its pattern is "*"; other entries are appended.
func merge(base, extra []*Entry) []*Entry {
	out := make([]*Entry, len(base))
	copy(out, base)
	pos := make(map[string]int, len(out))
	for i, e := range out {
		pos[e.identity()] = i
	}
	for _, e := range extra {
		if e.Attrs["remove"] == "true" {
			for i, b := range out {
				if b == nil || b.Kind != e.Kind || b.ID != e.ID {
					continue
				}
				if e.words == nil || b.identity() == e.identity() {
					out[i] = nil
					delete(pos, b.identity())
				}
			}
			continue
		}
		if i, ok := pos[e.identity()]; ok {
			out[i] = e
			continue
		}
		pos[e.identity()] = len(out)
		out = append(out, e)
	}
	kept := out[:0]
	for _, e := range out {
		if e != nil {
			kept = append(kept, e)
		}
	}
	return kept
}

// byID indexes entries by id, in entry order.
func byID(es []*Entry) map[string][]*Entry {
	m := map[string][]*Entry{}
	for _, e := range es {
		m[e.ID] = append(m[e.ID], e)
	}
	return m
}
