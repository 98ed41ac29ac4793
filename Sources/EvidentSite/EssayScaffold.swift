import EvidentCore
import Foundation

/// `evident new SLUG`: an essay with an example `bench` directive and the Python experiment it measures.
package enum EssayScaffold {
    package static func create(slug: String, siteFolder: URL) throws {
        guard !slug.isEmpty, slug.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw EvidentError(
                .usage, "`\(slug)` is not a usable slug", fix: "use lower-case letters, digits and dashes")
        }
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
        caption: At 20 ms the long sleep takes `=sleeps.long.ratio@ms=20` the time of the short one.
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

        `evident build` runs the experiment once and stores the numbers in `evidence/sleeps.json`;
        later builds reuse them until the experiment changes, or `evident build --refresh sleeps`.

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
