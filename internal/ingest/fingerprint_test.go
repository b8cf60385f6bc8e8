package ingest

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// Wire stories written for this test: each group is one story as several
// outlets might run it (datelines, credits, a sentence added or dropped, a
// word changed, spelling variants); the groups are different stories on
// similar topics.
var wireGroups = [][]string{
	{
		`Gunmen attacked a police checkpoint on the road south of the city late on Tuesday, killing three officers and wounding five others, the interior ministry said in a statement. The ministry said the attackers fled in two vehicles towards the hills and that security forces had launched a search operation in the area. No group has claimed responsibility for the attack, the third on security forces in the province this month. Local officials said the wounded officers were taken to the main hospital in the city, where two of them were in a serious condition.`,
		`CITY (Wire) - Gunmen attacked a police checkpoint on the road south of the city late on Tuesday, killing three officers and wounding five others, the interior ministry said in a statement. The ministry said the attackers fled in two vehicles towards the hills and that security forces had launched a search operation in the area. No group has claimed responsibility for the attack, the third on security forces in the province this month. Local officials said the wounded officers were taken to the main hospital in the city, where two of them were in a serious condition. (Reporting by A. Writer; editing by B. Editor)`,
		`Gunmen attacked a police checkpoint on a road south of the city late on Tuesday, killing three officers and wounding five others, the interior ministry said. The ministry said the attackers fled in two vehicles towards the hills and that security forces launched a search operation in the area. No group has claimed responsibility for the attack, the third on security forces in the province this month. Local officials said the wounded officers were taken to the main hospital in the city, where two of them were in a serious condition.`,
		`Gunmen attacked a police checkpoint on the road south of the city late on Tuesday, killing three officers and wounding five others, the interior ministry said in a statement. The ministry said the attackers fled in two vehicles towards the hills and that security forces had launched a search operation in the area. No group has claimed responsibility for the attack, the third on security forces in the province this month. Local officials said the wounded officers were taken to the main hospital in the city, where two of them were in a serious condition. The province has seen a rise in violence since the spring.`,
	},
	{
		`قالت وزارة الصحة إن ثلاثة مدنيين قتلوا وأصيب سبعة آخرون في قصف مدفعي استهدف قرية قرب الحدود صباح الخميس. وأضافت الوزارة في بيان أن بين الجرحى طفلين نقلا إلى مستشفى المدينة في حالة حرجة. وأفاد سكان بأن القذائف سقطت على منازل وسط القرية وأن عائلات عدة غادرت إلى القرى المجاورة. ولم يصدر تعليق فوري من الجيش على الحادث، فيما دعت منظمات محلية إلى فتح تحقيق مستقل.`,
		`(وكالة المثال) - قالت وزارة الصحة إن ثلاثة مدنيين قُتلوا وأُصيب سبعة آخرون في قصف مدفعي استهدف قرية قرب الحدود صباح الخميس. وأضافت الوزارة في بيان أن بين الجرحى طفلين نقلا إلى مستشفى المدينة في حالة حرجة. وأفاد سكان بأن القذائف سقطت على منازل وسط القرية وأن عائلات عدة غادرت إلى القرى المجاورة. ولم يصدر تعليق فوري من الجيش على الحادث، فيما دعت منظمات محلية إلى فتح تحقيق مستقل.`,
		`قالت وزارة الصحة ان ثلاثة مدنيين قتلوا واصيب سبعة اخرون في قصف مدفعي استهدف قرية قرب الحدود صباح الخميس. واضافت الوزارة في بيان ان بين الجرحى طفلين نقلا الى مستشفى المدينة في حالة حرجة. وأفاد سكان بأن القذائف سقطت على منازل وسط القرية. ولم يصدر تعليق فوري من الجيش على الحادث، فيما دعت منظمات محلية إلى فتح تحقيق مستقل.`,
	},
	{
		`Police arrested twelve people after clashes broke out between protesters and security forces outside the parliament on Saturday, a police spokesman said. Several hundred demonstrators had gathered to protest against a rise in fuel prices announced last week. The spokesman said four officers were slightly hurt by stones and that the arrested would appear before a judge on Monday. Opposition parties condemned the arrests and called for another rally next Friday.`,
		`Police arrested 12 people after clashes broke out between protesters and security forces outside parliament on Saturday, a police spokesman said. Several hundred demonstrators had gathered to protest against a rise in fuel prices announced last week. The spokesman said four officers were slightly hurt by stones and that those arrested would appear before a judge on Monday. Opposition parties condemned the arrests and called for another rally next Friday.`,
	},
	{
		`Gunmen attacked an army checkpoint on the road north of the town early on Friday, killing two soldiers, the defence ministry said. The ministry said troops returned fire and killed one of the attackers, while the others escaped on motorcycles. The attack came a day after the army announced the end of an operation in the border region. Residents said the road remained closed on Friday afternoon.`,
	},
	{
		`قالت الشرطة إنها اعتقلت خمسة أشخاص يشتبه في تورطهم في تفجير سيارة مفخخة قرب سوق شعبي مساء الأحد. وأوضح متحدث باسم الشرطة أن الانفجار لم يسفر عن إصابات لأن السوق كان مغلقا. وأضاف أن المعتقلين ينتمون إلى خلية نشطت في المنطقة خلال الأشهر الماضية، وأن التحقيقات مستمرة.`,
	},
}

