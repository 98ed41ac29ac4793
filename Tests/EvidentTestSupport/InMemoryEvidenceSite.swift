import EvidentCore
import EvidentEvidence
import EvidentSite
import Foundation

/// The `sites/evidence` fixture (two benches, `sleeps` and `spins`) built in process with a measurer that answers
/// from memory and plain highlighting: what a build plans, measures, stores and writes, without running an
/// experiment. Its folder is removed by `remove()`.
package final class InMemoryEvidenceSite {
    package let site: FixtureSite
    package let measurer = InMemoryMeasurer(medians: ["short": 20e6, "long": 40e6, "one": 1e6, "two": 2e6])

    package init() throws {
        site = try FixtureSite("sites/evidence")
    }

    /// Builds the site with the options `change` sets.
    package func build(_ change: (inout BuildOptions) -> Void = { _ in }) throws -> BuildReport {
        var options = BuildOptions(siteFolder: site.folder)
        change(&options)
        return try SiteBuild(options: options, log: .silent, measurer: measurer, highlighter: PlainHighlighter()).run()
    }

    /// The stored evidence `id` of the `sleeps` essay, nil when there is none.
    package func record(_ id: String) throws -> EvidenceRecord? {
        try EvidenceStore(essayFolder: site.folder.appendingPathComponent("content/sleeps")).load(id: id)
    }

    package func remove() {
        site.remove()
    }
}
