package innocent

import (
	"os"
	"testing"
)

// Tests that mix environments on purpose are not reported.
func TestMixed(t *testing.T) {
	NewClient(os.Getenv("BEGINI_PROD_API_KEY"), os.Getenv("BEGINI_TEST_INTEGRATION_ID"))
	NewClient(os.Getenv("BEGINI_TEST_API_KEY"), os.Getenv("BEGINI_TEST_INTEGRATION_ID"))
}
