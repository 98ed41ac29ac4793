/// Makes the `id` of each heading of a page: a slug of its plain text, unique within the page.
///
/// The slug lowercases the text, keeps letters and digits (non-ASCII letters as they are), turns every run of
/// anything else into one `-` and trims dashes at both ends; an empty slug becomes `section`. A slug already
/// taken gets `-1`, `-2`, … appended, the first suffix that is still free.
struct HeadingIDs: Sendable {
    private var taken: Set<String>

    /// - Parameter reserved: ids used elsewhere on the page (for instance by evidence blocks) that headings
    ///   must not take.
    init(reserved: Set<String> = []) {
        self.taken = reserved
    }

    /// The id for a heading with this plain text, taken from now on.
    mutating func makeID(for text: String) -> String {
        let base = Self.slug(text)
        var id = base
        var suffix = 0
        while taken.contains(id) {
            suffix += 1
            id = "\(base)-\(suffix)"
        }
        taken.insert(id)
        return id
    }

    /// The slug of a text, before making it unique.
    static func slug(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func keep(_ bytes: some Sequence<UInt8>) {
            if pendingDash {
                slug.append(UInt8(ascii: "-"))
                pendingDash = false
            }
            slug.append(contentsOf: bytes)
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A:
                keep(CollectionOfOne(UInt8(scalar.value)))
            case 0x41...0x5A:
                keep(CollectionOfOne(UInt8(scalar.value + 0x20)))
            case 0x80... where isLetterOrDigit(scalar):
                keep(scalar.properties.lowercaseMapping.utf8)
            default:
                pendingDash = !slug.isEmpty
            }
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return properties.isAlphabetic
        }
    }
}
