import Foundation
import Glibc

/// Printing to the user's terminal: errors and warnings on stderr, progress redrawn in place when stderr is a tty.
/// Every message is printed with its control characters made visible (`TerminalText`): messages quote what
/// experiments and files say.
package enum Terminal {
    /// Whether standard error is an interactive terminal.
    static var isInteractive: Bool { isatty(2) == 1 }

    package static func error(_ message: String) {
        emit("error: \(TerminalText.visible(message))\n", to: .standardError)
    }

    /// The log the command line uses.
    package static func log(quiet: Bool) -> Log {
        let interactive = isInteractive
        let info: @Sendable (String) -> Void = { message in
            guard !quiet else { return }
            clearProgress(interactive)
            emit("\(TerminalText.visible(message))\n", to: .standardOutput)
        }
        let warning: @Sendable (String) -> Void = { message in
            clearProgress(interactive)
            emit("warning: \(TerminalText.visible(message))\n", to: .standardError)
        }
        let progress: @Sendable (ProgressLine) -> Void = { line in
            // One column short of the width: a line that fills the last column wraps on some terminals.
            emit("\r\u{1B}[2K\(TerminalText.visible(line.fitted(to: (columns() ?? 80) - 1)))", to: .standardError)
        }
        return Log(info: info, warning: warning, progress: interactive && !quiet ? progress : nil)
    }

    /// The width of the terminal on standard error (asked at each redraw, so a resized window is followed); nil
    /// when it is not a terminal or does not say.
    static func columns() -> Int? {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Writes without trapping when the reader has gone (`evident build | head`): the text is then dropped.
    private static func emit(_ text: String, to handle: FileHandle) {
        try? handle.write(contentsOf: Data(text.utf8))
    }

    private static func clearProgress(_ interactive: Bool) {
        if interactive { emit("\r\u{1B}[2K", to: .standardError) }
    }
}
