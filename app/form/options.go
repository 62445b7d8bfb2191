package form

type Option struct {
	Value string
	Label Text
}

// SexOptions are the sexes the form offers (the years of contributions a
// retiree needs may differ).
var SexOptions = []Option{
	{"male", Text{"男", "Male"}},
	{"female", Text{"女", "Female"}},
}
