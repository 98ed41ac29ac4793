/// Makes the `id` of each heading of a page: a slug of its plain text, unique within the page.
///
/// The slug lowercases the text, keeps letters and digits (non-ASCII letters as they are), turns every run of
/// anything else into one `-` and trims dashes at both ends; an empty slug becomes `section`. A slug already
/// taken gets `-1`, `-2`, … appended, the first suffix that is still free.
///
/// Ids are only ever added, so every suffix below the last one given for a slug is still taken: the search for a
/// slug starts where its last one ended, and a page of N equal headings takes N steps, not N²/2.
struct HeadingIDs: Sendable {
    private var taken: Set<String>
    /// For each slug already given, the suffix its search resumes from.
    private var nextSuffix: [String: Int] = [:]

    /// - Parameter reserved: ids used elsewhere on the page (for instance by evidence blocks) that headings
    ///   must not take.
    init(reserved: Set<String> = []) {
        self.taken = reserved
    }

    /// The id for a heading with this plain text, taken from now on.
    mutating func makeID(for text: String) -> String {
        let base = Self.slug(text)
        var suffix = nextSuffix[base, default: 0]
        var id = suffix == 0 ? base : "\(base)-\(suffix)"
        while taken.contains(id) {
            suffix += 1
            id = "\(base)-\(suffix)"
        }
        taken.insert(id)
        nextSuffix[base] = suffix + 1
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
