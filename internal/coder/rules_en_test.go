package coder

import (
	"testing"

	"github.com/marsad-dev/marsad/internal/event"
)

// byTrigger returns the event whose trigger text is trig, failing the
// test when there is none.
func byTrigger(t *testing.T, r event.Result, trig string) *event.Event {
	t.Helper()
	for i := range r.Events {
		if e := &r.Events[i]; e.Trigger != nil && e.Trigger.Text == trig {
			return e
		}
	}
	t.Fatalf("no event with trigger %q in %+v", trig, r.Events)
	return nil
}

// TestEnglishACLEDRules: the English rules that decide how ACLED codes an
// event (rules_en.go), each on sentences of its own.
func TestEnglishACLEDRules(t *testing.T) {
	tests := []struct{ name, text, typ, acledType, acledSub string }{
		{"clear a place of an armed group", "Soldiers clear three villages of Boko Haram fighters.",
			"seizure", "Battles", "Government regains territory"},
		{"gunmen said to be soldiers are the soldiers", "Armed men believed to be soldiers beat a shopkeeper in the market.",
			"attack", "Violence against civilians", "Attack"},
		{"the doer after carried out by", "Five villagers were killed in an attack on Monday which was carried out by fighters of the militia.",
			"attack", "Violence against civilians", "Attack"},
		{"an air force's killing is an air strike", "The air force killed six civilians in a village near the border.",
			"airstrike", "Explosions/Remote violence", "Air/drone strike"},
		{"people set alight are attacked, not rioting", "Two men were set alight in the market for allegedly stealing a phone.",
			"attack", "Violence against civilians", "Attack"},
		{"a mob justice killing is violence against civilians", "A man was killed in a mob justice attack in the township on Sunday.",
			"attack", "Violence against civilians", "Attack"},
		{"a suicide bombing at a mosque hits civilians", "A suicide bomber blew himself up at a mosque during prayers, killing nine.",
			"bombing", "Violence against civilians", "Attack"},
		{"a suicide bombing at a checkpoint stays a suicide bomb", "A suicide bomber struck an army checkpoint, killing nine soldiers.",
			"bombing", "Explosions/Remote violence", "Suicide bomb"},
		{"bombs defused are disrupted weapons use", "Police discovered and defused two bombs near the bus station.",
			"", "Strategic developments", "Disrupted weapons use"},
		{"police taken hostage by a militia is a battle", "Four police officers were taken hostage by militiamen at a checkpoint.",
			"abduction", "Battles", "Armed clash"},
		{"police taken hostage by a self-defence group is a battle", "Three police officers were taken hostage by a self-defense group near the market.",
			"abduction", "Battles", "Armed clash"},
		{"troops shooting a fighter dead is a battle", "Troops shot dead a rebel fighter who tried to cross the border.",
			"killing", "Battles", "Armed clash"},
		{"gunmen killing a policeman stays an attack", "Gunmen shot dead a police officer in the market.",
			"killing", "Violence against civilians", "Attack"},
		{"looters attacking shops are rioting", "Looters targeted shops near the station on Monday.",
			"riot", "Riots", "Violent demonstration"},
		{"protesters attacking a police station are rioting", "Protesters attacked the police station in the town.",
			"riot", "Riots", "Violent demonstration"},
		{"a crowd attacking a person is violence against civilians", "Rioters attacked a trader in the market.",
			"attack", "Violence against civilians", "Attack"},
		{"party cadres attacking people are a political militia", "Ruling party cadres attacked three opposition candidates in the district.",
			"attack", "Violence against civilians", "Attack"},
		{"dead on both sides make an attack a fight", "Soldiers attacked herders near the river, and four were killed on both sides.",
			"attack", "Battles", "Armed clash"},
		{"one officer wounded is an armed side hit", "One officer was wounded in the head by gunfire near the station.",
			"attack", "Battles", "Armed clash"},
		{"an officer attacked at his home is a civilian to ACLED", "Militants stormed his home and wounded a police officer.",
			"attack", "Violence against civilians", "Attack"},
		{"most of a place taken", "The army has taken most of the old town.",
			"seizure", "Battles", "Government regains territory"},
		{"control won", "Government forces managed to control three districts of the city.",
			"seizure", "Battles", "Government regains territory"},
		{"armed men looting offices is a strategic development", "Armed men looted the offices of an aid agency in the town.",
			"attack", "Strategic developments", "Looting/property destruction"},
		{"the subject of 'after taking' takes the place", "Two soldiers were killed in clashes with the rebels after taking control of the bridge.",
			"seizure", "Battles", "Government regains territory"},
		{"a place entered with no fighting told", "Rebels moved into the town and occupied the mayor's office.",
			"seizure", "Strategic developments", "Non-violent transfer of territory"},
		{"troops taking a place regain it", "Troops took control of the town.",
			"seizure", "Battles", "Government regains territory"},
		{"a place taken in deadly fighting is overtaken", "Rebels took control of the town after clashes that killed five soldiers.",
			"seizure", "Battles", "Non-state actor overtakes territory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, "en", tt.text)
			checkSpans(t, tt.text, r)
			var e *event.Event
			if tt.typ == "" {
				if len(r.Events) == 0 {
					t.Fatalf("no event")
				}
				e = &r.Events[0]
			} else {
				e = mustFind(t, r, tt.typ)
			}
			if e.ACLED == nil || e.ACLED.EventType != tt.acledType || e.ACLED.SubEventType != tt.acledSub {
				t.Errorf("ACLED = %+v, want %s / %s", e.ACLED, tt.acledType, tt.acledSub)
			}
		})
	}
}

