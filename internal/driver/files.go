package driver

import (
	"fmt"
	"io"
	"os"
)

// maxInputFile bounds what the driver reads of any one file it is pointed
// at: a configuration, a baseline, or a source file named by a //line
// directive. Real ones are kilobytes; the bound is what keeps /dev/zero or a
// runaway generated file from taking all memory.
const maxInputFile = 64 << 20

// readRegular reads a file that must be a regular file of at most limit
// bytes. A FIFO, a device or a directory is refused before it is opened, so
// that reading never blocks or runs forever.
func readRegular(name string, limit int64) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", name)
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("%s: larger than %d MB", name, limit>>20)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may have grown since Stat: read one byte past the limit to
	// tell.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d MB", name, limit>>20)
	}
	return data, nil
}
