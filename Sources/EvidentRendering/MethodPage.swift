import EvidentCore
import Foundation

/// The site's own "How this was measured" page, which every evidence block links to: a text built into evident,
/// rendered with the site's `essay` template (so it looks like the rest of the site, whatever theme it has) at
/// `evidence-method/index.html`. Every build of a site with evidence writes it, so a site that is not evident's
/// own repository has it too; the folder name is reserved for it.
package enum MethodPage {
    /// Where the build writes it, from the output root.
    package static let path = "evidence-method/index.html"
    /// The link to it from an essay page (`<slug>/index.html`).
    static let linkFromEssay = "../evidence-method/"

    /// The page, dated `date` (the newest essay's, as the feed is, so that a rebuild writes the same bytes).
    package static func html(context: PageContext, templates: TemplateSet, date: Date) throws -> String {
        let page: TemplateValue = [
            "title": "How this was measured", "slug": "evidence-method",
            "url": .text(context.config.baseURL + "evidence-method/"),
            "date": .text(PublicationDate.iso8601(date)),
            "date_display": .text(PublicationDate.display(date)),
            "content": .text(content), "toc": "",
        ]
        return try templates.render("essay", ["site": context.site(root: "../"), "page": page, "build": context.build])
    }

    static let content = """
        <p>Each evidence block on this site is a measurement, stored beside the essay and re-judged at every build. \
        This page says what its numbers mean.</p>
        <h2>How the samples are taken</h2>
        <p>Every variant in every cell of the parameters is run as separate processes. The processes run in rounds: \
        one process per variant and cell per round, in a new shuffled order each round, so a machine that slows \
        down or speeds up during the measurement does not favour one variant. A process takes a batch of samples \
        after its warm-ups (a command timed as a whole process is one sample). Calls too fast to time one by one \
        are timed in loops and reported per call.</p>
        <h2>The median and its interval</h2>
        <p>The table shows each cell's median with a 95&nbsp;% interval meant to hold the median of a rerun on the \
        same kind of machine. Samples taken by one process are not independent, so the interval of one run comes \
        from the processes, not from the samples: a hierarchical bootstrap draws processes with replacement, then \
        samples within each drawn process, and takes the median of each of 2,000 such resamples; that interval \
        runs from their 2.5&nbsp;% to their 97.5&nbsp;% quantile. A cell needs at least 5 processes before its \
        interval counts; a block says so when a cell has fewer.</p>
        <p>Runs minutes apart differ by more than the processes of one run do, and no run can see that from \
        inside. So each refresh of the same code on the same kind of machine keeps the medians of the earlier \
        runs (up to 9), and the interval is widened to the spread those runs show: this run's median times or \
        divided by e<sup>t·s·√2</sup>, where s is the standard deviation of the logarithms of the runs' medians \
        (pooled over a variant's cells) and t Student's 97.5&nbsp;% quantile for that many runs, √2 because a \
        rerun drifts as much as this run. Few runs give a wide interval; a first measurement has only the \
        interval of its processes, and its block says that a rerun may fall outside it.</p>
        <h2>Ratios and claims</h2>
        <p>A ratio compares a variant with the baseline in the same cell. Its interval comes from the rounds in \
        which both ran: each resample draws rounds with replacement and, within them, both variants' samples, so \
        a slow moment of the machine that hits both in one round cancels out; it is widened by the drift of the \
        ratio over the earlier runs as a median is. A claim <em>holds</em> when its whole interval satisfies it, \
        is <em>contradicted</em> when its whole interval violates it, and is <em>inconclusive</em> otherwise.</p>
        <h2>What the interval does not cover</h2>
        <p>It does not cover another kind of machine, another version of Python or Swift, a change of the code \
        (each starts the earlier runs again), or a machine that changes beyond anything its earlier runs showed. \
        When a measurement is repeated on the same kind of machine and a median lands outside the previous \
        interval while the previous median lies outside the new one, the block flags the cell as moved, and a \
        claim whose verdict changed is shown as unstable. Evidence stored before the processes were kept has \
        intervals that cover the sampling within one run only, and its block says so.</p>
        <h2>Checking it yourself</h2>
        <p>Each block links to its raw data: every sample, the round of the process that took it, the earlier \
        runs' medians, this run's own interval, and the summaries. The bootstrap is seeded, so the same samples \
        always give the same intervals.</p>
        """
}
