import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Printing to the user's terminal: errors and warnings on stderr, progress redrawn in place when stderr is a tty.
public enum Terminal {
    /// Whether standard error is an interactive terminal.
    public static var isInteractive: Bool { isatty(2) == 1 }

    public static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    /// The log the command line uses.
    public static func log(quiet: Bool) -> Log {
        let interactive = isInteractive
        let info: @Sendable (String) -> Void = { message in
            guard !quiet else { return }
            clearProgress(interactive)
            FileHandle.standardOutput.write(Data("\(message)\n".utf8))
        }
        let warning: @Sendable (String) -> Void = { message in
            clearProgress(interactive)
            FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
        }
        let progress: @Sendable (String) -> Void = { line in
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(line.prefix(160))".utf8))
        }
        return Log(info: info, warning: warning, progress: interactive && !quiet ? progress : nil)
    }

    private static func clearProgress(_ interactive: Bool) {
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
