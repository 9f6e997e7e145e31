// A static Go program (CGO_ENABLED=0): its image needs no Debian package at all.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func main() {
	// runtime.GOOS is fixed at build time, so the line is the same on every machine.
	fmt.Printf("hello from Go on %s, %s\n", runtime.GOOS, strings.ToUpper("static"))
}
