package main

import (
	"bytes"
	"encoding/base64"
	"os"
	"os/exec"

	"github.com/andybalholm/brotli"

	"yibao/internal/headless"
)

func base64URL(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func runCmd(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

func brotliSize(name string) (float64, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return na, err
	}
	var br bytes.Buffer
	w := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	w.Write(data)
	w.Close()
	return float64(br.Len()), nil
}

func chromiumVersion() string {
	out, err := exec.Command(headless.Chromium(), "--version").Output()
	if err != nil {
		return "Chromium ?"
	}
	return string(out)
}
