// Package form is the calculator's form without its page: what the person
// typed (State), how it is normalised and checked (Errors, with the
// contract's field paths), the one conversion to the engine's input
// (State.Input) and the answer kept while a field is half typed (Result),
// the life events that fill a form from a few plain questions
// (LifeEvents), the codecs of the share link (ShareFragment,
// InputFromFragment), of local storage (EncodeSaved, DecodeSaved,
// Household) and of the calendar file (ICS), and the two languages of the
// texts (Lang, Text).
//
// It imports no go-app package: all of it is tested natively, and app/ui
// draws it.
package form
