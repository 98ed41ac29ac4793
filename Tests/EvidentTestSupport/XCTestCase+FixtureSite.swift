// Only where XCTest is (a test build): a release build of the package builds this target without it.
#if canImport(XCTest)
    import Foundation
    import XCTest

    /// Fixture sites scoped to a test: each is removed when the test ends, passed or failed, after the test's own
    /// `defer`s and before `tearDown`, so that no test needs a `defer { site.remove() }` of its own.
    extension XCTestCase {
        /// `FixtureSite(path, at:in:files:)`, removed when the test ends.
        package func makeSite(
            _ path: String, at destination: String = "", in parent: URL? = nil, files: [String: String] = [:]
        ) throws -> FixtureSite {
            removedAfterTest(try FixtureSite(path, at: destination, in: parent, files: files))
        }

        /// `FixtureSite(files:)`, a site made only of `files` (path → text), removed when the test ends.
        package func makeSite(files: [String: String]) throws -> FixtureSite {
            removedAfterTest(try FixtureSite(files: files))
        }

        /// `site`, registered to be removed when the test ends: for sites a helper type makes.
        @discardableResult
        package func removedAfterTest(_ site: FixtureSite) -> FixtureSite {
            addTeardownBlock { site.remove() }
            return site
        }
    }
#endif
