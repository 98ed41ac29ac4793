import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore

/// The build's plain file primitives on real files.
final class FileBytesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("file-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func testWritesAndReadsBackLargeAndEmptyFiles() throws {
        let large = String(repeating: "évident ", count: 200_000)
        try FileBytes.write(folder.path + "/large", large)
        XCTAssertEqual(read(folder.path + "/large"), Array(large.utf8))
        try FileBytes.write(folder.path + "/empty", "")
        XCTAssertEqual(read(folder.path + "/empty"), [])
        try FileBytes.write(folder.path + "/large", "short")
        XCTAssertEqual(read(folder.path + "/large"), Array("short".utf8))
    }

    func testReadIsNilForMissingFilesAndAnErrorForFolders() {
        XCTAssertNil(read(folder.path + "/missing"))
        XCTAssertThrowsError(try UserFile.read(folder.path, at: SourceLocation(file: "x"))) { error in
            XCTAssertEqual(
                "\(error)",
                "x: the file is a folder, not a regular file — replace it with a regular file "
                    + "(evident reads no pipes, sockets or devices)")
        }
    }

    func testReadThatRunsOutOfDescriptorsFailsInsteadOfFindingNothing() throws {
        try FileBytes.write(folder.path + "/site.yml", "title: x\n")
        let message = DescriptorLimit.withNoneFree { () -> String in
            do {
                let bytes = try UserFile.read(folder.path + "/site.yml", at: SourceLocation(file: "content/site.yml"))
                return "read \(bytes?.count ?? -1) bytes"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(
            message,
            "content/site.yml: cannot read it: too many open files — raise ulimit -n (it is \(DescriptorLimit.lastLowered))"
        )
    }

    /// The bytes of a regular file through the reader the build uses for the author's files.
    private func read(_ path: String) -> [UInt8]? {
        try? UserFile.read(path, at: SourceLocation(file: path))
    }

    func testSubfoldersAreSortedVisibleFoldersOnly() throws {
        for name in ["b", "a", ".hidden", "c"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try FileBytes.write(folder.path + "/file", "x")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/link", withDestinationPath: folder.path + "/a")
        XCTAssertEqual(try FileBytes.subfolders(of: folder.path), ["a", "b", "c"])
        XCTAssertThrowsError(try FileBytes.subfolders(of: folder.path + "/missing"))
    }

    func testWriteIntoMissingFolderFailsWithTheSystemReason() {
        XCTAssertThrowsError(try FileBytes.write(folder.path + "/no/such/file", "x")) { error in
            XCTAssertEqual("\(error)", "No such file or directory")
        }
    }

    func testRemoveTreeRemovesNestedFoldersButNotWhatLinksPointTo() throws {
        let outside = folder.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileBytes.write(outside.path + "/keep", "x")
        let tree = folder.appendingPathComponent("tree")
        for index in 0..<50 {
            let nested = tree.appendingPathComponent("essay-\(index)/a/b")
            try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
            try FileBytes.write(nested.path + "/index.html", "page \(index)")
        }
        try FileManager.default.createSymbolicLink(atPath: tree.path + "/link", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(
            atPath: tree.path + "/essay-3/a/link", withDestinationPath: outside.path)
        FileBytes.removeTree(tree.path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.path))
        XCTAssertEqual(read(outside.path + "/keep"), Array("x".utf8))
        try FileManager.default.createSymbolicLink(atPath: tree.path, withDestinationPath: outside.path)
        FileBytes.removeTree(tree.path)
        XCTAssertEqual(read(outside.path + "/keep"), Array("x".utf8))
    }
}