// TestEnglishWordsThatNameNoEvent: "broke out" after a conflict noun is
// no escape, and "clear" without an armed side after "of" takes nothing.
func TestEnglishWordsThatNameNoEvent(t *testing.T) {
	for _, tt := range []struct{ text, typ string }{
		{"Fighting broke out between two clans in the village on Monday.", "escape"},
		{"A fire broke out in the market on Monday.", "escape"},
		{"The minister made it clear that the rebels would be defeated.", "seizure"},
		{"Workers clear the roads of debris after the floods.", "seizure"},
	} {
		t.Run(tt.text, func(t *testing.T) {
			if e := find(code(t, "en", tt.text), tt.typ); e != nil {
				t.Errorf("coded a %s event: trigger %q", tt.typ, e.Trigger.Text)
			}
		})
	}
	e := mustFind(t, code(t, "en", "Two prisoners broke out of the jail on Monday."), "escape")
	if e.Trigger.Text != "broke out of" {
		t.Errorf("escape trigger = %q", e.Trigger.Text)
	}
}

// TestEnglishBackgroundEvents: an event that is the setting of the news
// or a retelling of it weighs less than the news.
func TestEnglishBackgroundEvents(t *testing.T) {
	tests := []struct{ name, text, news, background string }{
		{"the attack retells the shooting", "Gunmen shot two farmers near the river on Sunday. The attack is the latest in a dispute over land.",
			"Gunmen", "attack"},
		{"amid protests", "Soldiers shot three people in the town amid protests by residents.",
			"shot", "protests"},
		{"arrested and beat", "Police arrested and beat a journalist in the capital.",
			"beat", "arrested"},
		{"arrests after a shootout", "Soldiers and militants exchanged fire in the hills on Monday. Two suspects were arrested later.",
			"exchanged fire", "arrested"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, "en", tt.text)
			news, bg := byTrigger(t, r, tt.news), byTrigger(t, r, tt.background)
			if bg.Confidence >= news.Confidence {
				t.Errorf("%q conf %.2f >= %q conf %.2f", tt.background, bg.Confidence, tt.news, news.Confidence)
			}
		})
	}
}

// TestEnglishRelativeThat: a violent verb in a relative clause opened by
// "that" describes someone; the same verb as news keeps its confidence.
func TestEnglishRelativeThat(t *testing.T) {
	described := byTrigger(t, code(t, "en", "Residents gathered outside the house of the soldier that shot a boy."), "shot")
	told := byTrigger(t, code(t, "en", "The soldier shot a boy outside the house."), "shot")
	if described.Confidence >= told.Confidence {
		t.Errorf("relative clause conf %.2f >= news conf %.2f", described.Confidence, told.Confidence)
	}
}

// TestEnglishAgentAfterBy: the actor after "by" does the event, after a
// passive verb or a verb of doing, with a name or a possessive between.
func TestEnglishAgentAfterBy(t *testing.T) {
	for _, tt := range []struct{ text, trig, agent string }{
		{"A teacher was killed by the brigade's fighters near the school on Monday.", "was killed", "fighters"},
		{"A bus was reportedly attacked by Tuareg militiamen on the northern road.", "attacked", "militiamen"},
		{"Nine people died in an ambush which was carried out by allies of the rebels.", "ambush", "rebels"},
	} {
		t.Run(tt.text, func(t *testing.T) {
			e := byTrigger(t, code(t, "en", tt.text), tt.trig)
			for _, a := range e.Actors {
				if a.Text == tt.agent {
					if a.Role != "actor" {
						t.Errorf("%s: role %s, want actor", a.Text, a.Role)
					}
					return
				}
			}
			t.Errorf("no actor %q in %+v", tt.agent, e.Actors)
		})
	}
}

// TestEnglishFightOnBothSides: dead "on both sides" in the clashes told
// next make the attack told before them a battle.
func TestEnglishFightOnBothSides(t *testing.T) {
	r := code(t, "en", "Police attacked herders near the river on Monday. Some 12 people were killed on both sides in the clashes.")
	e := byTrigger(t, r, "attacked")
	if e.ACLED == nil || e.ACLED.EventType != "Battles" {
		t.Errorf("ACLED = %+v, want Battles", e.ACLED)
	}
	r = code(t, "en", "Police attacked herders near the river on Monday. Two officers were later suspended.")
	if e := byTrigger(t, r, "attacked"); e.ACLED == nil || e.ACLED.EventType != "Violence against civilians" {
		t.Errorf("no fight told: ACLED = %+v, want Violence against civilians", e.ACLED)
	}
}
