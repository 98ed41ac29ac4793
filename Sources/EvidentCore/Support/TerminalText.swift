/// Text made safe to print on a terminal or into a CI log: an experiment's stderr, quoted in an error, may hold
/// escape sequences (which recolour, move the cursor, retitle the window or hide lines) and NUL bytes. Every
/// control character but line feed and tab is written out as `\xHH` instead: C0, DEL and C1 (whose U+009B starts
/// a sequence on some terminals as ESC [ does).
package enum TerminalText {
    package static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard isHidden(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
        }
        return result
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0..<0x20, 0x7F...0x9F: return true
        default: return false
        }
    }
}
