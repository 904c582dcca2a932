package app

import "example.com/beginienv"

func wire() {
	beginienv.NewClient(beginienv.ProdKey(), beginienv.TestIntegration()) // want `test credential from env BEGINI_TEST_INTEGRATION_ID used with the production API key from env BEGINI_PROD_API_KEY`
	beginienv.NewClient(beginienv.ProdKey(), beginienv.ProdIntegration())
}
