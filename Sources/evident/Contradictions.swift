import EvidentCore
import EvidentSite

extension BuildReport {
    /// Names each contradicted claim on stderr, `file:line` first: as an error when the command fails on it
    /// (`build --strict`, `check`), else as a warning.
    func printContradictions(failing: Bool, log: Log) {
        for claim in contradictions {
            if failing { Terminal.error(claim.description) } else { log.warning(claim.description) }
        }
    }
}
