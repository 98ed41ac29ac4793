import Foundation
import XCTest

@testable import EvidentEvidence

/// The machine a measurement ran on, as stored and as shown.
final class EvidenceStoreEnvironmentTests: XCTestCase {
    private let measured = MachineEnvironment(
        cpu: "AMD EPYC 7B13", cores: 2, os: "Debian GNU/Linux 12 (bookworm), kernel 6.1.0-18-amd64",
        python: "3.11.7")

    func testReadsCPUModelAndOSName() {
        let cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC  7B13\nflags\t: fpu\n"
        XCTAssertEqual(MachineEnvironment.cpuModel(cpuinfo), "AMD EPYC 7B13")
        XCTAssertNil(MachineEnvironment.cpuModel("processor\t: 0\nBogoMIPS\t: 50.00\n"))
        let osRelease = "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n"
        XCTAssertEqual(MachineEnvironment.prettyName(osRelease), "Debian GNU/Linux 12 (bookworm)")
        XCTAssertNil(MachineEnvironment.prettyName("ID=debian\n"))
    }

    func testReadsToolVersions() {
        XCTAssertEqual(ToolVersion.pythonVersion(venvConfig: "home = /usr/bin\nversion = 3.11.2\n"), "3.11.2")
        XCTAssertEqual(
            ToolVersion.pythonVersion(venvConfig: "home = /usr/bin\nversion_info = 3.12.3.final.0\n"), "3.12.3")
        XCTAssertNil(ToolVersion.pythonVersion(venvConfig: "home = /usr/bin\n"))
        XCTAssertEqual(ToolVersion.swiftVersion("Swift version 6.3.1 (swift-6.3.1-RELEASE)"), "6.3.1")
        XCTAssertEqual(
            ToolVersion.swiftVersion("Apple Swift version 6.0 (swiftlang-6.0.0.9.10 clang-1600.0.26.2)"), "6.0")
        XCTAssertNil(ToolVersion.swiftVersion("clang version 17"))
    }

    func testPythonVersionComesFromTheVenvWithoutRunningIt() throws {
        let venv = FileManager.default.temporaryDirectory.appendingPathComponent("evident-venv-\(UUID())")
        defer { try? FileManager.default.removeItem(at: venv) }
        try FileManager.default.createDirectory(
            at: venv.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try Data("home = /usr/bin\nversion = 3.11.7\n".utf8).write(to: venv.appendingPathComponent("pyvenv.cfg"))
        // The interpreter does not exist: only the file can give the version.
        XCTAssertEqual(ToolVersion.python(venv.appendingPathComponent("bin/python").path), "3.11.7")
        XCTAssertNil(ToolVersion.python(venv.appendingPathComponent("bin/missing/python").path))
    }

    func testCurrentEnvironmentHasNoHostName() {
        let current = MachineEnvironment.current(python: nil, needsSwift: false)
        XCTAssertFalse(current.cpu.isEmpty)
        XCTAssertEqual(current.cores, ProcessInfo.processInfo.activeProcessorCount)
        XCTAssertTrue(current.os.contains(MachineEnvironment.kernelSeparator), current.os)
        XCTAssertNil(current.python)
        XCTAssertNil(current.swift)
        let host = ProcessInfo.processInfo.hostName
        if host.count > 3 { XCTAssertFalse(current.description.contains(host), current.description) }
    }

    func testPythonWithoutVenvIsAsked() throws {
        let version = try XCTUnwrap(MachineEnvironment.current(python: "python3", needsSwift: false).python)
        XCTAssertTrue(version.hasPrefix("3."), version)
    }

    func testCurrentEnvironmentAsksSwiftOnlyWhenNeeded() throws {
        let current = MachineEnvironment.current(python: nil, needsSwift: true)
        let swift = try XCTUnwrap(current.swift)
        XCTAssertTrue(swift.split(separator: ".").allSatisfy { Int($0) != nil } && swift.contains("."), swift)
    }

    func testDescription() {
        XCTAssertEqual(
            measured.description,
            "AMD EPYC 7B13 (2 cores), Debian GNU/Linux 12 (bookworm), kernel 6.1.0-18-amd64, Python 3.11.7")
        let single = MachineEnvironment(cpu: "arm64", cores: 1, os: "Linux, kernel 6", swift: "6.3.1")
        XCTAssertEqual(single.description, "arm64 (1 core), Linux, kernel 6, Swift 6.3.1")
    }

}
