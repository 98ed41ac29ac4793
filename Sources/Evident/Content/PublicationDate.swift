import Foundation

/// Parsing and printing the dates of essays, always in UTC so that builds are reproducible anywhere.
enum PublicationDate {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 10, let day = try? Date.ISO8601FormatStyle().year().month().day().parse(trimmed) {
            return day
        }
        let normalized = trimmed.replacingOccurrences(of: " ", with: "T")
        if let stamp = try? Date.ISO8601FormatStyle(includingFractionalSeconds: false).parse(normalized) {
            return stamp
        }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(normalized)
    }

    /// `2026-11-25T00:00:00Z`.
    static func iso8601(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// `2026-11-25`.
    static func day(_ date: Date) -> String {
        String(iso8601(date).prefix(10))
    }

    /// `25 November 2026`.
    static func display(_ date: Date) -> String {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(components.day!) \(months[components.month! - 1]) \(components.year!)"
    }
}