func TestSimHashWireVariants(t *testing.T) {
	type fp struct {
		g, i int
		h    uint64
	}
	var all []fp
	for g, grp := range wireGroups {
		for i, s := range grp {
			_, h := Fingerprint(s)
			all = append(all, fp{g, i, h})
		}
	}
	// Each variant is near its story's first version; all pairs of
	// different stories are not near.
	maxVar, maxSame, minDiff := 0, 0, 64
	var row strings.Builder
	for a := range all {
		row.Reset()
		for b := range all {
			d := bits.OnesCount64(all[a].h ^ all[b].h)
			fmt.Fprintf(&row, "%3d", d)
			if b <= a {
				continue
			}
			switch {
			case all[a].g != all[b].g:
				minDiff = min(minDiff, d)
			case all[a].i == 0:
				maxVar = max(maxVar, d)
			default:
				maxSame = max(maxSame, d)
			}
		}
		t.Logf("story %d.%d %s", all[a].g, all[a].i, row.String())
	}
	t.Logf("Hamming distance: variant to first version ≤ %d, between variants ≤ %d, different stories ≥ %d (threshold %d)", maxVar, maxSame, minDiff, DefaultMaxHamming)
	if maxVar > DefaultMaxHamming || minDiff <= DefaultMaxHamming {
		t.Errorf("threshold %d does not separate variants (max %d) from different stories (min %d)", DefaultMaxHamming, maxVar, minDiff)
	}
	// The Grouper puts each story's variants in one group and different
	// stories in different groups.
	g := NewGrouper(DefaultMaxHamming, 0)
	groupOf := map[int]int{}
	for _, f := range all {
		got := g.Add(f.h)
		if want, ok := groupOf[f.g]; ok && got != want {
			t.Errorf("story %d variant %d: group %d, want %d", f.g, f.i, got, want)
		}
		groupOf[f.g] = got
	}
	if g.Groups() != len(wireGroups) {
		t.Errorf("%d groups for %d stories", g.Groups(), len(wireGroups))
	}
}

func TestFingerprintNormalises(t *testing.T) {
	base, _ := Fingerprint("قالت الشرطة إن الانفجار وقع في السوق.")
	same := []string{
		"قالت  الشُّرطة إنّ الانفجار وقع في السـوق",
		"قالت الشرطة ان الانفجار وقع في السوق!",
		"\nقالت الشرطة إن\tالانفجار وقع في السوق.\n",
	}
	for _, s := range same {
		if h, _ := Fingerprint(s); h != base {
			t.Errorf("Fingerprint(%q) differs from the base text", s)
		}
	}
	if h, _ := Fingerprint("قالت الشرطة إن الانفجار وقع في المطار."); h == base {
		t.Error("a changed word kept the hash")
	}
	if _, s := Fingerprint(""); s != 0 {
		t.Errorf("empty text SimHash %x", s)
	}
	if _, s := Fingerprint("one two"); s == 0 {
		t.Error("two-word text has zero SimHash")
	}
}

func TestNear(t *testing.T) {
	tests := []struct {
		a, b uint64
		k    int
		want bool
	}{
		{0, 0, 0, true},
		{0, 1, 0, false},
		{0, 0b111, 3, true},
		{0, 0b1111, 3, false},
		{^uint64(0), 0, 63, false},
		{^uint64(0), 0, 64, true},
	}
	for _, tc := range tests {
		if got := Near(tc.a, tc.b, tc.k); got != tc.want {
			t.Errorf("Near(%x, %x, %d) = %v", tc.a, tc.b, tc.k, got)
		}
	}
}

// TestGrouperMatchesBruteForce checks the banded index against comparing
// every pair.
func TestGrouperMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, k := range []int{0, 3, 8, 12, 17} {
		var hs []uint64
		for range 300 {
			if len(hs) > 0 && rng.IntN(2) == 0 {
				h := hs[rng.IntN(len(hs))]
				for range rng.IntN(k + 3) {
					h ^= 1 << rng.IntN(64)
				}
				hs = append(hs, h)
			} else {
				hs = append(hs, rng.Uint64())
			}
		}
		g := NewGrouper(k, 0)
		var groups []int
		for i, h := range hs {
			want := -1
			for j := range i {
				if Near(h, hs[j], k) {
					want = groups[j]
					break
				}
			}
			got := g.Add(h)
			if want >= 0 && got != want {
				t.Fatalf("k=%d: hash %d: group %d, brute force %d", k, i, got, want)
			}
			if want < 0 && got != g.Groups()-1 {
				t.Fatalf("k=%d: hash %d: joined group %d, brute force finds no near hash", k, i, got)
			}
			groups = append(groups, got)
		}
	}
}

func TestGrouperWindow(t *testing.T) {
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	g := NewGrouper(3, 48*time.Hour)
	tests := []struct {
		h    uint64
		t    time.Time
		want int
	}{
		{0xF0F0, day, 0},
		{0xF0F1, day.Add(24 * time.Hour), 0},      // near, within the window
		{0xF0F0, day.Add(10 * 24 * time.Hour), 1}, // same hash, ten days later
		{0xF0F3, time.Time{}, 0},                  // unknown time matches any
		{0x0F0F, day, 2},                          // far
	}
	for i, tc := range tests {
		if got := g.AddAt(tc.h, tc.t); got != tc.want {
			t.Errorf("%d: group %d, want %d", i, got, tc.want)
		}
	}
}

func BenchmarkFingerprint(b *testing.B) {
	s := strings.Repeat(wireGroups[1][0]+" "+wireGroups[0][0]+" ", 3)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Fingerprint(s)
	}
}

// BenchmarkGrouperAdd measures Add into a Grouper already holding n random
// hashes (the cost grows with n: see Grouper).
func BenchmarkGrouperAdd(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		for _, k := range []int{8, 12} {
			b.Run(fmt.Sprintf("n=%d/k=%d", n, k), func(b *testing.B) {
				rng := rand.New(rand.NewPCG(3, 4))
				g := NewGrouper(k, 0)
				for range n {
					g.Add(rng.Uint64())
				}
				for b.Loop() {
					g.Add(rng.Uint64())
				}
			})
		}
	}
}
