import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// The published essay keeps the author's words: every line of the original text appears on the page, verbatim
/// and in order (the first line is the title).
final class EssayTextTests: XCTestCase {
    func testAsyncThoughtsKeepsEveryLineOfTheAuthorsText() throws {
        let original = try String(
            contentsOf: FixtureSite.fixtures.appendingPathComponent("essay/async-thoughts.txt"), encoding: .utf8)
        let authorLines = original.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let essay = try Essay.load(
            slug: "async-thoughts", contentFolder: FixtureSite.repository.appendingPathComponent("content"))
        XCTAssertEqual(essay.frontMatter.title, authorLines.first)
        let document = try ParsedEssay.read(essay).document
        var published: [String] = []
        for index in document.nodes.indices {
            switch document.nodes[index].kind {
            case .paragraph, .heading:
                published.append(document.plainText(of: index))
            case .codeBlock(let info, let literal) where DirectiveKind(infoString: info) == nil:
                published += literal.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            default:
                continue
            }
        }
        var position = published.startIndex
        for line in authorLines.dropFirst() {
            guard let found = published[position...].firstIndex(of: line) else {
                return XCTFail("not on the page, or out of order: \(line)")
            }
            position = found + 1
        }
    }
}
