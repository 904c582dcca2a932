package directives

import (
	"log"
	"os"
)

func suppressed() {
	key := os.Getenv("BEGINI_API_KEY")
	//beginilint:ignore keylog the debug build prints the sandbox key on purpose
	log.Printf("key %s", key)

	log.Printf("key %s", key) //beginilint:ignore keylog revoked key, kept for the incident write-up

	//beginilint:ignore hardcodedkey, keylog reviewed: the key is revoked
	log.Println(key)
}

func reasonless() {
	key := os.Getenv("BEGINI_API_KEY")
	//beginilint:ignore keylog // want `beginilint:ignore directive without a reason`
	log.Printf("key %s", key) // want `reaches log.Printf`
}

func unused() {
	//beginilint:ignore keylog nothing is logged here any more // want `beginilint:ignore directive suppresses no keylog finding`
	log.Printf("started")
}

func otherAnalyzer() {
	key := os.Getenv("BEGINI_API_KEY")
	//beginilint:ignore hardcodedkey not about logging
	log.Printf("key %s", key) // want `reaches log.Printf`
}
