import EvidentCore
import Foundation

/// The experiment helpers carried in the binary (`evident_bench.py`, `EvidentBench.swift`, `evident_bench.js`; their source is the
/// repo's `helpers/`), written out once into the site's cache so experiments can import them.
package enum BundledHelpers {
    static let python = "evident_bench.py"
    static let swift = "EvidentBench.swift"
    static let node = "evident_bench.js"
    /// The folder of a site that ships the helpers in its own repository, as evident's does.
    static let siteFolderName = "helpers"

    /// The helper an experiment runs with, by its file's extension.
    package static func name(forExperiment path: String) -> String {
        if path.hasSuffix(".swift") { return swift }
        if path.hasSuffix(".js") || path.hasSuffix(".mjs") { return node }
        return python
    }

    /// `<cache>/helpers/<hash>/`, holding every helper; written on first use, atomically. A folder already there
    /// is used only when every helper in it has exactly the bundled bytes: one edited by hand (the docs show where
    /// the helpers are) is written anew, since the evidence key counts the bundled text, not the copy.
    static func folder(cache: URL) throws -> URL {
        var hash = ContentHash()
        for (name, text) in files.sorted(by: { $0.key < $1.key }) { hash.update("\(name)\u{0}\(text)\u{0}") }
        let folder = cache.appendingPathComponent("helpers/\(hash.hexDigest().prefix(16))", isDirectory: true)
        if FileManager.default.fileExists(atPath: folder.path) {
            if holdsBundledBytes(folder) { return folder }
            try FileManager.default.removeItem(at: folder)
        }
        let staging = cache.appendingPathComponent("helpers/.staging-\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: staging)
        for (name, text) in files {
            try OutputFile.write(staging.appendingPathComponent(name), contents: text + "\n")
        }
        _ = AtomicFile.publishFolder(staging.path, at: folder.path)
        return folder
    }

    /// Whether every helper in `folder` is a regular file with the bundled bytes.
    private static func holdsBundledBytes(_ folder: URL) -> Bool {
        files.allSatisfy { name, text in
            let path = folder.appendingPathComponent(name).path
            let bytes = try? UserFile.read(path, at: SourceLocation(file: path))
            return bytes.map { $0.elementsEqual((text + "\n").utf8) } ?? false
        }
    }

    /// `helpers`, when the site folder holds every helper there with exactly the bundled bytes, so that a clone of
    /// its repository runs an experiment by hand with the helper evident ran it with; nil otherwise.
    package static func shipped(in siteFolder: URL) -> String? {
        holdsBundledBytes(siteFolder.appendingPathComponent(siteFolderName, isDirectory: true)) ? siteFolderName : nil
    }

    /// The text of a bundled helper (as written out, with its final newline).
    package static func text(_ name: String) -> String? {
        files[name].map { $0 + "\n" }
    }
}
