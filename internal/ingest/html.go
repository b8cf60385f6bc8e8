package ingest

import (
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/marsad-dev/marsad/internal/text"
)

// htmlMeta is what the page says about itself in its head.
type htmlMeta struct {
	title, ogTitle, site, published, timeTag, canonical, lang string
}

// publishedMeta lists <meta> names and properties that carry the
// publication date, best first.
var publishedMeta = []string{
	"article:published_time", "og:published_time", "datepublished",
	"pubdate", "publishdate", "publish-date", "date", "dc.date",
	"dc.date.issued", "dcterms.created", "sailthru.date",
}

func scanMeta(n *html.Node) htmlMeta {
	var m htmlMeta
	dates := map[string]string{}
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				if m.lang == "" {
					m.lang = attr(n, "lang")
				}
			case "title":
				if m.title == "" {
					m.title = strings.TrimSpace(render.InnerText(n))
					if m.title == "" && n.FirstChild != nil {
						m.title = strings.TrimSpace(n.FirstChild.Data)
					}
				}
			case "meta":
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				val := strings.TrimSpace(attr(n, "content"))
				if val == "" {
					break
				}
				switch key {
				case "og:title":
					m.ogTitle = first(m.ogTitle, val)
				case "og:site_name", "application-name":
					m.site = first(m.site, val)
				case "og:url":
					m.canonical = first(m.canonical, val)
				default:
					if _, ok := dates[key]; !ok {
						dates[key] = val
					}
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					m.canonical = first(attr(n, "href"), m.canonical)
				}
			case "time":
				if m.timeTag == "" {
					m.timeTag = strings.TrimSpace(attr(n, "datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	for _, k := range publishedMeta {
		if v := dates[k]; v != "" {
			m.published = v
			break
		}
	}
	return m
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// safeExtractHTML is extractHTML with a panic in a parsing library turned
// into an error, so one hostile page cannot stop a run.
func safeExtractHTML(src, pageURL string) (doc text.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: HTML extraction failed: %v", ErrNoText, r)
		}
	}()
	return extractHTML(src, pageURL)
}

// extractHTML returns the main text of a page (readability), with title,
// outlet, publication date, language and canonical URL from its meta tags.
// When readability finds no article (short or truncated pages) the visible
// text of the body is used; a page with no text at all is ErrNoText.
func extractHTML(src, pageURL string) (text.Document, error) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return text.Document{}, fmt.Errorf("%w: parse HTML: %v", ErrNoText, err)
	}
	m := scanMeta(root)
	var u *url.URL
	if pageURL != "" {
		u, _ = url.Parse(pageURL)
	}
	p := readability.NewParser()
	art, rerr := p.ParseAndMutate(root, u)
	var body string
	if rerr == nil && art.Node != nil {
		body = cleanText(render.InnerText(art.Node))
	}
	if body == "" {
		// Readability removed everything (or failed): take all visible
		// text of a fresh parse.
		if root2, err := html.Parse(strings.NewReader(src)); err == nil {
			body = cleanText(render.InnerText(root2))
		}
	}
	if body == "" {
		return text.Document{}, fmt.Errorf("%w: HTML page has no visible text (empty or truncated before the body?)", ErrNoText)
	}
	doc := text.Document{Text: body, URL: pageURL, Lang: langTag(m.lang)}
	if m.canonical != "" {
		doc.URL = m.canonical
	}
	doc.Title = first(first(m.ogTitle, art.Title()), m.title)
	doc.Source = first(m.site, art.SiteName())
	for _, d := range []string{m.published, m.timeTag} {
		if d == "" {
			continue
		}
		if t, err := ParseTime(d); err == nil {
			doc.Published = t
			break
		}
	}
	if doc.Published.IsZero() && rerr == nil {
		if t, err := art.PublishedTime(); err == nil {
			doc.Published = t
		}
	}
	return doc, nil
}

// fragmentText renders an HTML fragment (a feed item's content) as text.
func fragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return cleanText(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return cleanText(s)
	}
	div := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, n := range nodes {
		div.AppendChild(n)
	}
	return cleanText(render.InnerText(div))
}

// cleanText trims lines and drops runs of blank lines beyond one.
func cleanText(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// langTag reduces a language tag to its primary subtag ("en-US" → "en").
func langTag(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	return s
}
