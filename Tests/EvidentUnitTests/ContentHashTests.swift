import Foundation
import XCTest

@testable import EvidentCore

/// SHA-256 against the FIPS 180-4 / NIST example vectors, and streaming in uneven pieces.
final class ContentHashTests: XCTestCase {
    func testEmptyInput() {
        XCTAssertEqual(
            ContentHash.hexDigest(of: ""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testAbc() {
        XCTAssertEqual(
            ContentHash.hexDigest(of: "abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testTwoBlockMessage() {
        XCTAssertEqual(
            ContentHash.hexDigest(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testEightHundredNinetySixBitMessage() {
        XCTAssertEqual(
            ContentHash.hexDigest(
                of: "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                    + "klmnopqrlmnopqrsmnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    func testMillionAs() {
        XCTAssertEqual(
            ContentHash.hexDigest(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testStreamingInUnevenPiecesMatchesOneShot() {
        let message = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for pieceSize in [1, 3, 55, 56, 63, 64, 65, 200] {
            var hash = ContentHash()
            var start = 0
            while start < message.count {
                let end = min(start + pieceSize, message.count)
                hash.update(message[start..<end])
                start = end
            }
            XCTAssertEqual(hash.hexDigest(), ContentHash.hexDigest(of: message), "pieces of \(pieceSize)")
        }
    }

    func testDataStringsAndBytesAgree() {
        let text = "experiments/await_loop.py\n# ünïcode"
        XCTAssertEqual(ContentHash.hexDigest(of: Data(text.utf8)), ContentHash.hexDigest(of: text))
        XCTAssertEqual(ContentHash.hexDigest(of: Array(text.utf8)), ContentHash.hexDigest(of: text))
    }

    func testDigestDoesNotEndTheStream() {
        var hash = ContentHash()
        hash.update("ab")
        XCTAssertEqual(hash.hexDigest(), ContentHash.hexDigest(of: "ab"))
        hash.update("c")
        XCTAssertEqual(hash.hexDigest(), ContentHash.hexDigest(of: "abc"))
    }
}
