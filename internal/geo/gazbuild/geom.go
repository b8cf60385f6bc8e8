package gazbuild

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
)

// feature is one GeoJSON feature with its properties kept raw.
type feature struct {
	Properties map[string]any `json:"properties"`
	Geometry   struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
	polys [][][][2]float64 // polygons → rings → points (lon, lat)
	point [2]float64
}

func readGeoJSON(path string) ([]*feature, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var fc struct {
		Features []*feature `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	for _, f := range fc.Features {
		switch f.Geometry.Type {
		case "Point":
			if err := json.Unmarshal(f.Geometry.Coordinates, &f.point); err != nil {
				return nil, fmt.Errorf("parse %s point: %w", path, err)
			}
		case "Polygon":
			var p [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				return nil, fmt.Errorf("parse %s polygon: %w", path, err)
			}
			f.polys = [][][][2]float64{p}
		case "MultiPolygon":
			if err := json.Unmarshal(f.Geometry.Coordinates, &f.polys); err != nil {
				return nil, fmt.Errorf("parse %s multipolygon: %w", path, err)
			}
		}
	}
	return fc.Features, nil
}

func (f *feature) str(k string) string {
	if v, ok := f.Properties[k].(string); ok {
		return v
	}
	return ""
}

// centroid returns the area-weighted centroid (lat, lon) of the feature's
// largest polygon's outer ring, or its point.
func (f *feature) centroid() (lat, lon float64) {
	if len(f.polys) == 0 {
		return f.point[1], f.point[0]
	}
	best, bestA := -1, 0.0
	for i, p := range f.polys {
		if len(p) == 0 {
			continue
		}
		if a := math.Abs(ringArea(p[0])); best < 0 || a > bestA {
			best, bestA = i, a
		}
	}
	ring := f.polys[best][0]
	var cx, cy, a float64
	for i := 0; i+1 < len(ring); i++ {
		x0, y0, x1, y1 := ring[i][0], ring[i][1], ring[i+1][0], ring[i+1][1]
		c := x0*y1 - x1*y0
		a += c
		cx += (x0 + x1) * c
		cy += (y0 + y1) * c
	}
	if a == 0 {
		return ring[0][1], ring[0][0]
	}
	a /= 2
	return cy / (6 * a), cx / (6 * a)
}

func ringArea(r [][2]float64) float64 {
	var a float64
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return a / 2
}

// contains reports whether the point lies inside the feature's polygons.
func (f *feature) contains(lat, lon float64) bool {
	for _, p := range f.polys {
		if len(p) == 0 || !inRing(p[0], lon, lat) {
			continue
		}
		hole := false
		for _, h := range p[1:] {
			if inRing(h, lon, lat) {
				hole = true
				break
			}
		}
		if !hole {
			return true
		}
	}
	return false
}

func inRing(r [][2]float64, x, y float64) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		xi, yi, xj, yj := r[i][0], r[i][1], r[j][0], r[j][1]
		if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}

// distKm is the great-circle distance between two points.
func distKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
