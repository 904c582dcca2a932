//beginilint:file-ignore keylog this file is the redaction test harness

package directives

import (
	"log"
	"os"
)

func harness() {
	log.Print(os.Getenv("BEGINI_API_KEY"))
}
