package rules

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	json "yibao/internal/jsonx"
)

// The binaries hold the rules data (data/*.json) in a form read without a
// JSON decoder: decoding the 250 KB of JSON with encoding/json was about
// a tenth of a second of a cold start in app.wasm at 4× CPU, before the
// first answer. The form is each field's text in a fixed order, ended by
// fieldEnd; a number in decimal; a list as its length, then its items.
// One function per type says the order, both to write (go generate, from
// the JSON files) and to read (Default, messages): dataCodec. The tests
// check that what is read is what the JSON files say
// (TestGeneratedDataIsTheFiles).

// fieldEnd ends each field, and a line break each record (a document, a
// value, a message). No text of the data may contain fieldEnd.
const fieldEnd = '\x00'

// dataCodec writes (enc) or reads the fields of the data.
type dataCodec struct {
	enc bool
	out strings.Builder
	in  string
	err error
}

// decodeData reads data with code, which describes one file.
func decodeData(data string, code func(*dataCodec)) error {
	c := &dataCodec{in: data}
	code(c)
	if c.err == nil && c.in != "" {
		c.err = fmt.Errorf("%d bytes after the last field", len(c.in))
	}
	if c.err != nil {
		return fmt.Errorf("rules data: %v", c.err)
	}
	return nil
}

// encodeData writes what code describes.
func encodeData(code func(*dataCodec)) (string, error) {
	c := &dataCodec{enc: true}
	code(c)
	return c.out.String(), c.err
}

func (c *dataCodec) str(s *string) {
	if c.enc {
		if strings.IndexByte(*s, fieldEnd) >= 0 {
			c.err = fmt.Errorf("%q holds the field separator", *s)
		}
		c.out.WriteString(*s)
		c.out.WriteByte(fieldEnd)
		return
	}
	i := strings.IndexByte(c.in, fieldEnd)
	if i < 0 {
		if c.err == nil {
			c.err = fmt.Errorf("the data ends inside a field")
		}
		return
	}
	*s, c.in = c.in[:i], c.in[i+1:]
}

// line ends a record (a document, a value, a message) with a line break,
// so that data_gen.go has a line for each.
func (c *dataCodec) line() {
	if c.enc {
		c.out.WriteByte('\n')
		return
	}
	if !strings.HasPrefix(c.in, "\n") {
		if c.err == nil {
			c.err = fmt.Errorf("a record does not end where it should")
		}
		return
	}
	c.in = c.in[1:]
}

func (c *dataCodec) int(n *int) {
	var t string
	if c.enc {
		t = strconv.Itoa(*n)
	}
	c.str(&t)
	if !c.enc {
		var err error
		if *n, err = strconv.Atoi(t); err != nil && c.err == nil {
			c.err = fmt.Errorf("%q is not a number", t)
		}
	}
}

func (c *dataCodec) bool(b *bool) {
	n := 0
	if *b {
		n = 1
	}
	c.int(&n)
	*b = n == 1
}

// optInt is a number that may be absent (nil).
func (c *dataCodec) optInt(p **int) {
	present := *p != nil
	c.bool(&present)
	if !present {
		*p = nil
		return
	}
	if !c.enc {
		*p = new(int)
	}
	c.int(*p)
}

func (c *dataCodec) raw(r *json.RawMessage) {
	t := string(*r)
	c.str(&t)
	if !c.enc {
		*r = json.RawMessage(t)
	}
}

// length writes n or reads a list's length; a nil list is -1, so that the
// data read back is the decoded JSON's, empty lists and all.
func (c *dataCodec) length(n int, isNil bool) int {
	if isNil {
		n = -1
	}
	c.int(&n)
	if !c.enc && (n < -1 || n > len(c.in)) {
		if c.err == nil {
			c.err = fmt.Errorf("a list of %d items", n)
		}
		return -1
	}
	return n
}

// codeList writes or reads a list, each item with item.
func codeList[T any](c *dataCodec, s *[]T, item func(*T)) {
	n := c.length(len(*s), *s == nil)
	if c.err != nil {
		return
	}
	if !c.enc {
		*s = nil
		if n >= 0 {
			*s = make([]T, n)
		}
	}
	for i := range *s {
		item(&(*s)[i])
	}
}

// codeMap writes a map in the order of its keys, or reads one.
func codeMap[V any](c *dataCodec, m *map[string]V, item func(*V)) {
	var keys []string
	if c.enc {
		keys = slices.Sorted(maps.Keys(*m))
	}
	n := c.length(len(*m), *m == nil)
	if c.err != nil {
		return
	}
	if !c.enc {
		*m = nil
		if n >= 0 {
			*m = make(map[string]V, n)
		}
		keys = make([]string, max(n, 0))
	}
	for _, k := range keys {
		c.str(&k)
		v := (*m)[k]
		item(&v)
		if !c.enc {
			(*m)[k] = v
		}
	}
}

// ruleFiles are documents.json, national.json and regions.json.
type ruleFiles struct {
	documents documentsFile
	national  nationalFile
	regions   regionsFile
}

func (f *ruleFiles) code(c *dataCodec) {
	codeList(c, &f.documents.Documents, c.document)
	c.str(&f.national.Version)
	codeMap(c, &f.national.Parameters, func(p **Parameter) {
		if !c.enc {
			*p = new(Parameter)
		}
		c.parameter(*p)
	})
	codeMap(c, &f.regions.Regions, func(r **RegionRules) {
		if !c.enc {
			*r = new(RegionRules)
		}
		c.regionRules(*r)
	})
}

func (c *dataCodec) document(d *Document) {
	for _, s := range []*string{&d.ID, &d.Number, &d.Title, &d.Issuer, &d.Issued, &d.URL, &d.Verified, &d.Note} {
		c.str(s)
	}
	c.line()
}

func (c *dataCodec) parameter(p *Parameter) {
	for _, s := range []*string{&p.Zh, &p.En, &p.Unit, &p.Kind} {
		c.str(s)
	}
	c.optInt(&p.Min)
	c.optInt(&p.Max)
	codeList(c, &p.Enum, c.str)
	codeList(c, &p.Values, c.value)
}

func (c *dataCodec) value(v *Value) {
	c.str(&v.Effective.From)
	c.str(&v.Effective.To)
	c.raw(&v.Raw)
	s := &v.Source
	for _, f := range []*string{&s.Document, &s.Article, &s.URL, &s.Quote, &s.Trust, &s.Note} {
		c.str(f)
	}
	c.line()
}

func (c *dataCodec) regionRules(r *RegionRules) {
	c.str(&r.Name)
	c.str(&r.Status)
	c.str(&r.Note)
	codeMap(c, &r.Parameters, func(v *[]Value) { codeList(c, v, c.value) })
}

func (f *messagesFile) code(c *dataCodec) {
	codeList(c, &f.Messages, func(m *message) {
		c.str(&m.ID)
		c.str(&m.Zh)
		c.str(&m.En)
		c.line()
	})
}
