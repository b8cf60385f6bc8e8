// Package clause cuts long sentences into clauses, the unit the event
// coder assembles an event in. Arabic news writes whole paragraphs as one
// sentence, chaining clauses with a comma and the conjunction و or ف
// ("…، وأضاف المتحدث …، وأكدت مصادر طبية …"); each clause has its own
// verb, its own figures and often its own speaker, so coding the sentence
// as one unit gives one clause's number to another clause's event. A cut
// never falls inside quotation marks, and a clause is never shorter than a
// few words. English is cut at semicolons and at ", while" / ", whereas".
package clause

import (
	"strings"

	"github.com/marsad-dev/marsad/internal/text"
)

// Counter gives the corpus frequency of an Arabic matching key (see
// arabic.Lexicon.Count); it tells the conjunction و in وذكر (ذكر is a
// word) from the letter و in وسط or وزير.
type Counter interface {
	Count(key string) int
}

// Splitter cuts sentences into clauses.
type Splitter struct {
	// Words tells conjunction-prefixed verbs from words that begin with و
	// (no Arabic cut at "، و…" when nil).
	Words Counter
	// Verbs, when set, narrows the Arabic cuts to "، و…" before the verbs
	// it accepts (given the matching key without the conjunction): the
	// event coder passes its reporting verbs (ذكر، أكد، أضاف …), where a
	// new speaker or a new statement begins, and keeps "، فيما جرح …"
	// with the clause whose toll it completes.
	Verbs func(key string) bool
	// MinTokens is the fewest tokens on each side of a cut (6 when 0).
	MinTokens int
}

// arabicOpeners open a new clause after a comma whatever follows them.
var arabicOpeners = map[string]bool{
	"بينما": true, "فيما": true, "وفيما": true, "وبينما": true, // while
	"حيث": false, // "where": keeps the place with its event, never cut
}

// englishOpeners open a new clause after a comma.
var englishOpeners = map[string]bool{"while": true, "whereas": true}

// Split returns the clauses of sents, in order, and for each clause the
// index of its sentence; a sentence with no cut is returned as it is.
// Clauses keep the sentence's language, and their spans and token ranges
// tile the sentence.
func (s *Splitter) Split(toks []text.Token, sents []text.Sentence) (clauses []text.Sentence, sentence []int) {
	min := s.MinTokens
	if min <= 0 {
		min = 6
	}
	out := make([]text.Sentence, 0, len(sents))
	parent := make([]int, 0, len(sents))
	for si, sent := range sents {
		if sent.Last-sent.First < 2*min {
			out = append(out, sent)
			parent = append(parent, si)
			continue
		}
		start := sent.First
		// News text often opens a quote it never closes: quotes block cuts
		// only in a sentence where they balance.
		quotes := balanced(toks[sent.First:sent.Last])
		depth := 0 // inside quotation marks
		for i := sent.First; i < sent.Last; i++ {
			t := &toks[i]
			if quotes && t.Kind == text.Punct {
				depth = quoteDepth(depth, t.Text)
			}
			if depth > 0 || i-start < min || sent.Last-i < min || !s.opens(toks, i) {
				continue
			}
			out = append(out, clauseOf(toks, sent, start, i))
			parent = append(parent, si)
			start = i
		}
		out = append(out, clauseOf(toks, sent, start, sent.Last))
		parent = append(parent, si)
	}
	return out, parent
}

// clauseOf is the clause of sent from token first to token last
// (exclusive). The first and last clauses keep the sentence's own bounds;
// a clause ends where the next begins, so the clauses tile the sentence.
func clauseOf(toks []text.Token, sent text.Sentence, first, last int) text.Sentence {
	c := text.Sentence{Lang: sent.Lang, First: first, Last: last, Span: sent.Span}
	if first > sent.First {
		c.Start = toks[first].Start
	}
	if last < sent.Last {
		c.End = toks[last].Start
	}
	return c
}

// balanced reports whether the quotation marks of toks open and close in
// pairs.
func balanced(toks []text.Token) bool {
	depth := 0
	for i := range toks {
		if toks[i].Kind != text.Punct {
			continue
		}
		switch toks[i].Text {
		case "«", "“":
			depth++
		case "»", "”":
			if depth--; depth < 0 {
				return false
			}
		case "\"":
			depth ^= 1 << 16 // straight quotes pair with each other
		}
	}
	return depth == 0
}

// quoteDepth follows «» and straight double quotes.
func quoteDepth(depth int, p string) int {
	switch p {
	case "«", "“":
		return depth + 1
	case "»", "”":
		if depth > 0 {
			return depth - 1
		}
	case "\"":
		if depth > 0 {
			return depth - 1
		}
		return depth + 1
	}
	return depth
}

// opens reports whether a new clause starts at token i.
func (s *Splitter) opens(toks []text.Token, i int) bool {
	prev := &toks[i-1]
	t := &toks[i]
	if prev.Kind == text.Punct && (prev.Text == ";" || prev.Text == "؛") {
		return true
	}
	if prev.Kind != text.Punct || (prev.Text != "،" && prev.Text != ",") || t.Kind != text.Word {
		return false
	}
	switch t.Script {
	case text.Latin:
		return englishOpeners[strings.ToLower(t.Text)]
	case text.Arabic:
		if open, ok := arabicOpeners[t.Norm]; ok && s.Verbs == nil {
			return open
		}
		return s.conjoinedVerb(t.Key)
	}
	return false
}

// conjoinedVerb reports whether key is و or ف + a word that is not a noun
// with the article: وذكر، وأكدت، فقد, not وسط، وزير، والعراق.
func (s *Splitter) conjoinedVerb(key string) bool {
	if s.Words == nil {
		return false
	}
	rest, ok := strings.CutPrefix(key, "و")
	if !ok {
		if rest, ok = strings.CutPrefix(key, "ف"); !ok {
			return false
		}
	}
	if len([]rune(rest)) < 2 || strings.HasPrefix(rest, "ال") || strings.HasPrefix(rest, "لل") {
		return false
	}
	if s.Verbs != nil && !s.Verbs(rest) {
		return false
	}
	whole, part := s.Words.Count(key), s.Words.Count(rest)
	// The rest must be a common word in its own right, not a fragment
	// (وسط 2525 · سط 3; وأضاف 5703 · أضاف 213).
	return part >= 20 && part*50 >= whole
}
