import EvidentCore

extension InlineClaim {
    /// The claim parsed against its directive among `directives`, with that directive's index.
    /// - Throws: an `EvidentError` at the span for an unknown id, a probe, or a sentence outside the grammar.
    func resolve(in directives: [CheckedDirective]) throws -> (index: Int, claim: Claim) {
        guard let index = directives.firstIndex(where: { $0.id == id }) else {
            throw EvidentError(
                .input, at: location, "inline claim `?\(id): \(text)` names no directive `\(id)`",
                fix: EditDistance.suggestion(
                    for: id, among: directives.map(\.id), noun: "directives of this essay"))
        }
        guard case .bench(let bench) = directives[index].definition else {
            throw EvidentError(
                .input, at: location, "inline claim `?\(id): \(text)` names a probe",
                fix: "inline claims compare the variants of a bench directive")
        }
        let params = Dictionary(uniqueKeysWithValues: bench.params.map { ($0.name, $0.values) })
        let claim = try Claim.parse(
            text, variants: bench.variants.map(\.name), params: params, metrics: bench.metrics, location: location)
        return (index, claim)
    }
}
