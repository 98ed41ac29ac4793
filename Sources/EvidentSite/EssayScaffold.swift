import EvidentCore
import Foundation

/// `evident new SLUG`: an essay with an example `bench` directive and the Python experiment it measures. The essay
/// starts as a draft (`draft: true`), which `evident build` leaves out unless `--drafts` is given.
package enum EssayScaffold {
    /// Creates `content/SLUG/` in the site at `siteFolder`; refuses a folder without `content/site.yml`, so that a
    /// mistyped `--site` (or none, outside a site) leaves no stray `content/` behind.
    package static func create(slug: String, siteFolder: URL) throws {
        // The rule a build applies to essay folders (`SiteContent`), so that `new` makes what `build` accepts.
        guard !slug.isEmpty, slug.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            throw EvidentError(
                .usage, "`\(slug)` is not a usable slug", fix: "use ASCII letters, digits, - and _")
        }
        guard SiteConfig.exists(in: siteFolder) else { throw SiteConfig.notFound(in: siteFolder) }
        let folder = siteFolder.appendingPathComponent("content/\(slug)", isDirectory: true)
        if FileManager.default.fileExists(atPath: folder.path) {
            throw EvidentError(
                .input, at: SourceLocation(file: "content/\(slug)/"), "the essay already exists",
                fix: "choose another slug")
        }
        let today = PublicationDate.day(Date())
        try OutputFile.createNew(folder.appendingPathComponent("index.md"), contents: essay(slug: slug, date: today))
        try OutputFile.createNew(folder.appendingPathComponent("experiments/sleeps.py"), contents: experiment)
    }

    private static func essay(slug: String, date: String) -> String {
        """
        ---
        title: \(slug.replacingOccurrences(of: "-", with: " ").capitalized)
        date: \(date)
        summary: One sentence about the essay.
        draft: true
        ---

        Write the essay here. Between paragraphs, a directive measures what the prose claims:

        ```bench
        id: sleeps
        title: A longer sleep takes longer
        caption: "At 20 ms, the long sleep against the short one: `=sleeps.long.ratio@ms=20`."
        experiment: experiments/sleeps.py
        variants: [short, long]
        params:
          ms: [10, 20]
        samples: auto
        precision: 3%
        budget: 20s
        claims:
          - long at least 1.5x slower than short
        ```

        This essay is a draft (`draft: true` above): `evident build --drafts` builds it, running the
        experiment once and storing the numbers in `evidence/sleeps.json`; later builds reuse them until
        the experiment changes, or `evident build --refresh sleeps`. Delete the `draft:` line to publish it.

        """
    }

    private static let experiment = """
        \"\"\"An example experiment: each variant is a function; evident times its calls.\"\"\"
        import time

        from evident_bench import Bench

        bench = Bench()


        @bench.variant("short")
        def short(ms):
            time.sleep(ms / 1000)


        @bench.variant("long")
        def long(ms):
            time.sleep(2 * ms / 1000)


        if __name__ == "__main__":
            bench.main()

        """
}
