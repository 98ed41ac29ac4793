import EvidentCore
import EvidentSystem
import Foundation

/// `evident check`: builds the site from stored evidence only (never measuring) into a temporary folder,
/// re-evaluating every claim from the stored samples, then checks the internal links, anchors, images and style
/// sheet references of that build, or of a folder already published (`--output`).
package struct SiteCheck {
    var siteFolder: URL
    var log: Log
    /// Refuse claims changed after their evidence was measured (`--preregistered`).
    var preregistered: Bool
    /// Include essays marked `draft: true` (`--drafts`).
    var includeDrafts: Bool
    /// A built site to check the links of, instead of the temporary build (`--output`).
    var published: URL?

    package init(
        siteFolder: URL, log: Log, preregistered: Bool = false, includeDrafts: Bool = false, published: URL? = nil
    ) {
        self.siteFolder = siteFolder
        self.log = log
        self.preregistered = preregistered
        self.includeDrafts = includeDrafts
        self.published = published
    }

    package func run() throws -> CheckReport {
        let config = try SiteConfig.load(siteFolder: siteFolder)
        if let published { try Self.checkPublished(published) }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("evident-check-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let cleanup = SignalCleanup.register(scratch.path)
        defer {
            FileBytes.removeTree(scratch.path)
            cleanup.forget()
        }
        let output = scratch.appendingPathComponent("public", isDirectory: true)
        var options = BuildOptions(siteFolder: siteFolder, outputFolder: output)
        options.frozen = true
        options.preregistered = preregistered
        options.includeDrafts = includeDrafts
        let build = try SiteBuild(options: options, log: log).run()
        let broken = try LinkCheck(output: published ?? output, baseURL: config.baseURL).run()
        return CheckReport(build: build, broken: broken.map(\.description))
    }

    /// A published folder must hold a built site: an empty or mistyped path would pass with no link checked.
    private static func checkPublished(_ folder: URL) throws {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) else {
            throw EvidentError(
                .input, at: SourceLocation(file: folder.path), "there is no built site here (no index.html)",
                fix: "pass the folder `evident build --output` wrote, or build the site first")
        }
    }
}

/// What `evident check` found.
package struct CheckReport: Sendable {
    package var build: BuildReport
    /// Each broken link, as `page: link ... problem`.
    var broken: [String]

    /// The check's closing lines: each broken link, then the counts; unused evidence files are counted but never
    /// fail the check (the build warns about each with the way to delete it).
    package var summary: String {
        let claims = build.claims
        let unused = build.orphanEvidence.count
        let orphans = unused == 0 ? "" : "; \(unused) unused evidence file\(unused == 1 ? "" : "s")"
        var lines = broken.map { "broken: \($0)" }
        lines.append(
            "checked \(build.pages) page\(build.pages == 1 ? "" : "s")\(build.draftsNote): claims \(claims.held) held, "
                + "\(claims.contradicted) contradicted, \(claims.inconclusive) inconclusive; "
                + "\(build.staleDirectives) stale; \(broken.count) broken link\(broken.count == 1 ? "" : "s")"
                + orphans)
        return lines.joined(separator: "\n")
    }

    /// Exit 3 on a contradicted claim, 1 on a broken link.
    package func throwIfFailed() throws {
        if build.claims.contradicted > 0 {
            throw EvidentError(
                .contradicted, "\(build.claims.contradicted) claim(s) contradicted by the stored evidence",
                fix: "correct the claim, or re-measure with `evident build --refresh ID` if the experiment changed")
        }
        if let implausible = build.implausibleError { throw implausible }
        if !broken.isEmpty {
            throw EvidentError(.input, "\(broken.count) broken internal link(s)", fix: "correct the links listed above")
        }
    }
}
