// Package ginapp receives Begini webhooks with gin: comparisons and hashes
// are checked whatever the router.
package ginapp

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"

	"github.com/gin-gonic/gin"
)

var key []byte

func sign(body []byte) string {
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

func webhook(c *gin.Context) {
	body, _ := c.GetRawData()
	if c.GetHeader("X-Begini-Signature") != sign(body) { // want `Begini webhook signature compared with !=`
		c.AbortWithStatus(401)
		return
	}
	c.Status(204)
}

func webhookOK(c *gin.Context) {
	body, _ := c.GetRawData()
	if !hmac.Equal([]byte(c.GetHeader("X-Begini-Signature")), []byte(sign(body))) {
		c.AbortWithStatus(401)
		return
	}
	c.Status(204)
}
