package server_test

import (
	"bytes"
	"context"
	"flag"
	"image/png"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/marsad-dev/marsad/internal/server"
	"github.com/marsad-dev/marsad/internal/store"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "write the map and event screenshots to docs/screenshots/")

// chromium finds Debian's chromium (or MARSAD_CHROMIUM).
func chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("MARSAD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium found (apt-get install chromium, or set MARSAD_CHROMIUM): skipping the browser test")
	return ""
}

// page is a headless browser tab with the console messages it logged.
type page struct {
	ctx  context.Context
	mu   sync.Mutex
	logs []chromedp.ConsoleMessage
}

func newPage(t testing.TB) *page {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatalf("start chromium: %v", err)
	}
	p := &page{ctx: ctx}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			p.mu.Lock()
			p.logs = append(p.logs, m)
			p.mu.Unlock()
		}
	}()
	return p
}

// do runs actions with a time limit.
func (p *page) do(t testing.TB, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v\nconsole: %v", what, err, p.console())
	}
}

func eval[T any](t testing.TB, p *page, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// wait waits until the page's view has rendered (body[data-ready=view]).
func (p *page) wait(t testing.TB, view string) {
	t.Helper()
	p.do(t, "wait for the "+view+" view", chromedp.WaitVisible(chromedp.CSS(`body[data-ready="`+view+`"]`)))
}

func (p *page) console() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, m := range p.logs {
		out = append(out, m.String())
	}
	return out
}

// problems lists the errors the page logged: exceptions, CSP violations,
// failed loads.
func (p *page) problems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, m := range p.logs {
		if m.IsException() || m.Type == chromedp.ConsoleError || strings.Contains(m.Text, "Content Security Policy") {
			out = append(out, m.String())
		}
	}
	return out
}

