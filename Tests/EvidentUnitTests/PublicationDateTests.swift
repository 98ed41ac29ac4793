import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// The civil-calendar arithmetic agrees with Foundation's ISO 8601 and Gregorian calendar on every kind of date
/// it handles (and leaves the others, before the 1582 calendar switch, to Foundation).
final class PublicationDateTests: XCTestCase {
    private func foundationISO(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    private func foundationDay(_ date: Date) -> CivilDay {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return CivilDay(year: components.year!, month: components.month!, day: components.day!)
    }

    func testDaysAndTimesAgreeWithFoundation() throws {
        var generator = SplitMix64(seed: 25)
        var dates = [-1.0, 0, 86_399.5, 951_782_400, 4_107_456_000, 253_402_300_799, -12_219_292_800, -30_610_224_000]
            .map {
                Date(timeIntervalSince1970: $0)
            }
        for _ in 0..<5_000 {
            dates.append(
                Date(timeIntervalSince1970: Double.random(in: -12_100_000_000...253_000_000_000, using: &generator)))
        }
        for date in dates {
            XCTAssertEqual(PublicationDate.iso8601(date), foundationISO(date), "\(date.timeIntervalSince1970)")
            XCTAssertEqual(CivilDay.split(date)?.0 ?? foundationDay(date), foundationDay(date), "\(date)")
            let day = String(foundationISO(date).prefix(10))
            let parsed = try XCTUnwrap(PublicationDate.parse(day), day)
            XCTAssertEqual(parsed, try Date.ISO8601FormatStyle().year().month().day().parse(day), day)
        }
    }

    func testOnlyRealDaysTakeTheShortPath() {
        XCTAssertEqual(CivilDay(text: "2024-02-29"), CivilDay(year: 2024, month: 2, day: 29))
        for text in ["2023-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-00-10", "1582-10-20", "2026-1-01"] {
            XCTAssertNil(CivilDay(text: text), text)
        }
        XCTAssertEqual(CivilDay(text: "2000-02-29")?.daysSince1970, 11_016)
        XCTAssertEqual(PublicationDate.display(PublicationDate.parse("2026-11-25")!), "25 November 2026")
        XCTAssertEqual(PublicationDate.display(PublicationDate.parse("1000-01-01")!), "1 January 1000")
        XCTAssertNotNil(PublicationDate.parse("2026-11-25T09:30:00Z"))
        XCTAssertNil(PublicationDate.parse("not a date"))
    }
}
