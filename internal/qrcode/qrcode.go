package qrcode

import "errors"

// Level is an error correction level.
type Level uint8

// The error correction levels, in increasing strength.
const (
	Low      Level = iota // about 7 % of the codewords can be restored
	Medium                // about 15 %
	Quartile              // about 25 %
	High                  // about 30 %
)

// formatBits are the two bits that name a level in the format information.
var formatBits = [...]int{Low: 1, Medium: 0, Quartile: 3, High: 2}

// eccPerBlock and eccBlocks are, by level and version, the error correction
// codewords of each block and the number of blocks (ISO/IEC 18004 Table 9;
// index 0 is unused).
var eccPerBlock = [4][41]int8{
	{-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
	{-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
	{-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
	{-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
}

var eccBlocks = [4][41]int8{
	{-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
	{-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
	{-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
	{-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
}

// ErrTooLong says the data does not fit in a version-40 code.
var ErrTooLong = errors.New("qrcode: data too long for a QR code")

// Code is a QR code: Size modules a side, Dark(x, y) for each.
type Code struct {
	Version int
	Level   Level
	Mask    int
	size    int
	dark    []bool // row by row
	fixed   []bool // function modules, which the data and the mask skip
}

// Size is the number of modules on a side (21 to 177), without the quiet
// zone of 4 modules a reader needs around the code.
func (c *Code) Size() int { return c.size }

// Dark reports whether the module at column x, row y is dark.
func (c *Code) Dark(x, y int) bool { return c.dark[y*c.size+x] }

// Encode makes the QR code of data in byte mode: the smallest version at
// level Medium, then the strongest level that fits that version.
func Encode(data []byte) (*Code, error) {
	var version int
	for version = 1; ; version++ {
		if version > 40 {
			return nil, ErrTooLong
		}
		if dataBits(version, len(data)) <= dataCodewords(version, Medium)*8 {
			break
		}
	}
	level := Medium
	for _, l := range []Level{Quartile, High} {
		if dataBits(version, len(data)) <= dataCodewords(version, l)*8 {
			level = l
		}
	}
	c := &Code{Version: version, Level: level, size: version*4 + 17}
	c.dark = make([]bool, c.size*c.size)
	c.fixed = make([]bool, c.size*c.size)
	c.drawFunctionPatterns()
	c.drawCodewords(c.addECCAndInterleave(c.codewords(data)))
	c.chooseMask()
	return c, nil
}

// dataBits is the length of a byte-mode segment of n bytes: the mode, the
// count (8 bits up to version 9, 16 after) and the data.
func dataBits(version, n int) int {
	count := 8
	if version >= 10 {
		count = 16
	}
	return 4 + count + 8*n
}

// rawModules is the number of modules that hold codewords (data and error
// correction, with the remainder bits) in a version.
func rawModules(version int) int {
	n := (16*version+128)*version + 64
	if version >= 2 {
		align := version/7 + 2
		n -= (25*align-10)*align - 55
		if version >= 7 {
			n -= 36
		}
	}
	return n
}

// dataCodewords is the number of 8-bit data codewords of a version and level.
func dataCodewords(version int, l Level) int {
	return rawModules(version)/8 - int(eccPerBlock[l][version])*int(eccBlocks[l][version])
}

// codewords are the data codewords: the segment, the terminator, padding
// to a byte, then the pad bytes 0xEC and 0x11 in turn.
func (c *Code) codewords(data []byte) []byte {
	capacity := dataCodewords(c.Version, c.Level) * 8
	var bits []bool
	put := func(v, n int) {
		for i := n - 1; i >= 0; i-- {
			bits = append(bits, v>>i&1 == 1)
		}
	}
	put(0x4, 4) // byte mode
	if c.Version >= 10 {
		put(len(data), 16)
	} else {
		put(len(data), 8)
	}
	for _, b := range data {
		put(int(b), 8)
	}
	put(0, min(4, capacity-len(bits)))
	put(0, (8-len(bits)%8)%8)
	for pad := 0xEC; len(bits) < capacity; pad ^= 0xEC ^ 0x11 {
		put(pad, 8)
	}
	out := make([]byte, len(bits)/8)
	for i, b := range bits {
		if b {
			out[i>>3] |= 1 << (7 - i&7)
		}
	}
	return out
}

// addECCAndInterleave splits the data into blocks, adds each block's
// Reed-Solomon codewords and interleaves them.
func (c *Code) addECCAndInterleave(data []byte) []byte {
	blocks := int(eccBlocks[c.Level][c.Version])
	eccLen := int(eccPerBlock[c.Level][c.Version])
	raw := rawModules(c.Version) / 8
	short := blocks - raw%blocks
	shortLen := raw / blocks
	divisor := rsDivisor(eccLen)
	var all [][]byte
	k := 0
	for i := 0; i < blocks; i++ {
		n := shortLen - eccLen
		if i >= short {
			n++
		}
		block := append([]byte(nil), data[k:k+n]...)
		k += n
		ecc := rsRemainder(block, divisor)
		if i < short {
			block = append(block, 0) // a place in the columns, skipped below
		}
		all = append(all, append(block, ecc...))
	}
	var out []byte
	for i := range all[0] {
		for j, block := range all {
			if i != shortLen-eccLen || j >= short {
				out = append(out, block[i])
			}
		}
	}
	return out
}

// rsDivisor is the Reed-Solomon generator polynomial of a degree, highest
// coefficient (always 1) left out.
func rsDivisor(degree int) []byte {
	result := make([]byte, degree)
	result[degree-1] = 1
	root := byte(1)
	for i := 0; i < degree; i++ {
		for j := range result {
			result[j] = gfMultiply(result[j], root)
			if j+1 < len(result) {
				result[j] ^= result[j+1]
			}
		}
		root = gfMultiply(root, 0x02)
	}
	return result
}

// rsRemainder is the remainder of data by the divisor: the error
// correction codewords.
func rsRemainder(data, divisor []byte) []byte {
	result := make([]byte, len(divisor))
	for _, b := range data {
		factor := b ^ result[0]
		copy(result, result[1:])
		result[len(result)-1] = 0
		for i, coef := range divisor {
			result[i] ^= gfMultiply(coef, factor)
		}
	}
	return result
}

// gfMultiply multiplies in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1.
func gfMultiply(x, y byte) byte {
	z := 0
	for i := 7; i >= 0; i-- {
		z = z<<1 ^ (z>>7)*0x11D
		z ^= int(y>>i&1) * int(x)
	}
	return byte(z)
}

func (c *Code) set(x, y int, dark bool) {
	c.dark[y*c.size+x] = dark
	c.fixed[y*c.size+x] = true
}

// drawFunctionPatterns draws the timing, finder and alignment patterns and
// reserves the format and version information.
func (c *Code) drawFunctionPatterns() {
	for i := 0; i < c.size; i++ {
		c.set(6, i, i%2 == 0)
		c.set(i, 6, i%2 == 0)
	}
	for _, p := range [][2]int{{3, 3}, {c.size - 4, 3}, {3, c.size - 4}} {
		for dy := -4; dy <= 4; dy++ {
			for dx := -4; dx <= 4; dx++ {
				x, y := p[0]+dx, p[1]+dy
				if x >= 0 && x < c.size && y >= 0 && y < c.size {
					d := max(abs(dx), abs(dy))
					c.set(x, y, d != 2 && d != 4)
				}
			}
		}
	}
	pos := alignmentPositions(c.Version)
	n := len(pos)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == 0 && j == 0 || i == 0 && j == n-1 || i == n-1 && j == 0 {
				continue // the finder patterns' corners
			}
			for dy := -2; dy <= 2; dy++ {
				for dx := -2; dx <= 2; dx++ {
					c.set(pos[i]+dx, pos[j]+dy, max(abs(dx), abs(dy)) != 1)
				}
			}
		}
	}
	c.drawFormat(0) // reserved now, drawn with the mask
	c.drawVersion()
}

// alignmentPositions are the centres of the alignment patterns, on each axis.
func alignmentPositions(version int) []int {
	if version == 1 {
		return nil
	}
	n := version/7 + 2
	step := (version*4 + n*2 + 1) / (n*2 - 2) * 2
	if version == 32 {
		step = 26
	}
	pos := make([]int, n)
	pos[0] = 6
	for i, p := n-1, version*4+17-7; i >= 1; i, p = i-1, p-step {
		pos[i] = p
	}
	return pos
}

// drawFormat draws the level and the mask, twice, with their BCH code.
func (c *Code) drawFormat(mask int) {
	data := formatBits[c.Level]<<3 | mask
	rem := data
	for i := 0; i < 10; i++ {
		rem = rem<<1 ^ (rem>>9)*0x537
	}
	bits := (data<<10 | rem) ^ 0x5412
	bit := func(i int) bool { return bits>>i&1 == 1 }
	for i := 0; i <= 5; i++ {
		c.set(8, i, bit(i))
	}
	c.set(8, 7, bit(6))
	c.set(8, 8, bit(7))
	c.set(7, 8, bit(8))
	for i := 9; i < 15; i++ {
		c.set(14-i, 8, bit(i))
	}
	for i := 0; i < 8; i++ {
		c.set(c.size-1-i, 8, bit(i))
	}
	for i := 8; i < 15; i++ {
		c.set(8, c.size-15+i, bit(i))
	}
	c.set(8, c.size-8, true) // always dark
}

// drawVersion draws the version information of versions 7 and above.
func (c *Code) drawVersion() {
	if c.Version < 7 {
		return
	}
	rem := c.Version
	for i := 0; i < 12; i++ {
		rem = rem<<1 ^ (rem>>11)*0x1F25
	}
	bits := c.Version<<12 | rem
	for i := 0; i < 18; i++ {
		dark := bits>>i&1 == 1
		a, b := c.size-11+i%3, i/3
		c.set(a, b, dark)
		c.set(b, a, dark)
	}
}

// drawCodewords places the codewords in the zigzag of two-module columns,
// from the bottom right, skipping the function modules.
func (c *Code) drawCodewords(data []byte) {
	i := 0
	for right := c.size - 1; right >= 1; right -= 2 {
		if right == 6 {
			right = 5 // the vertical timing pattern
		}
		for vert := 0; vert < c.size; vert++ {
			for j := 0; j < 2; j++ {
				x := right - j
				y := vert
				if (right+1)&2 == 0 {
					y = c.size - 1 - vert // upward
				}
				if !c.fixed[y*c.size+x] && i < len(data)*8 {
					c.dark[y*c.size+x] = data[i>>3]>>(7-i&7)&1 == 1
					i++
				}
			}
		}
	}
}

// applyMask inverts the data modules that mask selects (applying it twice
// undoes it).
func (c *Code) applyMask(mask int) {
	for y := 0; y < c.size; y++ {
		for x := 0; x < c.size; x++ {
			if c.fixed[y*c.size+x] {
				continue
			}
			var invert bool
			switch mask {
			case 0:
				invert = (x+y)%2 == 0
			case 1:
				invert = y%2 == 0
			case 2:
				invert = x%3 == 0
			case 3:
				invert = (x+y)%3 == 0
			case 4:
				invert = (x/3+y/2)%2 == 0
			case 5:
				invert = x*y%2+x*y%3 == 0
			case 6:
				invert = (x*y%2+x*y%3)%2 == 0
			case 7:
				invert = ((x+y)%2+x*y%3)%2 == 0
			}
			if invert {
				c.dark[y*c.size+x] = !c.dark[y*c.size+x]
			}
		}
	}
}

// chooseMask applies the mask of lowest penalty, with its format bits.
func (c *Code) chooseMask() {
	best, lowest := 0, -1
	for mask := 0; mask < 8; mask++ {
		c.applyMask(mask)
		c.drawFormat(mask)
		if p := c.penalty(); lowest < 0 || p < lowest {
			best, lowest = mask, p
		}
		c.applyMask(mask)
	}
	c.Mask = best
	c.applyMask(best)
	c.drawFormat(best)
}

// Penalty weights (ISO/IEC 18004 7.8.3).
const (
	penaltyN1 = 3
	penaltyN2 = 3
	penaltyN3 = 40
	penaltyN4 = 10
)

// penalty scores the code as it is: runs of one colour, 2×2 blocks,
// finder-like patterns and the balance of dark and light.
func (c *Code) penalty() int {
	result := 0
	line := func(at func(i int) bool) {
		color, run := false, 0
		var history [7]int
		for i := 0; i < c.size; i++ {
			if at(i) == color {
				run++
				if run == 5 {
					result += penaltyN1
				} else if run > 5 {
					result++
				}
				continue
			}
			c.addHistory(run, &history)
			if !color {
				result += c.finderLike(&history) * penaltyN3
			}
			color, run = at(i), 1
		}
		if color {
			c.addHistory(run, &history)
			run = 0
		}
		run += c.size // the light border
		c.addHistory(run, &history)
		result += c.finderLike(&history) * penaltyN3
	}
	for y := 0; y < c.size; y++ {
		line(func(x int) bool { return c.Dark(x, y) })
	}
	for x := 0; x < c.size; x++ {
		line(func(y int) bool { return c.Dark(x, y) })
	}
	for y := 0; y < c.size-1; y++ {
		for x := 0; x < c.size-1; x++ {
			d := c.Dark(x, y)
			if d == c.Dark(x+1, y) && d == c.Dark(x, y+1) && d == c.Dark(x+1, y+1) {
				result += penaltyN2
			}
		}
	}
	dark := 0
	for _, d := range c.dark {
		if d {
			dark++
		}
	}
	total := c.size * c.size
	k := (abs(dark*20-total*10)+total-1)/total - 1
	return result + k*penaltyN4
}

// addHistory pushes a run length onto the history of the line's runs (the
// first run counts the light border before the line).
func (c *Code) addHistory(run int, history *[7]int) {
	if history[0] == 0 {
		run += c.size
	}
	copy(history[1:], history[:6])
	history[0] = run
}

// finderLike counts the 1:1:3:1:1 patterns, with light on either side,
// that the history ends in.
func (c *Code) finderLike(h *[7]int) int {
	n := h[1]
	core := n > 0 && h[2] == n && h[3] == n*3 && h[4] == n && h[5] == n
	count := 0
	if core && h[0] >= n*4 && h[6] >= n {
		count++
	}
	if core && h[6] >= n*4 && h[0] >= n {
		count++
	}
	return count
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
