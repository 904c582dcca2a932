package credflow

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"
)

// go vet runs each package in its own process: a webhook summary must
// survive gob encoding, defects and names included.
func TestHookFactGobRoundTrip(t *testing.T) {
	want := &HookFact{
		Returns: HookValue{Bits: uint16(wMAC), Params: []int{1}, Hash: "sha256.New", Reenc: true},
		Compares: []HookCompare{{
			X:   HookValue{Params: []int{2}},
			Y:   HookValue{Bits: uint16(wHash), Plain: "sha512.Sum512"},
			How: "==", Reported: true,
		}},
		Flags: HookReads | HookVerifies | HookMiddleware,
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(want); err != nil {
		t.Fatal(err)
	}
	got := new(HookFact)
	if err := gob.NewDecoder(&buf).Decode(got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("HookFact changed in the round trip:\n got %+v\nwant %+v", got, want)
	}
}
