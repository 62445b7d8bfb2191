package main

import (
	"encoding/base64"
	"os"
	"os/exec"

	"yibao/internal/headless"
)

func base64URL(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func runCmd(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

func chromiumVersion() string {
	out, err := exec.Command(headless.Chromium(), "--version").Output()
	if err != nil {
		return "Chromium ?"
	}
	return string(out)
}
