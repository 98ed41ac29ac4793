import Foundation
import XCTest

@testable import EvidentRendering

/// The Mustache engine against the official specification's test files, read where the project keeps them:
/// `../shared/mustache-spec/` beside the repository (not copied into it). Dynamic names (`~dynamic-names`) are an
/// optional module the engine does not implement.
final class MustacheSpecTests: XCTestCase {
    func testComments() throws { try check("comments", count: 12) }
    func testDelimiters() throws { try check("delimiters", count: 14) }
    func testInterpolation() throws { try check("interpolation", count: 42) }
    func testInvertedSections() throws { try check("inverted", count: 22) }
    func testPartials() throws { try check("partials", count: 12) }
    func testSections() throws { try check("sections", count: 34) }
    func testInheritance() throws { try check("~inheritance", count: 27) }

    /// Renders every case of `<name>.json` and compares it with its `expected` output; `count` guards against a
    /// file that lost cases.
    private func check(_ name: String, count: Int) throws {
        let file = MustacheSpec.folder.appendingPathComponent("\(name).json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw MustacheSpec.Missing(path: file.path)
        }
        let cases = try JSONDecoder().decode(MustacheSpec.File.self, from: data).tests
        XCTAssertEqual(cases.count, count, "\(name).json holds \(cases.count) cases")
        for test in cases {
            let output = try renderMustache(test.template, test.data.value, partials: test.partials ?? [:])
            XCTAssertEqual(output, test.expected, "\(name): \(test.name) — \(test.desc)")
        }
    }
}

/// The specification's files and their JSON.
enum MustacheSpec {
    /// `<repo>/../shared/mustache-spec/`: in CI the repository is a fresh clone with a copy of `shared/` beside it.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/mustache-spec", isDirectory: true)
        .standardizedFileURL

    /// The specification files are not where the tests read them.
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "\(path) is missing — the Mustache specification's files are read from ../shared/mustache-spec/ beside "
                + "the repository; copy shared/ there"
        }
    }

    struct File: Decodable {
        var tests: [Case]
    }

    struct Case: Decodable {
        var name: String
        var desc: String
        var data: JSONValue
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    /// Any JSON value, turned into what templates receive: a number is printed as JSON writes it, `null` is absent.
    struct JSONValue: Decodable {
        var value: TemplateValue

        init(from decoder: Decoder) throws {
            value = try Self.decode(decoder.singleValueContainer(), decoder: decoder) ?? .object([:])
        }

        private static func decode(_ single: SingleValueDecodingContainer, decoder: Decoder) throws -> TemplateValue? {
            if single.decodeNil() { return nil }
            if let bool = try? single.decode(Bool.self) { return .bool(bool) }
            if let integer = try? single.decode(Int.self) { return .integer(integer) }
            if let number = try? single.decode(Double.self) { return .text(String(number)) }
            if let text = try? single.decode(String.self) { return .text(text) }
            if let list = try? single.decode([JSONValue?].self) { return .list(list.compactMap { $0?.value }) }
            let object = try single.decode([String: JSONValue?].self)
            return .object(object.compactMapValues { $0?.value })
        }
    }
}
