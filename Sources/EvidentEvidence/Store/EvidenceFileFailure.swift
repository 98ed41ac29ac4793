import EvidentCore

/// What is wrong with a stored evidence file (`content/<slug>/evidence/<id>.json`) of the directive `id`, or with
/// storing one (`file` as messages name it). The English is here.
package enum EvidenceFileFailure: FailureReason {
    /// The bytes are not an evidence record; `reason` is the decoder's, in words.
    case unreadable(id: String, reason: String)
    /// A record of another schema than 1.
    case wrongSchema(id: String, schema: Int)
    /// A published copy (it holds `current_claims`) stored as the evidence.
    case publishedCopy(id: String)
    /// The record of another directive (`holds`).
    case otherDirective(id: String, holds: String)
    /// A number that cannot be right, worded with what it belongs to (`EvidenceRecord.numberProblem`).
    case impossibleNumber(id: String, problem: String)
    /// Something other than a regular file is where the evidence goes; `problem` says what.
    case occupied(id: String, problem: String)
    /// The record could not be written beside its file.
    case cannotStage(file: String, reason: String)
    /// The staged record's bytes changed between measuring and storing (`temporary` is the staged file).
    case changedBeforeStoring(id: String, temporary: String)
    /// The staged record could not be renamed into place; nothing stored was changed.
    case cannotPlace(file: String, reason: String)

    package var kind: EvidentError.Kind {
        switch self {
        case .unreadable, .wrongSchema, .publishedCopy, .otherDirective, .impossibleNumber, .occupied: return .input
        case .cannotStage, .changedBeforeStoring, .cannotPlace: return .io
        }
    }

    package var message: String {
        switch self {
        case .unreadable(_, let reason): return "the stored evidence cannot be read: \(reason)"
        case .wrongSchema(_, let schema): return "the stored evidence has schema \(schema); this evident reads schema 1"
        case .publishedCopy: return "the file holds `current_claims`, which only a published copy has"
        case .otherDirective(let id, let holds): return "the file holds the evidence of `\(holds)`, not of `\(id)`"
        case .impossibleNumber(_, let problem), .occupied(_, let problem): return problem
        case .cannotStage(_, let reason), .cannotPlace(_, let reason): return "cannot store the evidence: \(reason)"
        case .changedBeforeStoring(let id, _):
            return "the new evidence of `\(id)` changed on disk between measuring and storing it"
        }
    }

    package var fix: String? {
        switch self {
        case .unreadable(let id, _), .wrongSchema(let id, _), .publishedCopy(let id), .otherDirective(let id, _),
            .impossibleNumber(let id, _):
            return "restore it from git or run evident build --refresh \(id)"
        case .occupied(let id, _): return "move it away: evident stores the evidence of `\(id)` at that path"
        case .cannotStage(let file, _): return "check that \(file) can be written (permissions, free space)"
        case .changedBeforeStoring(_, let temporary):
            return "something other than evident wrote to \(temporary); run the build again"
        case .cannotPlace(let file, _): return "check that \(file) can be written; no stored evidence was changed"
        }
    }
}
