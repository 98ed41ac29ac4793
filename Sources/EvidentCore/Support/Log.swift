import Foundation

/// Where the build reports what it does: information, warnings, and transient progress on a terminal.
package struct Log: Sendable {
    package var info: @Sendable (String) -> Void
    package var warning: @Sendable (String) -> Void
    /// A line that replaces the previous progress line on a terminal (fitted to its width); nil when output is not a
    /// terminal.
    package var progress: (@Sendable (ProgressLine) -> Void)?

    init(
        info: @escaping @Sendable (String) -> Void, warning: @escaping @Sendable (String) -> Void,
        progress: (@Sendable (ProgressLine) -> Void)? = nil
    ) {
        self.info = info
        self.warning = warning
        self.progress = progress
    }

    /// A log that prints nothing.
    static let silent = Log(info: { _ in }, warning: { _ in })
}
