import Foundation
import XCTest

/// A fixture site copied into a fresh temporary folder, so tests can build it and change it freely.
struct FixtureSite {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/Fixtures")

    let folder: URL

    /// Copies `Tests/Fixtures/<path>` into a temporary folder, or into a folder `site` inside `parent`.
    init(_ path: String, in parent: URL? = nil) throws {
        folder =
            parent?.appendingPathComponent("site", isDirectory: true)
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("evident-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(
            at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(path), to: folder)
    }

    var output: URL { folder.appendingPathComponent("public", isDirectory: true) }

    func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    /// Every file under `path` with its bytes, to prove a failed build left it byte for byte as it was.
    func snapshot(_ path: String) -> [String: Data] {
        Self.snapshot(of: folder.appendingPathComponent(path))
    }

    /// Every file under `root` with its bytes.
    static func snapshot(of root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: root.path) ?? .init() {
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) {
                files[relative] = data
            }
        }
        return files
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Runs the `evident` executable that `swift build` made, as a user would.
enum EvidentCLI {
    static let binary = FixtureSite.repository.appendingPathComponent(".build/debug/evident")

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }
}
