package geo

// Cue tables. Arabic entries are matching keys (arabic.Key); English entries
// are lower case.

// featureCues maps a word written before a name to the kind it announces.
var featureCues = map[string]string{
	"مدينه": City, "المدينه": City, "مدن": City, "مدينتي": City, "عاصمه": City, "العاصمه": City,
	"بلده": Town, "بلدات": Town, "البلده": Town, "بلدتي": Town,
	"قريه": Village, "قري": Village, "القريه": Village, "قريتي": Village,
	"مخيم": Camp, "مخيمات": Camp, "مخيمي": Camp, "معسكر": Camp,
	"سجن": Prison, "سجون": Prison, "سجني": Prison, "معتقل": Prison,
	"محافظه": Admin1, "محافظات": Admin1, "محافظتي": Admin1, "ولايه": Admin1, "اقليم": Region,
	"منطقه": Region, "مناطق": Region, "ناحيه": Admin3, "قضاء": Admin2,
	"حي": Neighbourhood, "احياء": Neighbourhood, "حيي": Neighbourhood,
	"معبر": Crossing, "منفذ": Crossing,
	// English, written before: "the town of X", "village of X"
	"city": City, "town": Town, "village": Village, "villages": Village, "camp": Camp,
	"prison": Prison, "province": Admin1, "governorate": Admin1, "district": Admin2,
	"neighbourhood": Neighbourhood, "neighborhood": Neighbourhood, "crossing": Crossing, "region": Region,
}

// afterCues maps an English word written after a name to the kind it
// announces: "al-Hol camp", "Idlib province".
var afterCues = map[string]string{
	"camp": Camp, "prison": Prison, "province": Admin1, "governorate": Admin1, "district": Admin2,
	"city": City, "town": Town, "village": Village, "region": Region, "crossing": Crossing,
	"neighbourhood": Neighbourhood, "neighborhood": Neighbourhood, "countryside": "countryside",
}

// weakCues are prepositions and verbs of place that make a following
// capitalised or rare name likely a place.
var weakCues = map[string]bool{
	"في": true, "من": true, "الي": true, "قرب": true, "نحو": true, "داخل": true, "حول": true, "بين": true,
	"عن": true, "باتجاه": true, "مدخل": true, "شوارع": true, "ريف": true, "محيط": true, "اطراف": true,
	"ضواحي": true, "مشارف": true, "جنوب": true, "شمال": true, "شرق": true, "غرب": true, "وسط": true,
	"in": true, "at": true, "near": true, "from": true, "to": true, "into": true, "outside": true,
	"across": true, "around": true, "toward": true, "towards": true, "of": true, "between": true, "via": true,
	"inside": true, "outskirts": true, "besieged": true, "rebel-held": true,
}

// bearings maps a direction word to degrees clockwise from north.
var bearings = map[string]float64{
	"شمال": 0, "شمالي": 0, "الشمالي": 0, "الشماليه": 0,
	"جنوب": 180, "جنوبي": 180, "الجنوبي": 180, "الجنوبيه": 180,
	"شرق": 90, "شرقي": 90, "الشرقي": 90, "الشرقيه": 90,
	"غرب": 270, "غربي": 270, "الغربي": 270, "الغربيه": 270,
	"north": 0, "south": 180, "east": 90, "west": 270,
	"northeast": 45, "north-east": 45, "northwest": 315, "north-west": 315,
	"southeast": 135, "south-east": 135, "southwest": 225, "south-west": 225,
	"northern": 0, "southern": 180, "eastern": 90, "western": 270,
	"northeastern": 45, "northwestern": 315, "southeastern": 135, "southwestern": 225,
	"north-eastern": 45, "north-western": 315, "south-eastern": 135, "south-western": 225,
}

// nearCues are words before a name meaning near it; the value is the relation.
var nearCues = map[string]string{
	"قرب": "near", "مقربه": "near", "القرب": "near", "محيط": "near", "جوار": "near",
	"اطراف": "outskirts", "ضواحي": "outskirts", "مشارف": "outskirts", "تخوم": "outskirts",
	"near": "near", "outskirts": "outskirts", "outside": "near", "nearby": "near", "suburbs": "outskirts",
	"close": "near",
}

// distanceUnits maps a unit word to kilometres.
var distanceUnits = map[string]float64{
	"كم": 1, "كلم": 1, "كيلومتر": 1, "كيلومترات": 1, "كيلومترا": 1, "كيلو": 1, "كيلومتراً": 1,
	"km": 1, "kms": 1, "kilometres": 1, "kilometers": 1, "kilometre": 1, "kilometer": 1,
	"miles": 1.609, "mile": 1.609, "mi": 1.609, "ميل": 1.609, "اميال": 1.609, "متر": 0.001, "m": 0.001, "metres": 0.001, "meters": 0.001,
}

// relationName returns the relation for a bearing: north_of, … for a point
// anchor; northern, … (part of the area) for an area anchor.
func relationName(deg float64, area bool) string {
	pts := []string{"north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest"}
	i := int((deg+22.5)/45) % 8
	if area {
		return pts[i] + "ern"
	}
	return pts[i] + "_of"
}

// kindBase is the prior of a kind before population and context.
var kindBase = map[string]float64{
	Country: 3.5, Region: 2.6, City: 3.0, Admin1: 2.0, Town: 2.2, Admin2: 1.6, Admin3: 1.2,
	Camp: 1.6, Prison: 1.6, Crossing: 1.6, Site: 1.6, Village: 1.0, Neighbourhood: 0.6,
}

// cueFits reports whether an entry kind fits a feature cue.
func cueFits(cue, kind string) bool {
	switch cue {
	case City:
		return kind == City || kind == Town
	case Town:
		return kind == Town || kind == City || kind == Village
	case Village:
		return kind == Village || kind == Town
	case Region:
		return kind == Region || kind == Admin1 || kind == Admin2 || kind == Admin3
	case Admin1:
		return kind == Admin1 || kind == Region
	case Admin2:
		return kind == Admin2 || kind == Admin1
	}
	return cue == kind
}

// cueWord is what the cue tables say of one key.
type cueWord struct {
	rif        bool   // ريف or الريف: countryside
	feature    string // featureCues
	weak       bool   // weakCues
	near       string // nearCues
	bearing    float64
	hasBearing bool // bearings
}

// cueWords joins the cue tables by key, so that a key is looked up once.
var cueWords = func() map[string]cueWord {
	m := map[string]cueWord{}
	set := func(k string, f func(*cueWord)) {
		w := m[k]
		f(&w)
		m[k] = w
	}
	for _, k := range []string{"ريف", "الريف"} {
		set(k, func(w *cueWord) { w.rif = true })
	}
	for k, f := range featureCues {
		set(k, func(w *cueWord) { w.feature = f })
	}
	for k, v := range weakCues {
		set(k, func(w *cueWord) { w.weak = v })
	}
	for k, r := range nearCues {
		set(k, func(w *cueWord) { w.near = r })
	}
	for k, b := range bearings {
		set(k, func(w *cueWord) { w.bearing, w.hasBearing = b, true })
	}
	return m
}()
