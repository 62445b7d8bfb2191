package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The texts of the answers are data too: data/messages.json maps a message
// id to a Chinese and an English template. A template is text with named
// placeholders, {name}, that say fills; a template has no other braces.
//
// A message id is the rule id of the explanation step it words, plus
// "/variant" when one rule has several wordings or a wording is built from
// parts (resident.fixed, resident.fixed/outside); texts that are not steps
// (options, deadlines, actions, transfer steps, ways back) have ids of
// their own (option.repair, deadline.newborn).

// The catalog is data/messages.json; the binary holds its entries in the
// form data_codec.go reads (embeddedMessages, written by go generate).

// message is one entry of the catalog.
type message struct {
	_  noCompare
	ID string `json:"id"`
	Zh string `json:"zh"`
	En string `json:"en"`
}

type messagesFile struct {
	Messages []message `json:"messages"`
}

var (
	catalogOnce sync.Once
	catalog     map[string]Text
	compiled    map[string]compiledMessage
	catalogErr  error
)

// compiledMessage is a message split at its placeholders: the Chinese and
// the English parts, and the names of the placeholders of both, which say
// finds among its arguments once for the two.
type compiledMessage struct {
	zh, en []tmplPart
	names  []string
}

// messages returns the embedded catalog. The data is checked by the tests,
// so an error here means a broken build.
func messages() (map[string]Text, error) {
	catalogOnce.Do(func() {
		// The embedded catalog's keys are checked by the tests
		// (TestEmbeddedMessagesAreStrict), not on every start.
		var f messagesFile
		if catalogErr = decodeData(embeddedMessages, f.code); catalogErr == nil {
			catalog, catalogErr = buildMessages(f)
		}
		compiled = make(map[string]compiledMessage, len(catalog))
		for id, t := range catalog {
			compiled[id] = compileMessage(t)
		}
	})
	return catalog, catalogErr
}

// tmplPart is a run of a template: literal text, then a placeholder's name
// (none at the end) and its index among the message's names.
type tmplPart struct {
	lit, name string
	arg       int
}

// compile splits a template at its placeholders, once, so that filling it
// scans nothing; names gains the names it has not seen.
func compile(tmpl string, names *[]string) []tmplPart {
	var parts []tmplPart
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			return append(parts, tmplPart{lit: tmpl, arg: -1})
		}
		j := strings.IndexByte(tmpl[i:], '}') + i
		name := tmpl[i+1 : j]
		k := slices.Index(*names, name)
		if k < 0 {
			k = len(*names)
			*names = append(*names, name)
		}
		parts = append(parts, tmplPart{tmpl[:i], name, k})
		tmpl = tmpl[j+1:]
	}
}

// compileMessage compiles both templates of t.
func compileMessage(t Text) compiledMessage {
	var m compiledMessage
	m.zh = compile(t.Zh, &m.names)
	m.en = compile(t.En, &m.names)
	return m
}

// maxPlaceholders is the most placeholder names one message may have, in
// its two languages together (loadMessages refuses more).
const maxPlaceholders = 8

// loadMessages parses and validates a catalog: unknown keys, a missing id,
// zh or en, an id listed twice and a malformed placeholder are errors.
func loadMessages(data []byte) (map[string]Text, error) {
	var f messagesFile
	if err := decodeStrict("messages.json", data, &f); err != nil {
		return nil, err
	}
	return buildMessages(f)
}

// buildMessages validates a decoded catalog.
func buildMessages(f messagesFile) (map[string]Text, error) {
	if len(f.Messages) == 0 {
		return nil, fmt.Errorf("messages.json: messages: none")
	}
	c := make(map[string]Text, len(f.Messages))
	names := make([]string, 0, 2*maxPlaceholders) // both languages' names, each once
	for i, m := range f.Messages {
		where := func() string { return fmt.Sprintf("messages.json: messages[%d]", i) }
		switch {
		case m.ID == "":
			return nil, fmt.Errorf("%s.id: missing", where())
		case m.Zh == "" || m.En == "":
			return nil, fmt.Errorf("%s (%s): zh and en are required", where(), m.ID)
		}
		if _, dup := c[m.ID]; dup {
			return nil, fmt.Errorf("%s.id: %q is listed twice", where(), m.ID)
		}
		names = names[:0]
		if err := addPlaceholders(m.Zh, &names); err != nil {
			return nil, fmt.Errorf("%s (%s).zh: %v", where(), m.ID, err)
		}
		if err := addPlaceholders(m.En, &names); err != nil {
			return nil, fmt.Errorf("%s (%s).en: %v", where(), m.ID, err)
		}
		if len(names) > maxPlaceholders {
			return nil, fmt.Errorf("%s (%s): %d placeholder names, at most %d", where(), m.ID, len(names), maxPlaceholders)
		}
		c[m.ID] = Text{Zh: m.Zh, En: m.En}
	}
	return c, nil
}

// placeholders lists the names of the placeholders in a template, in
// order; a brace that does not belong to a {name} is an error. Names are
// ASCII letters and digits, starting with a letter.
func placeholders(tmpl string) ([]string, error) {
	var names []string
	err := eachPlaceholder(tmpl, func(name string) { names = append(names, name) })
	if err != nil {
		return nil, err
	}
	return names, nil
}

// addPlaceholders adds to names those of tmpl's placeholders it lacks.
func addPlaceholders(tmpl string, names *[]string) error {
	return eachPlaceholder(tmpl, func(name string) {
		if !slices.Contains(*names, name) {
			*names = append(*names, name)
		}
	})
}

