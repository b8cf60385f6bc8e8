package coder

import (
	"math"
	"strings"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/geo"
	"github.com/marsad-dev/marsad/internal/text"
)

// Penalties, in tokens of distance, that rank a place mention below those
// named finer or in the body of the report.
const (
	countryPenalty  = 1000 // a country is where only when nothing finer is named
	datelinePenalty = 3000 // where the report was filed, not where it happened
)

// containerGapKm is how far apart two adjacent place mentions may lie
// before "X in Y" shows that X was resolved to the wrong entry.
const containerGapKm = 100

// location chooses the place of an event whose word is at token near:
// the closest place mention of the clause, places after the word and finer
// than a country first; a place negated by "outside" (خارج سوريا, outside
// Syria) is never the place, the report's dateline only when nothing else is.
func (d *docState) location(si, near int) *event.Location {
	ps := d.places[si]
	best := -1
	bestScore := math.MaxFloat64
	for i := range ps {
		p := &ps[i]
		if d.outsidePlace(p) {
			continue
		}
		dist := float64(tokDistance(near, near+1, p.FirstToken, p.LastToken))
		if p.FirstToken < near {
			dist *= 1.5 // places usually follow the event word
		}
		if p.Location.Precision == "country" {
			dist += countryPenalty
		}
		if p.LastToken <= d.dateline {
			dist += datelinePenalty
		}
		if dist < bestScore {
			best, bestScore = i, dist
		}
	}
	if best < 0 {
		return nil
	}
	loc := ps[d.container(ps, best)].Location
	return &loc
}

// notHereWords before a place name say the event was not there (خارج
// سوريا, outside Syria) or make the name the power that holds a place
// (تحت سيطرة الولايات المتحدة, under the control of Turkey).
var notHereWords = keySet("خارج", "بخارج", "سيطرة", "لسيطرة", "بسيطرة", "outside")

// notHerePairs are two-word forms of the same: out of Syria, held by Turkey,
// تسيطر عليها تركيا.
var notHerePairs = map[[2]string]bool{
	{"out", "of"}: true, {"control", "of"}: true, {"controlled", "by"}: true, {"held", "by"}: true,
	{"يسيطر", "عليه"}: true, {"يسيطر", "عليها"}: true, {"تسيطر", "عليه"}: true, {"تسيطر", "عليها"}: true,
}

// outsidePlace reports whether a place mention is negated, or named as a
// controlling power, by the words before it.
func (d *docState) outsidePlace(p *geo.Mention) bool {
	i := p.FirstToken - 1
	if i < 0 {
		return false
	}
	k := d.a.Tokens[i].Key
	if notHereWords[k] {
		return true
	}
	return i > 0 && notHerePairs[[2]string{d.a.Tokens[i-1].Key, k}]
}

// container returns the mention that a chosen place mention stands in when
// the text says so and the two were resolved far apart: "منطقة التل بمدينة
// طرابلس" with التل taken for a town of another country, "X, Lebanon" with
// X resolved in Syria. The text's container is then the better place; else
// best itself.
func (d *docState) container(ps []geo.Mention, best int) int {
	b := &ps[best]
	if b.Location.Precision == "country" || best+1 >= len(ps) {
		return best
	}
	c := &ps[best+1]
	switch c.FirstToken - b.LastToken {
	case 0: // X بمدينة Y, X في محافظة Y — not a list (X وY)
		if strings.HasPrefix(c.Text, "و") || c.FirstToken > 0 && d.a.Tokens[c.FirstToken-1].Key == "and" {
			return best
		}
	case 1: // X، لبنان — X, Lebanon
		if c.Location.Precision != "country" || d.a.Tokens[b.LastToken].Text != "," && d.a.Tokens[b.LastToken].Text != "،" {
			return best
		}
	default:
		return best
	}
	if inconsistent(&b.Location, &c.Location) {
		return best + 1
	}
	return best
}

// inconsistent reports whether place b cannot lie inside place c: another
// country, or farther than containerGapKm from a place finer than a country.
func inconsistent(b, c *event.Location) bool {
	if b.Country != "" && c.Country != "" && b.Country != c.Country {
		return true
	}
	if c.Precision == "country" || c.Precision == "region" || c.Precision == "admin1" || b.Lat == nil || c.Lat == nil {
		return false
	}
	return geo.DistanceKm(*b.Lat, *b.Lon, *c.Lat, *c.Lon) > containerGapKm
}

// datelineEnd returns the token index where a report's dateline ends, or 0
// when it has none: the place names that open the text before the outlet
// in brackets or a dash — "عمان، الأردن (CNN) –", "BAGHDAD (Reuters) -".
func (d *docState) datelineEnd(first []geo.Mention) int {
	toks := d.a.Tokens
	inPlace := func(i int) bool {
		for _, p := range first {
			if i >= p.FirstToken && i < p.LastToken {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(toks) && i < 16; i++ {
		t := &toks[i]
		switch {
		case inPlace(i):
			continue
		case t.Kind == text.Punct && (t.Text == "(" || isDash(t.Text)):
			if i == 0 || !inPlace(i-1) && !inPlace(i-2) {
				return 0
			}
			return i
		case t.Kind == text.Punct:
			continue
		default:
			return 0
		}
	}
	return 0
}

func isDash(s string) bool {
	switch s {
	case "-", "–", "—", "--":
		return true
	}
	return false
}

// destinationWords mark where something was taken: إلى العراق، to Iraq.
var destinationWords = keySet("إلى", "الى", "وإلى", "to", "into")

// destination returns the place a transfer took people to, named after the
// trigger behind إلى/to within three words (نقلت ثلاثة منهم إلى العراق،
// transferred them to a prison in Iraq), or nil: for a transfer that is
// the event's place, not where it set out from.
func (d *docState) destination(si int, t int) *event.Location {
	ps := d.places[si]
	for i := range ps {
		p := &ps[i]
		if p.FirstToken < t || d.outsidePlace(p) {
			continue
		}
		for j := p.FirstToken; j >= t && j > p.FirstToken-4; j-- {
			tok := &d.a.Tokens[j]
			if destinationWords[tok.Key] {
				loc := ps[d.container(ps, i)].Location
				return &loc
			}
			if j < p.FirstToken && tok.Kind != text.Word {
				break
			}
		}
	}
	return nil
}

// takenAbroad reports whether a transfer's destination, after the trigger
// at token t, is only "out of" a place (إلى خارجها، إلى خارج البلاد, out
// of the country): the place named with it is then where people were
// taken from, not the event's place.
func (d *docState) takenAbroad(si int, t int) bool {
	end := d.a.Sentences[si].Last
	for j := t; j+1 < end; j++ {
		if !destinationWords[d.a.Tokens[j].Key] && d.a.Tokens[j].Key != "out" {
			continue
		}
		if k := d.a.Tokens[j+1].Key; strings.HasPrefix(k, "خارج") || k == "outside" || k == "of" && d.a.Tokens[j].Key == "out" {
			return true
		}
	}
	return false
}
