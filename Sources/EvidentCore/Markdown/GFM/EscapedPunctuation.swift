/// Backslash escapes of the characters the inline extensions read (`\~`, `\[`, `\]`, `\^`), kept apart from the
/// characters written plainly.
///
/// cmark merges an escaped character into the text around it, so after parsing `\~~a~~` and `~~a~~` look the
/// same. Before parsing, each such escape becomes a private-use character (which cmark leaves alone); after,
/// it becomes the character again in text, link destinations and info strings, and the escape again in code and
/// raw HTML, where backslashes are literal.
enum EscapedPunctuation {
    private static let escapable: [UInt8] = Array("~[]^".utf8)
    private static let base: UInt32 = 0xE000

    /// The text with the escapes replaced, nil when it holds none or already holds the private-use characters.
    static func protect(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "\\")), !text.unicodeScalars.contains(where: isMark) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        var index = 0
        var changed = false
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                result.append(byte)
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if escapable.contains(next) {
                result += String(Unicode.Scalar(base + UInt32(next))!).utf8
                changed = true
            } else {
                result += [byte, next]
            }
            index += 2
        }
        return changed ? String(decoding: result, as: UTF8.self) : nil
    }

    /// The character a private-use character stands for, nil for any other scalar.
    static func character(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        isMark(scalar) ? Unicode.Scalar(scalar.value - base) : nil
    }

    /// Puts the escapes back in every node.
    static func restore(_ nodes: inout [MarkdownNode]) {
        for index in nodes.indices {
            switch nodes[index].kind {
            case .text(let text): nodes[index].kind = .text(plain(text))
            case .code(let code): nodes[index].kind = .code(escaped(code))
            case .htmlInline(let html): nodes[index].kind = .htmlInline(escaped(html))
            case .htmlBlock(let html): nodes[index].kind = .htmlBlock(escaped(html))
            case .codeBlock(let info, let literal):
                nodes[index].kind = .codeBlock(info: plain(info), literal: escaped(literal))
            case .link(let url, let title)
            where nodes[index].subtreeEnd == index + 2 && nodes[index + 1].kind == .text(url):
                // An autolink (`<http://a\~b>`), where backslashes are literal.
                nodes[index].kind = .link(url: escaped(url), title: title)
                nodes[index + 1].kind = .text(escaped(url))
            case .link(let url, let title): nodes[index].kind = .link(url: plain(url), title: plain(title))
            case .image(let url, let title): nodes[index].kind = .image(url: plain(url), title: plain(title))
            default: continue
            }
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= base && scalar.value < base + 0x80 && escapable.contains(UInt8(scalar.value - base))
    }

    /// The text with each private-use character as the character it stands for.
    static func plain(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isMark) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { character($0) ?? $0 }))
    }

    private static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isMark) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let character = character(scalar) { result += ["\\", character] } else { result.append(scalar) }
        }
        return String(result)
    }
}