// screenshot saves the viewport as name.png in dir, checks that it is not
// blank and returns its path.
func (p *page) screenshot(t testing.TB, dir, name string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	colours := map[uint32]bool{}
	bd := img.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y += 2 {
		for x := bd.Min.X; x < bd.Max.X; x += 2 {
			r, g, b, _ := img.At(x, y).RGBA()
			colours[(r>>11)<<10|(g>>11)<<5|b>>11] = true
		}
	}
	if len(colours) < 24 {
		t.Errorf("screenshot %s looks blank: %d distinct colours", name, len(colours))
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s: %d distinct colours", path, len(colours))
	return path
}

func screenshotDir(t *testing.T) string {
	if d := os.Getenv("MARSAD_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// The report pasted into "Try it": written for this test, with markup
// that must show as text.
const tryReport = `Militants shelled the town of Maarat al-Numan on Friday, killing six civilians, the Syrian Observatory for Human Rights said. <script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">`

func TestBrowser(t *testing.T) {
	chromium(t)
	st := openSQLite(t)
	ts := demoServer(t, st, server.Config{})
	esc := conflicting(t, allEvents(t, ts, url.Values{}, "1000"))
	dir := screenshotDir(t)
	p := newPage(t)

	// The map: markers on an offline basemap.
	p.do(t, "open the page", chromedp.Navigate(ts.URL+"/"))
	p.wait(t, "main")
	p.do(t, "wait for markers", chromedp.WaitVisible(chromedp.CSS(".leaflet-marker-icon .mk-dot")))
	if n := eval[int](t, p, `document.querySelectorAll('.leaflet-marker-icon').length`); n == 0 {
		t.Error("no markers on the map")
	}
	if n := eval[int](t, p, `document.querySelectorAll('.leaflet-overlay-pane path').length`); n < 100 {
		t.Errorf("the basemap has %d country shapes", n)
	}
	if n := eval[int](t, p, `document.querySelectorAll('#timeline rect.bar').length`); n == 0 {
		t.Error("the timeline has no bars")
	}
	if n := eval[int](t, p, `document.querySelectorAll('#list .ev-row').length`); n == 0 {
		t.Error("the event list is empty")
	}
	mapShot := p.screenshot(t, dir, "map")

	// Brushing the timeline across its earliest bar narrows the list and
	// the map to those days.
	before := eval[int](t, p, markerTotal)
	r := eval[[]float64](t, p, `(() => {
		const bars = [...document.querySelectorAll('#timeline rect.bar')].sort((a, b) => a.dataset.day.localeCompare(b.dataset.day));
		const b = bars[0].getBoundingClientRect();
		return [b.left, b.right, b.top + b.height / 2];
	})()`)
	p.do(t, "brush the timeline",
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, r[0]-1, r[2], chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, (r[0]+r[1])/2, r[2], chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, r[1]+1, r[2], chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, r[1]+1, r[2], chromedp.ButtonLeft, chromedp.ClickCount(1)))
	p.wait(t, "main")
	rng := strings.Split(eval[string](t, p, `document.querySelector('#brush-range').textContent`), " – ")
	dates := eval[[]string](t, p, `[...document.querySelectorAll('#list .ev-date')].map((e) => e.textContent)`)
	if len(rng) != 2 || len(dates) == 0 {
		t.Fatalf("brushing: range %q, %d events listed", rng, len(dates))
	}
	for _, d := range dates {
		if d < rng[0] || d > rng[1] {
			t.Errorf("brushed %s to %s, the list shows an event of %s", rng[0], rng[1], d)
		}
	}
	if after := eval[int](t, p, markerTotal); after >= before || after == 0 {
		t.Errorf("brushing: the map counts %d events, %d before", after, before)
	}
	p.do(t, "clear the range", chromedp.Click(chromedp.CSS("#brush-clear")))
	p.wait(t, "main")

	// Clicking a marker shows its events; clicking one opens it.
	p.do(t, "click a marker", chromedp.Click(chromedp.CSS(".leaflet-marker-icon:not(.mk-cluster)")))
	p.do(t, "open an event from the popup",
		chromedp.WaitVisible(chromedp.CSS(".leaflet-popup .popup-event")),
		chromedp.Click(chromedp.CSS(".leaflet-popup .popup-event")))
	p.wait(t, "event")
	if h := eval[string](t, p, `document.querySelector('#event h2').textContent`); h == "" {
		t.Error("the event opened from the map has no heading")
	}

	// The escape event: every claim side by side, with the reconciliation.
	p.do(t, "back to the list", chromedp.Navigate(ts.URL+"/#/"))
	p.wait(t, "main")
	p.do(t, "open the escape event from the list", chromedp.Click(chromedp.CSS(`#list a[data-id="`+esc.ID+`"]`)))
	p.wait(t, "event")
	p.do(t, "wait for the source sentences", chromedp.WaitVisible(chromedp.CSS("#event .sentence")))
	values := eval[[]string](t, p, `(() => {
		for (const g of document.querySelectorAll('.claim-group')) {
			const vs = [...g.querySelectorAll('.claim .claim-value')].map((e) => e.textContent);
			if (new Set(vs).size >= 2) return vs;
		}
		return [];
	})()`)
	if len(values) < 2 {
		t.Errorf("the escape event shows no figure with two different claims; claim groups: %v",
			eval[[]string](t, p, `[...document.querySelectorAll('.claim-group')].map((g) => g.textContent)`))
	}
	if n := eval[int](t, p, `document.querySelectorAll('.claim-group .reconciliation').length`); n == 0 {
		t.Error("no reconciliation shown")
	}
	if n := eval[int](t, p, `document.querySelectorAll('#event .sentence mark.span').length`); n == 0 {
		t.Error("no highlighted spans in the source sentences")
	}
	if isArabic(esc) {
		rtl := eval[bool](t, p, `[...document.querySelectorAll('#event .sentence')].some((s) => s.dir === 'rtl' && getComputedStyle(s).direction === 'rtl')`)
		font := eval[bool](t, p, `document.fonts.ready.then(() => document.fonts.check('16px "Noto Naskh Arabic"', 'غويران'))`)
		if !rtl || !font {
			t.Errorf("Arabic sentences: right-to-left %v, Noto Naskh Arabic loaded %v", rtl, font)
		}
	}
	eventShot := p.screenshot(t, dir, "event")

	// Try it: a pasted report, markup and all, comes back coded and as text.
	p.do(t, "open Try it", chromedp.Navigate(ts.URL+"/#/try"))
	p.wait(t, "try")
	p.do(t, "paste and code a report",
		chromedp.SetValue(chromedp.CSS("#try-text"), tryReport),
		chromedp.Click(chromedp.CSS("#try-go")),
		chromedp.WaitVisible(chromedp.CSS("#try-out .sentences")))
	if n := eval[int](t, p, `document.querySelectorAll('#try-out .try-events .coded').length`); n == 0 {
		t.Errorf("Try it shows no events: %s", eval[string](t, p, `document.querySelector('#try-out').textContent`))
	}
	if !eval[bool](t, p, `document.querySelector('#try-out .sentences').textContent.includes('<script>window.__xss = 1</script>')`) {
		t.Error("the report's markup is not shown as text")
	}
	if eval[bool](t, p, `window.__xss !== undefined || document.querySelector('#try-out script, #try-out img') !== null`) {
		t.Error("markup in a pasted report was run or inserted as HTML")
	}
	p.screenshot(t, dir, "try")

	// Sites: standing figures.
	p.do(t, "open Sites", chromedp.Navigate(ts.URL+"/#/sites"))
	p.wait(t, "sites")
	if n := eval[int](t, p, `document.querySelectorAll('#sites .site').length`); n == 0 {
		t.Error("the sites view is empty")
	}
	p.screenshot(t, dir, "sites")

	// Arabic interface: right to left.
	p.do(t, "switch to Arabic", chromedp.Navigate(ts.URL+"/#/"))
	p.wait(t, "main")
	p.do(t, "click the language button", chromedp.Click(chromedp.CSS("#lang")))
	p.wait(t, "main")
	if dir := eval[string](t, p, `document.documentElement.dir`); dir != "rtl" {
		t.Errorf("Arabic interface: dir=%q", dir)
	}
	if nav := eval[string](t, p, `document.querySelector('nav a').textContent`); nav != "الأحداث" {
		t.Errorf("Arabic interface: first tab %q", nav)
	}
	p.screenshot(t, dir, "map-ar")
	p.do(t, "back to English", chromedp.Click(chromedp.CSS("#lang")))

	if probs := p.problems(); len(probs) > 0 {
		t.Errorf("the page logged errors:\n%s", strings.Join(probs, "\n"))
	}
	if *updateScreenshots {
		for _, f := range []string{mapShot, eventShot} {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			dst := filepath.Join("..", "..", "docs", "screenshots", filepath.Base(f))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// markerTotal sums the counts on the map's markers and clusters.
const markerTotal = `[...document.querySelectorAll('.leaflet-marker-icon .mk-dot')].reduce((s, e) => s + Number(e.textContent), 0)`

func isArabic(e store.Event) bool { return ghuwayran(e) != "Ghuwayran" }

// BenchmarkPageLoad measures loading the page in headless Chromium until
// the map, timeline and list have rendered, with the browser cache off.
func BenchmarkPageLoad(b *testing.B) {
	chromium(b)
	ts := demoServer(b, openSQLite(b), server.Config{})
	benchPageLoad(b, ts)
}

func benchPageLoad(b *testing.B, ts *httptest.Server) {
	p := newPage(b)
	p.do(b, "disable the cache", func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return chromedp.Void{}, err
		}
		_, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return chromedp.Void{}, err
	})
	for b.Loop() {
		p.do(b, "load", chromedp.Navigate("about:blank"), chromedp.Navigate(ts.URL+"/"))
		p.wait(b, "main")
	}
}

// BenchmarkPageLoadLarge loads the page on the synthetic record of the API
// benchmarks (see benchStore).
func BenchmarkPageLoadLarge(b *testing.B) {
	chromium(b)
	srv, err := server.New(server.Config{Store: benchStore(b)})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	benchPageLoad(b, ts)
}
