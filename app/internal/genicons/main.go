// Command genicons draws yibao's icons into web/: icon.svg, icon-192.png,
// icon-512.png and icon-maskable.png (full bleed, content inside the safe
// zone). The PNGs are rasterised here from the same shapes as the SVG, with
// 4×4 supersampling, so no image tool is needed.
//
//	go run ./app/internal/genicons -o web
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
	"path/filepath"
)

// The drawing, in a 512×512 box.
const (
	box     = 512.0
	radius  = 112.0 // corner radius of the tile (not for the maskable icon)
	crossW  = 120.0 // width of the cross's arms
	crossL  = 300.0 // length of the arms
	crossCY = 218.0 // centre of the cross
	crossR  = 22.0  // rounding of the cross's corners
	barY    = 402.0 // the timeline bar under the cross
	barH    = 36.0
	barX0   = 106.0
	barX1   = 406.0
	gapX0   = 262.0 // a gap in the bar: the broken months
	gapX1   = 298.0
)

var (
	green = color.NRGBA{0x0b, 0x7a, 0x5b, 0xff}
	white = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	amber = color.NRGBA{0xf5, 0xb0, 0x41, 0xff}
)

func main() {
	out := flag.String("o", "web", "directory to write the icons into")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	write := func(name string, img image.Image) {
		f, err := os.Create(filepath.Join(*out, name))
		if err != nil {
			log.Fatal(err)
		}
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(f, img); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
	}
	write("icon-192.png", render(192, false))
	write("icon-512.png", render(512, false))
	write("icon-maskable.png", render(512, true))
	if err := os.WriteFile(filepath.Join(*out, "icon.svg"), []byte(svg()), 0o644); err != nil {
		log.Fatal(err)
	}
}

// shape tells the colour at a point of the 512 box, and whether anything
// is drawn there. The maskable icon fills the whole square and shrinks the
// drawing to 80 % so that it stays inside the safe circle.
func shape(x, y float64, maskable bool) (color.NRGBA, bool) {
	if maskable {
		x = (x-box/2)/0.8 + box/2
		y = (y-box/2)/0.8 + box/2
	} else if !inRoundRect(x, y, 0, 0, box, box, radius) {
		return color.NRGBA{}, false
	}
	c := green
	h := crossL / 2
	w := crossW / 2
	if inRoundRect(x, y, box/2-w, crossCY-h+30, box/2+w, crossCY+h-30, crossR) ||
		inRoundRect(x, y, box/2-h+30, crossCY-w, box/2+h-30, crossCY+w, crossR) {
		c = white
	}
	if inRoundRect(x, y, barX0, barY, barX1, barY+barH, barH/2) && !(x >= gapX0 && x <= gapX1) {
		c = white
		if x > gapX1 {
			c = amber
		}
	}
	return c, true
}

func inRoundRect(x, y, x0, y0, x1, y1, r float64) bool {
	if x < x0 || x > x1 || y < y0 || y > y1 {
		return false
	}
	cx := math.Max(x0+r, math.Min(x, x1-r))
	cy := math.Max(y0+r, math.Min(y, y1-r))
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}

func render(size int, maskable bool) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := box / float64(size)
	const n = 4
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < n; sy++ {
				for sx := 0; sx < n; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/n) * scale
					y := (float64(py) + (float64(sy)+0.5)/n) * scale
					if c, ok := shape(x, y, maskable); ok {
						r += float64(c.R)
						g += float64(c.G)
						b += float64(c.B)
						a++
					}
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{
				R: uint8(r/a + 0.5), G: uint8(g/a + 0.5), B: uint8(b/a + 0.5),
				A: uint8(a/(n*n)*255 + 0.5),
			})
		}
	}
	return img
}

func svg() string {
	h, w := crossL/2, crossW/2
	hex := func(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<title>医保连续参保计算器</title>
<rect width="512" height="512" rx="%g" fill="%s"/>
<rect x="%g" y="%g" width="%g" height="%g" rx="%g" fill="%s"/>
<rect x="%g" y="%g" width="%g" height="%g" rx="%g" fill="%s"/>
<rect x="%g" y="%g" width="%g" height="%g" rx="%g" fill="%s"/>
<rect x="%g" y="%g" width="%g" height="%g" rx="%g" fill="%s"/>
<rect x="%g" y="%g" width="%g" height="%g" fill="%s"/>
</svg>
`, radius, hex(green),
		box/2-w, crossCY-h+30, crossW, crossL-60, crossR, hex(white),
		box/2-h+30, crossCY-w, crossL-60, crossW, crossR, hex(white),
		barX0, barY, gapX1-barX0, barH, barH/2, hex(white),
		gapX0, barY, barX1-gapX0, barH, barH/2, hex(amber),
		gapX0, barY, gapX1-gapX0, barH, hex(green))
}
