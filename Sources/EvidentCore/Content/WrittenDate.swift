import Foundation

/// An essay's `date:` as its author wrote it: `YYYY-MM-DD`, or a time of that day, `YYYY-MM-DDTHH:MM[:SS[.fff]]`
/// with an optional time zone (`Z`, `+01:00`, `-0530`; none is UTC). Every field is checked, so that a day that
/// does not exist (`2026-02-30`) or an hour past 23 is refused with its reason instead of rolling over into the
/// next month or day, as a lenient parser would.
package struct WrittenDate: Equatable, Sendable {
    /// The moment, in UTC.
    package var date: Date
    /// The day as written, in the author's own time zone, as pages show it (`25 November 2026`).
    package var display: String

    /// Why a text is not a date: one sentence a reader can act on.
    package struct Problem: Error, Equatable {
        package var reason: String
    }

    /// The written date, or the reason it is not one.
    package static func parse(_ text: String) throws(Problem) -> WrittenDate {
        var reader = DateReader(Array(text.trimmingCharacters(in: .whitespaces).utf8))
        let (year, month, day) = try reader.day()
        let seconds = try reader.time()
        let offset = try reader.zone()
        guard reader.atEnd else { throw Problem(reason: "it has more after the date and time than a time zone") }
        let display = "\(day) \(PublicationDate.months[month - 1]) \(year)"
        let start: Date
        if year >= 1583 {
            start = Date(
                timeIntervalSince1970: Double(CivilDay(year: year, month: month, day: day).daysSince1970) * 86_400)
        } else {
            // Before the 1582 switch Foundation's calendar is Julian: its own reading of the day.
            let dayText = String(decoding: reader.bytes.prefix(10), as: UTF8.self)
            guard let parsed = try? Date.ISO8601FormatStyle().year().month().day().parse(dayText) else {
                throw Problem(reason: "the day \(dayText) does not exist in the calendar")
            }
            start = parsed
        }
        return WrittenDate(date: start.addingTimeInterval(seconds - offset), display: display)
    }
}

/// Reads the fields of a written date from its bytes, left to right.
private struct DateReader {
    let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { position == bytes.count }

    /// `YYYY-MM-DD`, a day that exists.
    mutating func day() throws(WrittenDate.Problem) -> (year: Int, month: Int, day: Int) {
        guard let year = digits(4), take("-"), let month = digits(2), take("-"), let day = digits(2) else {
            throw WrittenDate.Problem(reason: "it does not start with a day written YYYY-MM-DD")
        }
        guard year >= 1 else { throw WrittenDate.Problem(reason: "there is no year 0") }
        guard (1...12).contains(month) else { throw WrittenDate.Problem(reason: "there is no month \(month)") }
        let length = Self.length(of: month, in: year)
        guard (1...length).contains(day) else {
            throw WrittenDate.Problem(
                reason: "\(PublicationDate.months[month - 1]) \(year) has \(length) days, so it has no day \(day)")
        }
        return (year, month, day)
    }

    /// `THH:MM[:SS[.fff]]` (or a space for the `T`) as seconds since midnight; 0 when the date has no time.
    mutating func time() throws(WrittenDate.Problem) -> Double {
        guard !atEnd, take("T") || take("t") || take(" ") else { return 0 }
        guard let hour = digits(2), take(":"), let minute = digits(2) else {
            throw WrittenDate.Problem(reason: "its time is not written HH:MM or HH:MM:SS")
        }
        var second = 0.0
        if take(":") {
            guard let whole = digits(2) else { throw WrittenDate.Problem(reason: "its seconds are not two digits") }
            second = Double(whole)
            if take(".") || take(",") {
                let start = position
                while position < bytes.count, (48...57).contains(bytes[position]) { position += 1 }
                guard position > start else {
                    throw WrittenDate.Problem(reason: "a fraction of a second has no digits")
                }
                second += Double("0." + String(decoding: bytes[start..<position], as: UTF8.self)) ?? 0
            }
        }
        guard hour <= 23 else { throw WrittenDate.Problem(reason: "there is no hour \(hour) (hours run 00–23)") }
        guard minute <= 59 else {
            throw WrittenDate.Problem(reason: "there is no minute \(minute) (minutes run 00–59)")
        }
        guard second < 60 else {
            throw WrittenDate.Problem(reason: "there is no second \(Int(second)) (seconds run 00–59)")
        }
        return Double(hour * 3600 + minute * 60) + second
    }

    /// `Z`, `±HH:MM`, `±HHMM` or `±HH` as seconds east of UTC; 0 when there is none.
    mutating func zone() throws(WrittenDate.Problem) -> Double {
        if atEnd { return 0 }
        if take("Z") || take("z") { return 0 }
        let sign: Double
        if take("+") {
            sign = 1
        } else if take("-") {
            sign = -1
        } else {
            throw WrittenDate.Problem(reason: "its time zone is not Z or an offset such as +01:00")
        }
        guard let hours = digits(2) else {
            throw WrittenDate.Problem(reason: "its time zone offset is not written +HH:MM")
        }
        var minutes = 0
        if !atEnd {
            _ = take(":")
            guard let value = digits(2) else {
                throw WrittenDate.Problem(reason: "its time zone offset is not written +HH:MM")
            }
            minutes = value
        }
        guard minutes <= 59, hours * 60 + minutes <= 14 * 60 else {
            throw WrittenDate.Problem(reason: "time zone offsets run from -12:00 to +14:00")
        }
        return sign * Double(hours * 3600 + minutes * 60)
    }

    /// `count` ASCII digits as a number, consumed; nil (nothing consumed) otherwise.
    private mutating func digits(_ count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + count] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        position += count
        return value
    }

    /// Consumes `character` when it comes next.
    private mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    /// Gregorian from 1583, Julian before (as Foundation's calendar).
    private static func length(of month: Int, in year: Int) -> Int {
        switch month {
        case 2:
            let leap = year >= 1583 ? year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) : year % 4 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
