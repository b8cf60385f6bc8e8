package geo

import (
	"math/rand/v2"
	"testing"
)

// TestNearTest checks the flat-earth shortcut against haversine on random
// pairs of points up to 0.6° of latitude apart.
func TestNearTest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 200000 {
		lat := rng.Float64()*170 - 85
		lon := rng.Float64()*360 - 180
		// half the pairs close, to test the band's edges
		span := 0.6
		if i%2 == 0 {
			span = 0.01
		}
		lat2 := lat + (rng.Float64()*2-1)*span
		lon2 := lon + (rng.Float64()*2-1)*span*3
		if lon2 > 180 {
			lon2 -= 360
		}
		dk := haversine(lat, lon, lat2, lon2)
		want := dk < 60 && dk > 0.5
		near := newNearTest(lat, lon)
		if got := near.within(lat2, lon2); got != want {
			t.Fatalf("(%v,%v)-(%v,%v): %.3f km, within %v", lat, lon, lat2, lon2, dk, got)
		}
	}
}
