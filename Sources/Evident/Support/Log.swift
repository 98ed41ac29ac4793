import Foundation

/// Where the build reports what it does: information, warnings, and transient progress on a terminal.
public struct Log: Sendable {
    public var info: @Sendable (String) -> Void
    public var warning: @Sendable (String) -> Void
    /// A line that replaces the previous progress line on a terminal (fitted to its width); nil when output is not a
    /// terminal.
    public var progress: (@Sendable (ProgressLine) -> Void)?

    public init(
        info: @escaping @Sendable (String) -> Void, warning: @escaping @Sendable (String) -> Void,
        progress: (@Sendable (ProgressLine) -> Void)? = nil
    ) {
        self.info = info
        self.warning = warning
        self.progress = progress
    }

    /// A log that prints nothing.
    public static let silent = Log(info: { _ in }, warning: { _ in })
}
