import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentEvidence

/// The versions of what experiments use from the venv, asked of the project's own venv (`make` installs it from
/// requirements.txt, which pins aiosqlite and IPython).
final class PackageVersionsTests: XCTestCase {
    private let python = FixtureSite.repository.appendingPathComponent(".venv/bin/python").path

    private func pinned(_ name: String) throws -> String {
        let requirements = try String(
            contentsOf: FixtureSite.repository.appendingPathComponent("requirements.txt"), encoding: .utf8)
        let line = try XCTUnwrap(requirements.split(separator: "\n").first { $0.lowercased().hasPrefix(name + "==") })
        return String(line.split(separator: "=").last ?? "")
    }

    func testModulesAndToolScriptsGiveTheirDistributionsAndSQLite() throws {
        let versions = try XCTUnwrap(
            PackageVersions.find(modules: ["asyncio", "aiosqlite", "json"], scripts: ["ipython"], python: python))
        XCTAssertEqual(versions["aiosqlite"], try pinned("aiosqlite"))
        XCTAssertEqual(versions["IPython"] ?? versions["ipython"], try pinned("ipython"))
        let sqlite = try XCTUnwrap(versions["SQLite"])
        XCTAssertTrue(sqlite.hasPrefix("3."), sqlite)
        XCTAssertEqual(versions.count, 3, "the standard library has no distribution: \(versions)")
    }

    func testNothingAskedOrNoInterpreterIsNil() {
        XCTAssertNil(PackageVersions.find(modules: [], scripts: [], python: python))
        XCTAssertNil(PackageVersions.find(modules: ["json"], scripts: [], python: python))
        XCTAssertNil(PackageVersions.find(modules: ["aiosqlite"], scripts: [], python: "/nonexistent/python"))
    }
}
