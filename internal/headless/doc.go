// Package headless starts the headless Chromium that the browser tests and
// the benchmark drive: which binary, and the flags that keep it quiet and
// alike from run to run.
package headless
