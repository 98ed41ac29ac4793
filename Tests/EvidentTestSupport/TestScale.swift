import Foundation

/// How long the tests that grow with their input run: `make test` runs the short versions, `make test-slow`
/// (`EVIDENT_SLOW_TESTS=1`, which CI sets too) the long ones — more killed builds, longer fuzzing, larger inputs.
package enum TestScale {
    /// Whether the long versions run.
    package static let slow = ProcessInfo.processInfo.environment["EVIDENT_SLOW_TESTS"] == "1"

    /// `quick` in `make test`, `slow` in `make test-slow`.
    package static func pick<Value>(quick: Value, slow: Value) -> Value {
        self.slow ? slow : quick
    }
}
