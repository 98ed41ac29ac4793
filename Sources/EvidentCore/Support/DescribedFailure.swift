/// A failure of a family that has no typed cases: its kind and its English as written where it is thrown (site
/// scaffolding, locks, the preview server, links found by `check`).
struct DescribedFailure: FailureReason {
    var kind: EvidentError.Kind
    var message: String
    var fix: String?
}
