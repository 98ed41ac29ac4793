import XCTest

@testable import EvidentCore

final class VersionTests: XCTestCase {
    func testVersionIsSemantic() {
        XCTAssertEqual(EvidentVersion.current.split(separator: ".").count, 3)
    }
}
