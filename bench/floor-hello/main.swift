// The start-up floor for `make bench`: a Swift program built like logcheck that does nothing
// but print one line.
print("hello")
