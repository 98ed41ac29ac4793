import EvidentCore
import EvidentEvidence
import Foundation

/// How to run one cell of a directive's experiment without evident, from the root of a fresh clone of the site's
/// repository: into the experiment's folder (where evident runs it), then the runner protocol's own command line,
/// with the helper from the repository's copy when it ships one (`BundledHelpers.shipped`), else from the
/// experiment's folder, where the page asks the reader to put the copy published beside the source.
package struct HandRun {
    /// The essay's folder in the site, `content/<slug>`.
    var essayFolder: String
    /// The experiment's path inside the essay folder, such as `experiments/await_loop.py`.
    var path: String
    /// The folder of the repository's helpers relative to the site root (`helpers`), nil when it ships none.
    var helpers: String?
    /// The name the file knows the variant by, and the cell's parameter values in the directive's order.
    var variant: String
    var params: [(name: String, value: String)]

    package init(
        essayFolder: String, path: String, helpers: String?, variant: String,
        params: [(name: String, value: String)]
    ) {
        self.essayFolder = essayFolder
        self.path = path
        self.helpers = helpers
        self.variant = variant
        self.params = params
    }

    /// The samples and warm-ups of a run by hand: enough to see the numbers, quickly.
    static let samples = 5
    static let warmup = 1

    /// The whole command line, for a POSIX shell.
    package var command: String {
        let folder = ([essayFolder] + path.split(separator: "/").dropLast().map(String.init)).joined(separator: "/")
        let file = Shell.quote((path as NSString).lastPathComponent)
        let up = String(repeating: "../", count: folder.split(separator: "/").count)
        let helperFolder = helpers.map { Shell.quote(up + $0) }
        let arguments =
            (["--variant", variant] + params.flatMap { ["--param", "\($0.name)=\($0.value)"] }
            + ["--samples", "\(Self.samples)", "--warmup", "\(Self.warmup)"]).map(Shell.quote).joined(separator: " ")
        let run: String
        switch (path as NSString).pathExtension {
        case "swift":
            let helper = (helperFolder.map { $0 + "/" } ?? "") + "EvidentBench.swift"
            run =
                "build=$(mktemp -d) && cp \(file) \"$build/main.swift\" && swiftc -O -module-name Experiment "
                + "-o \"$build/experiment\" \"$build/main.swift\" \(helper) && \"$build/experiment\" \(arguments)"
        case "js", "mjs":
            // Node looks up a bare `require` in NODE_PATH only, not in the script's own folder.
            run = "NODE_PATH=\(helperFolder ?? ".") node \(file) \(arguments)"
        default:
            run = (helperFolder.map { "PYTHONPATH=\($0) " } ?? "") + "python3 \(file) \(arguments)"
        }
        return "cd \(Shell.quote(folder)) && \(run)"
    }
}

/// Quoting for a POSIX shell.
enum Shell {
    /// `word` as it is when it needs no quotes, else in single quotes.
    static func quote(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_./=,:@%+".unicodeScalars.contains($0)
        }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
