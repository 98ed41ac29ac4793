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

    func testOnlyDaysAndTimesThatExistAreDates() throws {
        XCTAssertEqual(try WrittenDate.parse("2024-02-29").display, "29 February 2024")
        XCTAssertEqual(CivilDay(year: 2000, month: 2, day: 29).daysSince1970, 11_016)
        let refused = [
            "2026-02-30": "February 2026 has 28 days, so it has no day 30",
            "2023-02-29": "February 2023 has 28 days, so it has no day 29",
            "1900-02-29": "February 1900 has 28 days, so it has no day 29",
            "2026-04-31": "April 2026 has 30 days, so it has no day 31",
            "2026-13-01": "there is no month 13", "2026-00-10": "there is no month 0",
            "2026-1-01": "it does not start with a day written YYYY-MM-DD",
            "not a date": "it does not start with a day written YYYY-MM-DD",
            "2026-11-25T24:00:00Z": "there is no hour 24 (hours run 00–23)",
            "2026-11-25T09:60Z": "there is no minute 60 (minutes run 00–59)",
            "2026-11-25T09:30:61Z": "there is no second 61 (seconds run 00–59)",
            "2026-11-25T09:30:00+15:00": "time zone offsets run from -12:00 to +14:00",
            "2026-11-25T09:30:00+01:75": "time zone offsets run from -12:00 to +14:00",
            "2026-11-25T09:30:00 CET": "its time zone is not Z or an offset such as +01:00",
            "2026-11-25T9:30": "its time is not written HH:MM or HH:MM:SS",
            "2026-11-25T09:30:00+1": "its time zone offset is not written +HH:MM",
        ]
        for (text, reason) in refused {
            XCTAssertThrowsError(try WrittenDate.parse(text), text) { error in
                XCTAssertEqual((error as? WrittenDate.Problem)?.reason, reason, text)
            }
        }
    }

    /// A time zone moves the moment, never the day the page shows: the author's day, as written.
    func testTimeZonesMoveTheMomentAndKeepTheWrittenDay() throws {
        let cases: [(String, String, String)] = [
            ("2026-11-25T09:30:00Z", "2026-11-25T09:30:00Z", "25 November 2026"),
            ("2026-11-25T00:30:00+01:00", "2026-11-24T23:30:00Z", "25 November 2026"),
            ("2026-11-25T23:30-0530", "2026-11-26T05:00:00Z", "25 November 2026"),
            ("2026-11-25 09:30", "2026-11-25T09:30:00Z", "25 November 2026"),
            ("2026-11-25T09:30:00.750+14", "2026-11-24T19:30:00Z", "25 November 2026"),
            ("1000-01-01", "1000-01-01T00:00:00Z", "1 January 1000"),
        ]
        for (text, moment, display) in cases {
            let written = try WrittenDate.parse(text)
            XCTAssertEqual(PublicationDate.iso8601(written.date), moment, text)
            XCTAssertEqual(written.display, display, text)
        }
        XCTAssertEqual(PublicationDate.display(PublicationDate.parse("2026-11-25")!), "25 November 2026")
    }
}
