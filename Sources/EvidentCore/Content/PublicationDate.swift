import Foundation

/// Parsing and printing the dates of essays, always in UTC so that builds are reproducible anywhere.
///
/// Days are converted with civil-calendar arithmetic (Gregorian, which Foundation also uses after its 1582 switch):
/// a site prints each date several times (page, index, feed, sitemap), and Foundation's formatters cost more
/// than the rest of an essay's metadata. Years outside 1583–9999 go through Foundation.
package enum PublicationDate {
    /// The moment `text` names (see `WrittenDate`), nil when it names none.
    static func parse(_ text: String) -> Date? {
        try? WrittenDate.parse(text).date
    }

    /// `2026-11-25T00:00:00Z`.
    package static func iso8601(_ date: Date) -> String {
        guard let (day, seconds) = CivilDay.split(date) else { return date.formatted(Date.ISO8601FormatStyle()) }
        return "\(day.text)T\(twoDigits(seconds / 3600)):\(twoDigits(seconds / 60 % 60)):\(twoDigits(seconds % 60))Z"
    }

    /// `2026-11-25`.
    package static func day(_ date: Date) -> String {
        String(iso8601(date).prefix(10))
    }

    /// `25 November 2026`.
    package static func display(_ date: Date) -> String {
        if let (day, _) = CivilDay.split(date) { return "\(day.day) \(months[day.month - 1]) \(day.year)" }
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return "\(components.day!) \(months[components.month! - 1]) \(components.year!)"
    }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

/// A Gregorian calendar day of the years 1583–9999, converted to and from days since 1970-01-01.
struct CivilDay: Equatable {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// The day of a date and the seconds since its midnight (UTC), for years 1583–9999.
    static func split(_ date: Date) -> (CivilDay, Int)? {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, abs(seconds) < 1e12 else { return nil }
        let whole = Int(seconds)
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let day = CivilDay(daysSince1970: days)
        guard (1583...9999).contains(day.year) else { return nil }
        return (day, whole - days * 86_400)
    }

    /// The day `days` after 1970-01-01 (H. Hinnant's civil-from-days).
    init(daysSince1970 days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (H. Hinnant's days-from-civil).
    var daysSince1970: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `YYYY-MM-DD`.
    var text: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
