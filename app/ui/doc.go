// Package ui is yibao's web app: go-app components on the rules engine.
//
// The calculator (/) keeps its state in its component and in local storage;
// the rules page (/rules) lists the policy data; /embed is the compact
// calculator partners put in an iframe (web/embed.js). The server half (handler.go,
// built only natively) describes the PWA: icons, manifest, service worker.
//
// # Size and first answer
//
// app.wasm is downloaded before anything is computed, and the browser
// compiles each function the first time it runs, so both what is linked and
// what runs on the first load cost time on a phone (make bench measures it).
// Hence:
//
//   - Elements are built with app.Elem and app.ElemSelfClosing, attributes
//     with Attr and events with On, not with go-app's typed constructors
//     (app.Div, app.Input…): each typed element links its whole method set
//     and interface table, and the 32 types the pages used cost 31 KB of
//     brotli-compressed app.wasm. TestElementsAreGeneric keeps it so.
//   - The state is read in OnInit, before the first render, and the form
//     reaches the engine as a rules.Input (form.State.Input), not as JSON:
//     encoding waits until the answer shows (afterFirstAnswer).
package ui
