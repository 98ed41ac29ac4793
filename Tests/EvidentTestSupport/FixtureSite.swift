import Foundation

/// A site in a fresh temporary folder, for a test to build and change freely: a named fixture folder copied from
/// `Tests/Fixtures/`, or files written inline in the test (Hugo-style), or a fixture with files laid over it.
package struct FixtureSite {
    package static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let fixtures = repository.appendingPathComponent("Tests/Fixtures")

    package let folder: URL

    /// Copies `Tests/Fixtures/<path>` into a temporary folder, or into a folder `site` inside `parent` (in either,
    /// into its subfolder `destination`), then writes `files` (path → text) over it.
    package init(
        _ path: String, at destination: String = "", in parent: URL? = nil, files: [String: String] = [:]
    ) throws {
        folder = parent?.appendingPathComponent("site", isDirectory: true) ?? Self.temporaryFolder()
        let target = destination.isEmpty ? folder : folder.appendingPathComponent(destination, isDirectory: true)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(path), to: target)
        for (path, text) in files { try write(path, text) }
    }

    /// A site made only of `files` (path → text), such as `content/site.yml` and `content/x/index.md`.
    package init(files: [String: String]) throws {
        folder = Self.temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    private static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("evident-test-\(UUID().uuidString)", isDirectory: true)
    }

    package var output: URL { folder.appendingPathComponent("public", isDirectory: true) }

    package func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    package func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    package func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    /// Every file under `path` with its bytes, to prove a failed build left it byte for byte as it was.
    package func snapshot(_ path: String) -> [String: Data] {
        Self.snapshot(of: folder.appendingPathComponent(path))
    }

    /// Every file under `root` with its bytes.
    package static func snapshot(of root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: root.path) ?? .init() {
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) {
                files[relative] = data
            }
        }
        return files
    }

    /// Copies the tree `Tests/Fixtures/<path>` over this site, replacing files that exist.
    package func lay(_ path: String) throws {
        let source = Self.fixtures.appendingPathComponent(path)
        for case let relative as String in FileManager.default.enumerator(atPath: source.path) ?? .init() {
            var isFolder: ObjCBool = false
            let from = source.appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: from.path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            let to = folder.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: to)
            try FileManager.default.copyItem(at: from, to: to)
        }
    }

    /// Every staging folder or temporary evidence file a build left in the site.
    package var leftovers: [String] { Self.leftovers(in: folder) }

    /// Every staging folder or temporary evidence file a build left under `folder`.
    package static func leftovers(in folder: URL) -> [String] {
        let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.contains("evident-staging") || $0.hasSuffix(".json.tmp") }
    }

    package func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
