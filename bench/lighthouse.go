package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"

	"yibao/internal/headless"
)

// lighthouseVersion is the Lighthouse the benchmark installs with npm: the
// newest that runs on Debian's Node.js 20 (13.x wants Node.js 22).
const lighthouseVersion = "12.8.2"

// lighthouseScores are one Lighthouse mobile run's figures.
type lighthouseScores struct {
	Performance, Accessibility float64 // 0–100
	TBT, TTI                   float64 // Total Blocking Time and Time to Interactive, ms
}

// installLighthouse installs the pinned Lighthouse under dir with npm and
// gives its command.
func installLighthouse(dir string) (string, error) {
	bin := filepath.Join(dir, "node_modules", ".bin", "lighthouse")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--prefix", dir, "lighthouse@"+lighthouseVersion)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm install lighthouse@%s: %v\n%s", lighthouseVersion, err, out)
	}
	return bin, nil
}

// servePlain serves a site without the Slow-4G shaping: Lighthouse
// simulates its own mobile network and CPU.
func servePlain(dir string) (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go http.Serve(l, siteServer{dir})
	return "http://" + l.Addr().String(), nil
}

// lighthouse runs Lighthouse's mobile audit (simulated Slow 4G, 4× CPU)
// of url in Debian's Chromium and reads its figures.
func lighthouse(bin, url, out string) (lighthouseScores, error) {
	var s lighthouseScores
	cmd := exec.Command(bin, url, "--only-categories=performance,accessibility", "--form-factor=mobile",
		"--throttling-method=simulate", "--output=json", "--output-path="+out, "--quiet",
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu")
	cmd.Env = append(os.Environ(), "CHROME_PATH="+headless.Chromium())
	if b, err := cmd.CombinedOutput(); err != nil {
		return s, fmt.Errorf("lighthouse %s: %v\n%s", url, err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return s, err
	}
	var r struct {
		Categories map[string]struct {
			Score float64 `json:"score"`
		} `json:"categories"`
		Audits map[string]struct {
			NumericValue float64 `json:"numericValue"`
		} `json:"audits"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return s, fmt.Errorf("lighthouse report: %v", err)
	}
	s.Performance = 100 * r.Categories["performance"].Score
	s.Accessibility = 100 * r.Categories["accessibility"].Score
	s.TBT = r.Audits["total-blocking-time"].NumericValue
	s.TTI = r.Audits["interactive"].NumericValue
	return s, nil
}
