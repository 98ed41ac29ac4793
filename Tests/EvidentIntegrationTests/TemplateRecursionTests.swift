import EvidentTestSupport
import Foundation
import XCTest

/// A partial or parent that includes itself without end fails the build with its file and line (it used to crash
/// evident with a stack overflow), and leaves a running preview serving the last good build.
final class TemplateRecursionTests: XCTestCase {
    func testAPartialIncludingItselfIsABuildErrorAtItsTag() throws {
        try checkBuildFails(
            templates: ["partials/footer.mustache": "F{{>partials/footer}}\n"],
            error: "error: templates/partials/footer.mustache:1: including `partials/footer` here nests templates "
                + "more than 200 deep (partials/footer → partials/footer)")
    }

    func testTwoPartialsIncludingEachOtherAreABuildError() throws {
        try checkBuildFails(
            templates: [
                "partials/footer.mustache": "<footer>\n{{>partials/a}}\n</footer>\n",
                "partials/a.mustache": "a\n{{>partials/b}}\n", "partials/b.mustache": "b {{>partials/a}}\n",
            ],
            error: "error: templates/partials/b.mustache:1: including `partials/a` here nests templates more than "
                + "200 deep (partials/a → partials/b → partials/a)")
    }

    func testServeReportsTheRecursionAndKeepsServing() throws {
        let server = try ServeProcess()
        try server.site.write("templates/partials/footer.mustache", "F{{>partials/footer}}\n")
        XCTAssertTrue(
            ServeProcess.eventually(within: 10) { server.output("stderr").contains("nests templates") },
            server.output("stderr"))
        let page = try RawHTTP.request(server.port, "/first-essay/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("templates/partials/footer.mustache:1: including `partials/footer`"))
        XCTAssertTrue(server.output("stderr").contains("(still serving the last good build)"))
        XCTAssertEqual(server.stop(with: SIGTERM, timeout: 5), 0)
    }

    private func checkBuildFails(templates: [String: String], error: String) throws {
        let site = try makeSite("sites/basic")
        for (path, text) in templates { try site.write("templates/\(path)", text) }
        let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix(error), result.stderr)
        XCTAssertFalse(site.exists("public"))
        XCTAssertEqual(site.leftovers, [])
    }
}
