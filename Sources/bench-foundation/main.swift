// A second start-up reference for the benchmark: a program that uses Foundation (a date
// formatter and a formatted number), so that the linker keeps Foundation, as it keeps it in
// skills. `bench-hello` imports Foundation but uses none of it, so its binary carries only
// the Swift runtime: the two together show what linking Foundation alone costs at start-up.
import Foundation

let formatter = DateFormatter()
formatter.dateFormat = "yyyy-MM-dd"
print(String(format: "hello %@ %.1f", formatter.string(from: Date(timeIntervalSince1970: 0)), 1.5))
