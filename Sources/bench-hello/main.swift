// The start-up floor for the benchmark: a program that imports Foundation and prints one
// line, built the same way as skills.
import Foundation

print("hello")
