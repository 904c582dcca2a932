// Package defaults holds values with no Begini meaning of their own.
package defaults

var Token = "Wq83LmPx5ZrT2vYb9NcK4sHd"

const Fallback = "Ur62LmPx7ZqT1vYb3NcK8sWd"

func Secret() string { return "Tn94LmPx2ZqR6vYb5NcK1sHd" }

// A key already reported here is not reported again by importers.
const BeginiAPIKey = "Pz17LmQx4ZrT9vYb2NcK6sHd" // want `hardcoded Begini API key \(constant BeginiAPIKey\)`
