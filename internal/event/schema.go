package event

// Result is what extract produces for one document.
type Result struct {
	ID        string   `json:"id"`
	Lang      string   `json:"lang"`
	Published string   `json:"published,omitempty"` // YYYY-MM-DD
	Events    []Event  `json:"events"`
	Figures   []Figure `json:"figures"`
}

// Event is one event as coded from one document (a mention, before merging
// across documents). Every field that comes from the text carries the byte
// span that produced it.
type Event struct {
	ID            string       `json:"id,omitempty"`
	Type          string       `json:"type"`
	Plover        *string      `json:"plover"`
	PloverMode    *string      `json:"plover_mode"`
	ACLED         *ACLED       `json:"acled"`
	Date          *string      `json:"date"` // YYYY-MM-DD, YYYY-MM or YYYY
	DatePrecision string       `json:"date_precision,omitempty"`
	DateSpan      *Span        `json:"date_span,omitempty"`
	Location      *Location    `json:"location"`
	Actors        []Actor      `json:"actors"`
	Counts        []Count      `json:"counts"`
	Modality      string       `json:"modality"`
	Attribution   []Attributed `json:"attribution"`
	Evidence      []Evidence   `json:"evidence"`
	Trigger       *Evidence    `json:"trigger,omitempty"`
	Confidence    float64      `json:"confidence"`
}

// Span is a byte range [Start, End) into the original document text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// ACLED is an ACLED event type and sub-event type, with ACLED's exact names.
type ACLED struct {
	EventType    string `json:"event_type"`
	SubEventType string `json:"sub_event_type"`
}

// Location is where an event happened, resolved against the gazetteer.
type Location struct {
	Name         string   `json:"name"`
	NameAR       string   `json:"name_ar,omitempty"`
	Admin1       string   `json:"admin1,omitempty"`
	Admin2       string   `json:"admin2,omitempty"`
	Country      string   `json:"country,omitempty"` // ISO 3166-1 alpha-2
	Lat          *float64 `json:"lat"`
	Lon          *float64 `json:"lon"`
	Precision    string   `json:"precision,omitempty"`     // site, town, admin3, admin2, admin1, region, country
	GeoPrecision int      `json:"geo_precision,omitempty"` // ACLED: 1 place itself, 2 near/part of region, 3 larger area
	GazetteerID  string   `json:"gazetteer_id,omitempty"`
	Relation     string   `json:"relation,omitempty"` // "", near, west_of, ...
	Confidence   float64  `json:"confidence,omitempty"`
	Alternatives []string `json:"alternatives,omitempty"` // gazetteer ids of other candidates
	Text         string   `json:"text,omitempty"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
}

// Actor is a participant in an event.
type Actor struct {
	Role  string `json:"role"` // actor, target, victim, subject
	Name  string `json:"name"` // normalised name from the dictionary
	Kind  string `json:"kind,omitempty"`
	Code  string `json:"code,omitempty"` // dictionary id
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Count is a number attached to an event: killed, escaped, ...
type Count struct {
	What   string   `json:"what"` // killed, injured, escaped, detained, released, transferred, displaced, participants, other
	Value  float64  `json:"value"`
	Min    *float64 `json:"min,omitempty"`
	Max    *float64 `json:"max,omitempty"`
	Approx bool     `json:"approx"`
	Text   string   `json:"text"`
	Start  int      `json:"start"`
	End    int      `json:"end"`
}

// Attributed says who says so: a person, body or outlet, as written, with a
// normalised speaker name.
type Attributed struct {
	Speaker string `json:"speaker"`
	Kind    string `json:"kind,omitempty"`
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Evidence is a span of the original text supporting an event.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Figure is a standing quantity rather than an event: detainees held at a
// site, camps in a region, nationalities represented.
type Figure struct {
	What        string       `json:"what"`
	Value       float64      `json:"value"`
	Min         *float64     `json:"min,omitempty"`
	Max         *float64     `json:"max,omitempty"`
	Approx      bool         `json:"approx"`
	Location    *Location    `json:"location"`
	Date        *string      `json:"date"`
	Attribution []Attributed `json:"attribution"`
	Evidence    []Evidence   `json:"evidence"`
	Text        string       `json:"text"`
	Start       int          `json:"start"`
	End         int          `json:"end"`
}

// Modalities, in the order of the schema.
const (
	Asserted     = "asserted"
	Claimed      = "claimed"
	Denied       = "denied"
	Feared       = "feared"
	Warned       = "warned"
	Planned      = "planned"
	Hypothetical = "hypothetical"
)

// Types lists marsad's event types.
var Types = []string{
	"attack", "airstrike", "shelling", "bombing", "killing", "abduction", "arrest", "escape",
	"release", "transfer", "offensive", "seizure", "agreement", "statement", "protest", "riot",
	"displacement",
}
