package basic

const keyPrefix = "bgn_"
const keyBody = "live_8f3Kq2Lm" // want `hardcoded Begini API key \(constant beginiKey\)`
