import Foundation
import XCTest

/// A preview nobody edits costs nothing, however many files the site has: the sources are watched by the kernel
/// (inotify), not polled.
final class ServeIdleTests: XCTestCase {
    func testIdleServerOnAThousandFilesStaysUnderOnePercentOfACore() throws {
        let server = try ServeProcess { site in
            for folder in 0..<10 {
                let set = site.folder.appendingPathComponent("content/first-essay/data/set-\(folder)")
                try FileManager.default.createDirectory(at: set, withIntermediateDirectories: true)
                for file in 0..<100 {
                    try Data("n,value\n1,\(file)\n".utf8).write(to: set.appendingPathComponent("sample-\(file).csv"))
                }
            }
        }
        sleep(1)
        let before = server.cpuSeconds
        let seconds = 3.0
        usleep(UInt32(seconds * 1_000_000))
        let share = (server.cpuSeconds - before) / seconds
        print(String(format: "serve: idle with 1,000 data files, %.2f %% of a core", share * 100))
        XCTAssertLessThan(share, 0.01, "idle CPU share of one core")

        let events = try RawHTTP.Events(server.port)
        let served = try XCTUnwrap(events.next(timeout: 5))
        try server.site.write("content/first-essay/data/set-7/sample-3.csv", "n,value\n1,edited\n")
        XCTAssertNotEqual(events.next(timeout: 5), served, "an edit among 1,000 files was not seen")
    }
}
