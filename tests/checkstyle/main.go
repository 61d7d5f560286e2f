// Reads a checkstyle XML report the way reviewdog does (Debian's golang-github-haya14busa-go-checkstyle-dev,
// the checkstyle types reviewdog decodes with encoding/xml) and prints each error: file, line, column,
// severity, source. tests/lint.rs runs it on `jeeves lint --format checkstyle`.
package main

import (
	"encoding/xml"
	"fmt"
	"os"

	"github.com/haya14busa/go-checkstyle/checkstyle"
)

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var r checkstyle.Result
	if err := xml.Unmarshal(data, &r); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, f := range r.Files {
		for _, e := range f.Errors {
			fmt.Println(f.Name, e.Line, e.Column, e.Severity, e.Source)
		}
	}
}