// eachPlaceholder calls f with the name of each placeholder of tmpl, in
// order, or says what is wrong with it.
func eachPlaceholder(tmpl string, f func(name string)) error {
	for {
		i := strings.IndexAny(tmpl, "{}")
		if i < 0 {
			return nil
		}
		if tmpl[i] == '}' {
			return fmt.Errorf("a } without {")
		}
		j := strings.IndexAny(tmpl[i+1:], "{}")
		if j < 0 || tmpl[i+1+j] != '}' {
			return fmt.Errorf("a { without }")
		}
		name := tmpl[i+1 : i+1+j]
		if !placeholderName(name) {
			return fmt.Errorf("{%s}: a placeholder is a name of ASCII letters and digits", name)
		}
		f(name)
		tmpl = tmpl[i+2+j:]
	}
}

func placeholderName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return s != ""
}

// testHookSay, when set by a test, sees the id of every message said.
var testHookSay func(id string)

// say fills the message id of the catalog with args, name and value in
// turn: say("resident.fixed", "months", 3, "why", why). A value is a string
// or an int, the same in both languages; a Date (YYYY-MM-DD) or a Month
// (YYYY-MM); or a Text, whose Chinese fills the Chinese template and whose
// English the English one (a region's name, a part said by another
// message). A placeholder without a value stays as it is, and an unknown id
// says {id}, so that a test sees the mistake in the text.
func say(id string, args ...any) Text {
	if testHookSay != nil {
		testHookSay(id)
	}
	messages()
	t, ok := compiled[id]
	if !ok {
		return Text{Zh: "{" + id + "}", En: "{" + id + "}"}
	}
	return t.fill(args)
}

// fill fills both templates of m with args (see say). Each placeholder's
// value is found once for both languages, which are written into one
// buffer and allocated as one string that the two texts share.
func (m *compiledMessage) fill(args []any) Text {
	if len(m.names) == 0 {
		return Text{Zh: m.zh[0].lit, En: m.en[0].lit}
	}
	var at [maxPlaceholders]int // the index in args of each name's value, -1 for none
	for k, name := range m.names[:min(len(m.names), maxPlaceholders)] {
		at[k] = argIndex(args, name)
	}
	var buf [1024]byte
	b := appendParts(buf[:0], m.zh, args, at[:], false)
	n := len(b)
	b = appendParts(b, m.en, args, at[:], true)
	both := string(b)
	return Text{Zh: both[:n], En: both[n:]}
}

// fill replaces each {name} of tmpl with the value of name in args, in
// English or in Chinese.
func fill(tmpl string, args []any, en bool) string {
	m := compileMessage(Text{Zh: tmpl, En: tmpl})
	t := m.fill(args)
	if en {
		return t.En
	}
	return t.Zh
}

// argIndex is the index in args of the value named name, -1 if none.
func argIndex(args []any, name string) int {
	for k := 0; k+1 < len(args); k += 2 {
		if n, _ := args[k].(string); n == name {
			return k + 1
		}
	}
	return -1
}

// appendParts appends the filled template to b, the value of each part's
// placeholder at args[at[part.arg]]; a placeholder without a value stays
// as it is.
func appendParts(b []byte, parts []tmplPart, args []any, at []int, en bool) []byte {
	for _, p := range parts {
		b = append(b, p.lit...)
		if p.arg < 0 {
			continue
		}
		var ok bool
		if p.arg < len(at) && at[p.arg] >= 0 {
			b, ok = appendValue(b, args[at[p.arg]], en)
		}
		if !ok {
			b = append(append(append(b, '{'), p.name...), '}')
		}
	}
	return b
}

// appendValue appends the text of an argument's value.
func appendValue(b []byte, value any, en bool) ([]byte, bool) {
	switch v := value.(type) {
	case string:
		return append(b, v...), true
	case int:
		return strconv.AppendInt(b, int64(v), 10), true
	case Date:
		return appendDate(b, v), true
	case Month:
		return appendMonth(b, v), true
	case Text:
		if en {
			return append(b, v.En...), true
		}
		return append(b, v.Zh...), true
	}
	return b, false
}

// ruleOf is the rule id of a message id: the id up to its first "/".
func ruleOf(id string) string {
	if i := strings.IndexByte(id, '/'); i >= 0 {
		return id[:i]
	}
	return id
}

// sayStep is an explanation step: the rule of message id, its text filled
// with args, and the source.
func sayStep(id, source string, args ...any) Step {
	t := say(id, args...)
	return Step{Rule: ruleOf(id), Zh: t.Zh, En: t.En, Source: source}
}

// usualSteps is about the most steps one section of an answer explains
// itself with: the lists of steps start with that room, rather than grow
// one, two, four, eight.
const usualSteps = 6

// addStep appends the explanation step sayStep(id, source, args...) to
// *steps: one call at each site, where sayStep and append would each copy
// the Step (in WebAssembly, most of a site's code).
func addStep(steps *[]Step, id, source string, args ...any) {
	*steps = append(*steps, sayStep(id, source, args...))
}

// addText appends say(id, args...) to *texts, as addStep does a step.
func addText(texts *[]Text, id string, args ...any) {
	*texts = append(*texts, say(id, args...))
}

// explain adds an explanation step to the waiting answer (see sayStep).
func (r *waitResult) explain(id, source string, args ...any) {
	addStep(&r.Explain, id, source, args...)
}
