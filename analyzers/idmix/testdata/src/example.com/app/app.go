package app

import (
	"os"

	"example.com/beginiapi"
)

func wire() {
	key, id := os.Getenv("BEGINI_API_KEY"), os.Getenv("BEGINI_INTEGRATION_ID")
	beginiapi.New(id, key) // want `beginiapi.New gets the integration ID as apiKey and the API key as integrationID`
	beginiapi.New(key, id)
}
