package rules

import (
	"strings"
	"testing"
)

// checkCitations is what checkExplained relies on for every source: a
// check that passed everything would let unresolvable citations through.
func TestCheckCitations(t *testing.T) {
	docs := []Document{
		{ID: "a", Number: "医保办发〔2021〕43号"},
		{ID: "b", Number: "《中华人民共和国社会保险法》"},
		{ID: "c", Number: "各地新生儿参保规定"},
		{ID: "d", Number: "各地新生儿参保规定（2022）"}, // begins with c's number
	}
	tests := []struct {
		src  string
		want string // a phrase of the error; "" for none
	}{
		{"医保办发〔2021〕43号 第十一条", ""},
		{"《中华人民共和国社会保险法》 第二十三条", ""},
		{"各地新生儿参保规定 新生儿参保（未核实）", ""},
		{"各地新生儿参保规定（2022） 新生儿参保", ""},
		{"医保办发〔2021〕43号 第二条；《中华人民共和国社会保险法》 第三十二条", ""},
		{"医保办发〔2021〕43号 转移接续（不得重复参保）；各地新生儿参保规定 新生儿参保（未核实）", ""},
		{"医保办发〔2021〕43号 第十一条（一）", ""},

		{"", "no source"},
		{"医保发〔2021〕43号 第十一条", "citation 1"},                       // not a document number
		{"医保办发〔2021〕43号第十一条", "citation 1"},                       // no space
		{"医保办发〔2021〕43号", "citation 1"},                           // no article, no space
		{"医保办发〔2021〕43号 ", "one space and then the article"},      // space, no article
		{"医保办发〔2021〕43号  第十一条", "one space and then the article"}, // two spaces
		{"医保办发〔2021〕43号 第十一条 ", "one space and then the article"}, // trailing space
		{"第十一条", "citation 1"},                                    // article only
		{"国办发〔2024〕38号 待遇等待期条款", "citation 1"},                    // a real document, but not in docs
		{"医保办发〔2021〕43号 第二条；", "citation 2"},                      // empty second citation
		{"医保办发〔2021〕43号 第二条；社会保险法 第三十二条", "citation 2"},           // short name
		{"医保办发〔2021〕43号 第二条;《中华人民共和国社会保险法》 第三十二条", "not ;"},
		{"医保办发〔2021〕43号 第二条、《中华人民共和国社会保险法》 第三十二条", "second document"},
		{"医保办发〔2021〕43号 第二条 《中华人民共和国社会保险法》 第三十二条", "second document"},
		{"各地新生儿参保规定 （未核实）", "one space and then the article"},
		{"各地新生儿参保规定 新生儿参保（未核实）（未核实）", "must come last"},
		{"各地新生儿参保规定 （未核实）新生儿参保", "must come last"},
	}
	for _, tt := range tests {
		err := checkCitations(tt.src, docs)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("checkCitations(%q): %v", tt.src, err)
		case tt.want != "" && err == nil:
			t.Errorf("checkCitations(%q) passed; want an error with %q", tt.src, tt.want)
		case tt.want != "" && !strings.Contains(err.Error(), tt.want):
			t.Errorf("checkCitations(%q): %v; want an error with %q", tt.src, err, tt.want)
		case err != nil && !strings.Contains(err.Error(), tt.src):
			t.Errorf("checkCitations(%q): %v does not quote the source", tt.src, err)
		}
	}
}

// Every document in documents.json can be cited the way RuleSet.cite and
// citeDoc write it.
func TestCheckCitationsDocuments(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := rs.Documents()
	for _, d := range docs {
		v := &Value{Source: Source{Document: d.ID, Article: "第一条"}}
		for _, src := range []string{rs.cite(v), rs.citeDoc(d.ID, "第一条")} {
			if err := checkCitations(src, docs); err != nil {
				t.Errorf("%s: %v", d.ID, err)
			}
		}
	}
}
