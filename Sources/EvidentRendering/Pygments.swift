import EvidentCore
import EvidentSystem
import Foundation

/// Turns code into highlighted HTML spans: Pygments in the site's Python for a build, a stand-in in tests.
package protocol Highlighter {
    /// Highlights `blocks`, handing `add` the HTML spans of each in order, as UTF-8 (nil where the language has no
    /// lexer). False when highlighting is not available: the code then stays plain and escaped, and what was handed
    /// over is discarded.
    func highlight(_ blocks: [(language: String, code: String)], log: Log, add: (Data?) throws -> Void) throws -> Bool
}

/// Batch calls to Pygments in the site's Python: the blocks go to it through a file, and its HTML comes back through
/// another, read a block at a time, so that a large site's highlighting is never in memory at once.
package struct Pygments: Highlighter {
    /// The site's Python, which has Pygments installed.
    var python: String

    package init(python: String) {
        self.python = python
    }

    /// Pygments is single-threaded: a large batch is split into one contiguous part per core, each highlighted by its
    /// own process, and the replies are read in input order (so output does not depend on the split). False, with a
    /// warning, when Pygments cannot run or its reply does not read; the code then stays plain and escaped.
    package func highlight(
        _ blocks: [(language: String, code: String)], log: Log, add: (Data?) throws -> Void
    ) throws -> Bool {
        let parts = max(
            1, min(ProcessInfo.processInfo.activeProcessorCount, blocks.count / Self.minimumBlocksPerProcess))
        let bounds = (0...parts).map { $0 * blocks.count / parts }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "evident-highlight-\(getpid())-\(UUID().uuidString)"
        ).path
        guard (try? FileBytes.makeFolder(folder)) != nil else { return unavailable(log: log) }
        let cleanup = SignalCleanup.register(folder)
        defer {
            FileBytes.removeTree(folder)
            cleanup.forget()
        }
        let replies = try ParallelMap.map(Array(0..<parts)) { part in
            highlightInOneProcess(blocks[bounds[part]..<bounds[part + 1]], files: "\(folder)/\(part)")
        }
        for (part, reply) in replies.enumerated() {
            guard let reply, try Self.read(reply, count: bounds[part + 1] - bounds[part], add: add) else {
                return unavailable(log: log)
            }
        }
        return true
    }

    /// Below this many blocks per process, starting another Python costs more than it saves.
    private static let minimumBlocksPerProcess = 100

    private func unavailable(log: Log) -> Bool {
        log.warning("code blocks are not highlighted: Pygments is not available to \(python) (run `make bootstrap`)")
        return false
    }

    /// Runs one Pygments process on `blocks`, through the files `files.in` (written here: per block its language,
    /// a newline, its code's byte count, a newline and the code) and `files.out`; the reply's path, or nil when
    /// the process failed.
    private func highlightInOneProcess(_ blocks: ArraySlice<(language: String, code: String)>, files: String) -> String?
    {
        do {
            let writer = try FileBytes.Appender(files + ".in")
            for block in blocks {
                writer.append("\(block.language)\n\(block.code.utf8.count)\n".utf8)
                writer.append(block.code.utf8)
            }
            try writer.close()
        } catch {
            return nil
        }
        let environment = Subprocess.cleanEnvironment(adding: ["PYTHONIOENCODING": "utf-8"])
        let process = Subprocess(
            [python, "-c", Self.script, files + ".out"], environment: environment, input: .file(files + ".in"),
            timeout: .seconds(120))
        guard let result = try? process.run(), result.succeeded else { return nil }
        return files + ".out"
    }

    /// Reads a reply, handing each block's spans to `add`: per block, `-` and a newline (no lexer), or the HTML's byte
    /// count, a newline and the HTML. False unless it holds exactly `count` blocks.
    private static func read(_ path: String, count: Int, add: (Data?) throws -> Void) throws -> Bool {
        guard let file = OpenFile(path: path) else { return false }
        let reader = ChunkedReader(descriptor: file.descriptor)
        for _ in 0..<count {
            if reader.peek() == UInt8(ascii: "-") {
                guard reader.read(2, { $0.elementsEqual("-\n".utf8) }) == true else { return false }
                try add(nil)
                continue
            }
            guard let length = reader.number(until: 10), let spans = reader.read(length, { Data($0) }) else {
                return false
            }
            try add(spans)
        }
        return reader.offset == file.size
    }
}
