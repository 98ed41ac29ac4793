import Crypto
import Foundation

/// A SHA-256 digest in hexadecimal, for the keys that decide whether stored evidence and cached builds are still
/// fresh: swift-crypto's SHA-256, fed in pieces with `update` (a file chunk by chunk, several sources one after
/// another) and read with `hexDigest()`; or one value at once with `ContentHash.hexDigest(of:)`.
package struct ContentHash: Sendable {
    private var hasher = SHA256()

    package init() {}

    /// Hashes `bytes` after everything given so far.
    package mutating func update(_ bytes: some DataProtocol) {
        hasher.update(data: bytes)
    }

    /// Hashes the UTF-8 encoding of `string` after everything given so far.
    package mutating func update(_ string: String) {
        var string = string
        string.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// The digest of everything given so far, as 64 lower-case hexadecimal digits; more may still be added.
    package func hexDigest() -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(
            decoding: hasher.finalize().flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] }, as: UTF8.self)
    }

    /// The hexadecimal digest of `bytes`.
    package static func hexDigest(of bytes: some DataProtocol) -> String {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.hexDigest()
    }

    /// The hexadecimal digest of the UTF-8 encoding of `string`.
    package static func hexDigest(of string: String) -> String {
        var hash = ContentHash()
        hash.update(string)
        return hash.hexDigest()
    }
}
