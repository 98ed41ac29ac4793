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
        <p>The variants of one experiment file share a process in each cell of the parameters and alternate \
        sample by sample: a <em>pair</em> runs each variant once, in an order shuffled for every other pair and \
        mirrored in between, so that no variant always goes first. A slow moment of the machine then hits every \
        variant of a pair alike. Variants that must not share a process (they start servers or pools, measure \
        memory, or come from different files or languages) run as separate processes instead. The processes run in \
        rounds, in a new shuffled order each round, and each takes a batch of samples after its warm-ups (a command \
        timed as a whole process is one sample). Calls too fast to time one by one are timed in loops and reported \
        per call.</p>
        <h2>The median and its interval</h2>
        <p>The table shows each cell's median with a 95&nbsp;% interval meant to hold the median of a rerun on the \
        same kind of machine. Samples taken by one process are not independent, so the interval of one run comes \
        from the processes, not from the samples: a hierarchical bootstrap draws processes with replacement, then \
        samples within each drawn process, and takes the median of each of 2,000 such resamples; that interval \
        runs from their 2.5&nbsp;% to their 97.5&nbsp;% quantile. A cell needs at least 5 processes before its \
        interval counts; a block says so when a cell has fewer.</p>
        <p>Runs minutes apart differ by more than the processes of one run do, and no run can see that from \
        inside. So each refresh of the same code on the same kind of machine keeps the medians and ratios of the \
        earlier runs (up to 9), and the interval is widened to the spread those runs show: this run's value times \
        or divided by e<sup>t·s·√2</sup>, where s is the standard deviation of the logarithms of the runs' values \
        (over a variant's cells for medians and over a ratio's own runs for ratios, borrowing from all the block's \
        cells, or ratios, until there are four degrees of freedom of its own) and t Student's \
        97.5&nbsp;% quantile for that many degrees of freedom, √2 because a rerun drifts as much as this run. A \
        first measurement has only the interval of its processes, and its block says that a rerun may fall \
        outside it. When a cell's processes ran at two distinct speeds, the block says so: the machine, not the \
        code, moves its absolute times.</p>
        <h2>Ratios and claims</h2>
        <p>A ratio compares a variant with the baseline in the same cell. For variants that shared a process it is \
        the median of the ratios of the pairs, and its interval comes from resampling processes, then pairs within \
        them; otherwise it is the ratio of the two medians, with an interval from the rounds in which both ran. \
        Either way it is widened by the drift of the block's ratios over the earlier runs. A ratio whose interval \
        holds 1 reads "same within ±X&nbsp;%" only when the whole interval lies within ±5&nbsp;% (or within a \
        claim's own margin); otherwise it reads "no clear difference". A claim <em>holds</em> when its whole \
        interval satisfies it, is <em>contradicted</em> when its whole interval violates it, and is \
        <em>inconclusive</em> otherwise. Claims are registered with the measurement: a claim edited, added or \
        removed afterwards is shown as such, with the earlier text and verdict, until the next refresh.</p>
        <h2>What the interval does not cover</h2>
        <p>It does not cover another kind of machine, another version of Python or Swift, a change of the code \
        (each starts the earlier runs again), or a machine that changes beyond anything its earlier runs showed. \
        When a measurement is repeated on the same kind of machine and a median lands outside the previous \
        interval while the previous median lies outside the new one, the block flags the cell as moved, and a \
        claim whose verdict changed is shown as unstable. Evidence stored before the processes were kept has \
        intervals that cover the sampling within one run only, and its block says so.</p>
        <h2>Checking it yourself</h2>
        <p>Each block links to its raw data: every sample, the round of the process that took it and its pair, \
        the earlier runs' medians and ratios, this run's own interval, the registered claims, and the summaries. The bootstrap is seeded, so the same samples \
        always give the same intervals.</p>
        """
}
