import EvidentCore
import Foundation
import Glibc

/// The stored evidence of one essay: `content/<slug>/evidence/<id>.json`, one file per directive.
///
/// A file is written to a temporary file beside it (`.<id>.json.tmp`) and renamed into place, so a reader never
/// sees part of a file and a failed or interrupted run leaves the previous file as it was. A temporary file left by
/// a killed run is never read, and the next save of that id replaces it.
struct EvidenceStore: Sendable {
    /// The essay folder, `content/<slug>`.
    var essayFolder: URL

    /// `content/<slug>/evidence`.
    var folder: URL { essayFolder.appendingPathComponent("evidence", isDirectory: true) }

    /// The file of the directive `id`.
    func url(id: String) -> URL { folder.appendingPathComponent("\(id).json") }

    /// The stored record of the directive `id`, or nil when there is none.
    ///
    /// - Throws: `EvidentError` (`.input`, at the file) when the file cannot be read, is not a record of schema 1,
    ///   or holds another directive's evidence.
    func load(id: String) throws -> EvidenceRecord? {
        let url = url(id: id)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let record: EvidenceRecord
        do {
            record = try EvidenceJSON.decode(try Data(contentsOf: url))
        } catch {
            throw corrupt(id: id, "the stored evidence cannot be read: \(EvidenceJSON.reason(error))")
        }
        guard record.schema == 1 else {
            throw corrupt(id: id, "the stored evidence has schema \(record.schema); this evident reads schema 1")
        }
        guard record.id == id else {
            throw corrupt(id: id, "the file holds the evidence of `\(record.id)`, not of `\(id)`")
        }
        return record
    }

    /// The stored file's bytes as they are, to publish beside the page without encoding the record again.
    func storedBytes(id: String) throws -> Data {
        do {
            return try Data(contentsOf: url(id: id))
        } catch {
            throw corrupt(id: id, "the stored evidence cannot be read: \(error.localizedDescription)")
        }
    }

    /// Writes `record` as `evidence/<record.id>.json`, creating the folder if needed, atomically.
    ///
    /// - Throws: `EvidentError` (`.io`, at the file) when the folder or the file cannot be written; the previous
    ///   file, if any, is then unchanged.
    func save(_ record: EvidenceRecord) throws {
        let url = url(id: record.id)
        let temporary = folder.appendingPathComponent(".\(record.id).json.tmp")
        let location = location(id: record.id)
        let fail = { (what: String) in
            EvidentError(
                .io, at: location, "cannot store the evidence: \(what)",
                fix: "check that \(location.file) can be written (permissions, free space)")
        }
        let data: Data
        do {
            data = try EvidenceJSON.encode(record)
        } catch {
            throw fail("\(error)")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw fail(error.localizedDescription)
        }
        if let failure = Self.write(data, to: temporary.path) ?? Self.rename(temporary.path, to: url.path) {
            unlink(temporary.path)
            throw fail(failure)
        }
    }

    /// The file as messages name it: `content/<slug>/evidence/<id>.json`.
    func location(id: String) -> SourceLocation {
        SourceLocation(file: "content/\(essayFolder.lastPathComponent)/evidence/\(id).json")
    }

    private func corrupt(id: String, _ message: String) -> EvidentError {
        EvidentError(
            .input, at: location(id: id), message, fix: "restore it from git or run evident build --refresh \(id)")
    }

    /// Writes `data` to a new or truncated file and flushes it to disk; the reason on failure.
    private static func write(_ data: Data, to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        do {
            try data.withUnsafeBytes { try FileBytes.writeAll(descriptor, $0) }
        } catch {
            return "\(error)"
        }
        return fsync(descriptor) == 0 ? nil : String(cString: strerror(errno))
    }

    private static func rename(_ source: String, to destination: String) -> String? {
        Glibc.rename(source, destination) == 0 ? nil : String(cString: strerror(errno))
    }
}
