//go:build js && wasm

// Command widget is the onboarding widget compiled to WebAssembly.
package main

import (
	"syscall/js"

	"example.com/lender/internal/widget"
)

func main() {
	js.Global().Set("startOnboarding", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) == 0 {
			return nil
		}
		go widget.StartViaBackend(args[0].String())
		return nil
	}))
	widget.Expose("64f1c2a9b7e3d5f0a1c8e2b4")
	select {}
}
