import XCTest

@testable import EvidentCore

/// `repository:` in site.yml: the address readers clone to run the experiments again.
final class SiteConfigRepositoryTests: XCTestCase {
    private func parse(_ text: String) throws -> SiteConfig {
        try SiteConfig.parse(YAMLSource(file: "content/site.yml", firstLine: 1, text: text))
    }

    func testTheRepositoryIsReadAndOptional() throws {
        XCTAssertEqual(
            try parse("title: T\nrepository: https://github.com/example/essays\n").repository,
            "https://github.com/example/essays")
        XCTAssertEqual(try parse("title: T\n").repository, "")
    }

    func testAnAddressReadersCannotOpenIsAnErrorAtItsLine() {
        XCTAssertThrowsError(try parse("title: T\nrepository: git@github.com:example/essays.git\n")) { error in
            XCTAssertEqual(
                "\(error)",
                "content/site.yml:2: repository `git@github.com:example/essays.git` is not a web address readers "
                    + "can open and clone — write the repository's https:// address, e.g. "
                    + "https://github.com/example/essays")
        }
    }
}
