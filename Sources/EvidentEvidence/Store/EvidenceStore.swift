import EvidentCore
import Foundation
import Glibc

/// The stored evidence of one essay: `content/<slug>/evidence/<id>.json`, one file per directive.
///
/// A file is written to a temporary file beside it (`.<id>.json.tmp`) and renamed into place by `StagedEvidence`
/// once the whole build has succeeded, so a reader never sees part of a file and a failed or interrupted run leaves
/// the previous file as it was. A temporary file left by a killed run is never read, and the next build of that id
/// replaces it.
package struct EvidenceStore: Sendable {
    /// The essay folder, `content/<slug>`.
    var essayFolder: URL

    package init(essayFolder: URL) {
        self.essayFolder = essayFolder
    }

    /// `content/<slug>/evidence`.
    var folder: URL { essayFolder.appendingPathComponent("evidence", isDirectory: true) }

    /// The file of the directive `id`.
    func url(id: String) -> URL { folder.appendingPathComponent("\(id).json") }

    /// The stored record of the directive `id`, or nil when there is none.
    ///
    /// - Throws: `EvidentError` (`.input`, at the file) when the file cannot be read, is not a record of schema 1,
    ///   holds another directive's evidence, or holds a number that cannot be right (`numberProblem`).
    func load(id: String) throws -> EvidenceRecord? {
        try loadWithBytes(id: id)?.record
    }

    /// The stored record of `id` and the bytes it was decoded from, read once: a reused record is published as
    /// exactly these bytes, whatever happens to the file during the build.
    func loadWithBytes(id: String) throws -> (record: EvidenceRecord, bytes: Data)? {
        guard let bytes = try read(id: id) else { return nil }
        let record: EvidenceRecord
        do {
            record = try EvidenceJSON.decode(Data(bytes))
        } catch {
            throw corrupt(.unreadable(id: id, reason: EvidenceJSON.reason(error)), id: id)
        }
        guard record.schema == 1 else {
            throw corrupt(.wrongSchema(id: id, schema: record.schema), id: id)
        }
        guard record.currentClaims == nil else {
            throw corrupt(.publishedCopy(id: id), id: id)
        }
        guard record.id == id else {
            throw corrupt(.otherDirective(id: id, holds: record.id), id: id)
        }
        if let problem = record.numberProblem() { throw corrupt(.impossibleNumber(id: id, problem: problem), id: id) }
        return (record, Data(bytes))
    }

    /// Writes `record` to `.<id>.json.tmp` beside its file and flushes it to disk, creating the folder if needed;
    /// `StagedEvidence` renames it into place. Returns the temporary file's path and the SHA-256 of its bytes.
    ///
    /// - Throws: `EvidentError` (`.io`, at the file) when the folder or the file cannot be written; the stored
    ///   file, if any, is untouched.
    func stage(_ record: EvidenceRecord) throws -> (temporary: String, digest: String) {
        let temporary = folder.appendingPathComponent(".\(record.id).json.tmp").path
        let location = location(id: record.id)
        let fail = { (reason: String) in
            EvidentError(EvidenceFileFailure.cannotStage(file: location.file, reason: reason), at: location)
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
        do {
            try AtomicFile.stage(temporary) { $0.append(data) }
        } catch {
            throw fail("\((temporary as NSString).lastPathComponent): \(error)")
        }
        return (temporary, ContentHash.hexDigest(of: data))
    }

    /// The file as messages name it: `content/<slug>/evidence/<id>.json`.
    package func location(id: String) -> SourceLocation {
        SourceLocation(file: "content/\(essayFolder.lastPathComponent)/evidence/\(id).json")
    }

    /// The stored file's bytes, nil when there is none; something other than a file there is an error.
    private func read(id: String) throws -> [UInt8]? {
        do {
            return try UserFile.read(url(id: id).path, at: location(id: id))
        } catch let error as EvidentError where error.kind == .input {
            throw EvidentError(EvidenceFileFailure.occupied(id: id, problem: error.message), at: error.location)
        }
    }

    /// The failure of a stored file that is not sound evidence, at the file.
    private func corrupt(_ failure: EvidenceFileFailure, id: String) -> EvidentError {
        EvidentError(failure, at: location(id: id))
    }
}
