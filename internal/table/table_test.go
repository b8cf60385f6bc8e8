package table

import (
	"strings"
	"testing"
)

func TestWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"قصف", 3},
		{"قَصْفٌ", 3}, // harakat take no room
		{"\u2068قصف\u2069", 3},
		{"ﻹ", 1}, // a presentation-form ligature is one cell
		{"日本", 4},
		{"a\tb", 2},
	}
	for _, tt := range tests {
		if got := Width(tt.s); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestIsolate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Raqqa", "Raqqa"},
		{"الرقة", "\u2068الرقة\u2069"},
		{"killed=6 قتلى", "\u2068killed=6 قتلى\u2069"},
		{"שלום", "\u2068שלום\u2069"},
		{"١٢٣", "١٢٣"}, // Arabic-Indic digits are not strong letters
	}
	for _, tt := range tests {
		if got := Isolate(tt.in); got != tt.want {
			t.Errorf("Isolate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		s    string
		w    int
		want string
	}{
		{"abcdef", 10, "abcdef"},
		{"abcdef", 4, "abc…"},
		{"قَصْفٌ مدفعي", 4, "قَصْفٌ…"},
	}
	for _, tt := range tests {
		got := Truncate(tt.s, tt.w)
		if got != tt.want || Width(got) > tt.w {
			t.Errorf("Truncate(%q, %d) = %q (width %d), want %q", tt.s, tt.w, got, Width(got), tt.want)
		}
	}
}

// TestAligned checks that every column starts at the same display column
// on every row, whatever the script and the harakat.
func TestAligned(t *testing.T) {
	var tb Table
	tb.Add("type", "place", "evidence")
	tb.Add("shelling", "الرقة", "قَصَفَت المدفعية")
	tb.Add("escape", "Ain Issa camp", "فرار")
	tb.Add("x", "-", "last\ncell")
	tb.Add("y", "z", "")
	var b strings.Builder
	if _, err := tb.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines:\n%s", len(lines), b.String())
	}
	// Display column where each row's third cell starts.
	start := func(line string) int {
		stripped := strings.NewReplacer(fsi, "", pdi, "").Replace(line)
		fields := 0
		col := 0
		prevSpace := 0
		for _, r := range stripped {
			if r == ' ' {
				prevSpace++
			} else {
				if prevSpace >= 2 {
					fields++
					if fields == 2 {
						return col
					}
				}
				prevSpace = 0
			}
			col += runeWidth(r)
		}
		return -1
	}
	want := start(lines[0])
	for _, l := range lines[1:4] {
		if got := start(l); got != want {
			t.Errorf("third column starts at %d, want %d:\n%s", got, want, b.String())
		}
	}
	if !strings.Contains(lines[1], fsi+"الرقة"+pdi) {
		t.Errorf("Arabic cell not isolated: %q", lines[1])
	}
	for _, l := range lines {
		if strings.HasSuffix(l, " ") {
			t.Errorf("trailing blanks: %q", l)
		}
	}
	if strings.Contains(b.String(), "last\ncell") || tb.Len() != 0 {
		t.Errorf("cell with a newline or rows kept:\n%s", b.String())
	}
}
