/// Makes the `id` of each heading of a page: a slug of its plain text, unique within the page.
///
/// The slug lowercases the text, keeps letters and digits (non-ASCII letters as they are), turns every run of
/// anything else into one `-` and trims dashes at both ends; an empty slug becomes `section`. A slug already
/// taken gets `-1`, `-2`, … appended, the first suffix that is still free.
public struct HeadingIDs: Sendable {
    private var taken: Set<String>

    /// - Parameter reserved: ids used elsewhere on the page (for instance by evidence blocks) that headings
    ///   must not take.
    public init(reserved: Set<String> = []) {
        self.taken = reserved
    }

    /// The id for a heading with this plain text, taken from now on.
    public mutating func makeID(for text: String) -> String {
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
    public static func slug(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.unicodeScalars {
            guard isKept(scalar) else {
                pendingDash = !slug.isEmpty
                continue
            }
            if pendingDash {
                slug.append("-")
                pendingDash = false
            }
            if scalar.isASCII {
                slug.append(scalar.properties.isUppercase ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                slug.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return slug.isEmpty ? "section" : String(slug)
    }

    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return properties.isAlphabetic
        }
    }
}
