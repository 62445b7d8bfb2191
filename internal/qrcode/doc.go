// Package qrcode makes QR codes (ISO/IEC 18004) of byte data, for the
// result image's share link: byte mode, versions 1 to 40, error correction
// level M raised as far as the data allows, and the mask of lowest penalty.
//
// It follows Project Nayuki's QR Code generator (MIT), the reference most
// libraries port. A library would do as well natively, but the one that
// was tried (github.com/piglig/go-qr) links image/png and image/draw into
// app.wasm through their package initialisation: 129 KB more with brotli
// for a few hundred lines. The tests decode every code made here with that
// library's decoder.
package qrcode
