// Package webfiles handles the static files of the web app for the native
// tools: the .br and .gz copies written beside the large ones, sending the
// right copy to a browser, and copying the sources of web/.
//
// `yibao serve` and `yibao dist` use it, and so do the benchmark (which
// serves yibao and its baseline the same way) and the browser tests.
package webfiles
