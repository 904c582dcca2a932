package begini_test

import (
	"context"
	"fmt"

	"example.com/lender/internal/begini"
)

func ExampleClient_CreateSession() {
	c := begini.NewClient("YOUR_API_KEY", "<integration-id>")
	s, err := c.CreateSession(context.Background(), "a1b2c3d4e5")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("send the applicant to", s.URL)
}
