// Command probe prints the value its build linked in: GoToolTest's subject.
package main

import "fmt"

var greeting = "unset"

func main() {
	fmt.Println(greeting)
}
