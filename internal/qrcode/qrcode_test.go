package qrcode

import (
	"image"
	"image/color"
	"strings"
	"testing"

	goqr "github.com/piglig/go-qr"
)

// render draws a code as a reader sees it: 4 pixels a module, with the
// quiet zone of 4 modules.
func render(c *Code) image.Image {
	const scale, quiet = 4, 4
	side := (c.Size() + 2*quiet) * scale
	img := image.NewGray(image.Rect(0, 0, side, side))
	for y := 0; y < side; y++ {
		for x := 0; x < side; x++ {
			mx, my := x/scale-quiet, y/scale-quiet
			v := color.Gray{255}
			if mx >= 0 && my >= 0 && mx < c.Size() && my < c.Size() && c.Dark(mx, my) {
				v = color.Gray{0}
			}
			img.SetGray(x, y, v)
		}
	}
	return img
}

func texts() []string {
	link := "https://yibao.example.org/#input=" + strings.Repeat("eyJhc09mIjoiMjAyNi0xMi0wMSIsImVucm9sbG1lbnRzIjpb", 8)
	return []string{
		"a",
		"https://example.org/",
		link,
		link + strings.Repeat("X1y2Z3", 60), // a version above 9: 16-bit count
		"医保连续参保计算器：现在不能报销；等待期 3 个月。",
		strings.Repeat("0123456789abcdef", 100), // 1,600 bytes: version 30-odd
	}
}

// Every code decodes to its text, with another library's decoder, and has
// the size its version says.
func TestCodesDecode(t *testing.T) {
	for _, text := range texts() {
		c, err := Encode([]byte(text))
		if err != nil {
			t.Fatalf("%.40q: %v", text, err)
		}
		if c.Size() != c.Version*4+17 {
			t.Errorf("%.40q: size %d for version %d", text, c.Size(), c.Version)
		}
		got, err := goqr.Decode(render(c))
		if err != nil || got != text {
			t.Errorf("%.40q (version %d, level %d, mask %d): decoded %.40q, %v", text, c.Version, c.Level, c.Mask, got, err)
		}
	}
}

// The codes are module for module those of the library the tests decode
// with (a port of the same reference): the same version, level and mask.
func TestSameAsReference(t *testing.T) {
	for _, text := range texts() {
		c, err := Encode([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		ref, err := goqr.EncodeBinary([]byte(text), goqr.Medium)
		if err != nil {
			t.Fatal(err)
		}
		if ref.Size() != c.Size() {
			t.Errorf("%.40q: size %d, reference %d", text, c.Size(), ref.Size())
			continue
		}
		diff := 0
		for y := 0; y < c.Size(); y++ {
			for x := 0; x < c.Size(); x++ {
				if c.Dark(x, y) != ref.Module(x, y) {
					diff++
				}
			}
		}
		if diff > 0 {
			t.Errorf("%.40q (version %d, mask %d): %d modules differ from the reference", text, c.Version, c.Mask, diff)
		}
	}
}

func TestTooLong(t *testing.T) {
	if _, err := Encode(make([]byte, 3000)); err != ErrTooLong {
		t.Errorf("3,000 bytes: %v, want ErrTooLong", err)
	}
	// The most a version-40 code holds at level M in byte mode.
	if c, err := Encode(make([]byte, 2331)); err != nil || c.Version != 40 {
		t.Errorf("2,331 bytes: %v, want version 40", err)
	}
}
