package credflow

import (
	"bytes"
	"encoding/gob"
	"go/token"
	"reflect"
	"testing"

	"github.com/beginilint/beginilint/internal/model"
)

// Drivers that run packages in separate processes (go vet) gob-encode
// facts; what an importer needs must survive the trip.
func TestFactsGobRoundTrip(t *testing.T) {
	origin := &Origin{Kind: FromEnv, Role: model.RoleKey, Name: "BEGINI_API_KEY",
		Posn: token.Position{Filename: "a.go", Line: 3, Column: 7}, Pkg: "example.com/a",
		Reported: true}
	facts := []any{
		&FuncFact{Returns: []*Origin{origin}, ParamReturns: []int{1},
			ParamSinks: []ParamSink{{Param: 0, Kind: SinkLog, Sink: "log.Printf"}}, EnvParam: 1},
		&ObjFact{Role: uint8(model.RoleKey), Origins: []*Origin{origin}},
	}
	for _, f := range facts {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(f); err != nil {
			t.Fatalf("encoding %T: %v", f, err)
		}
		got := reflect.New(reflect.TypeOf(f).Elem()).Interface()
		if err := gob.NewDecoder(&buf).Decode(got); err != nil {
			t.Fatalf("decoding %T: %v", f, err)
		}
		if !reflect.DeepEqual(got, f) {
			t.Errorf("%T changed in the round trip:\n got %+v\nwant %+v", f, got, f)
		}
	}
}
