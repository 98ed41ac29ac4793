import Foundation
import Glibc
import XCTest

/// The preview's connections under abuse, seen from outside its process: pages that went away give their sockets
/// back, and a flood of connections under a low open-files limit leaves the rebuilds their descriptors and the
/// server stoppable by SIGTERM or SIGINT.
final class ServeConnectionTests: XCTestCase {
    func testClosedEventStreamsGiveTheirDescriptorsBackWithinSeconds() throws {
        let server = try ServeProcess()
        let baseline = server.openDescriptors
        var streams: [RawHTTP.Events] = []
        for _ in 0..<200 {
            let stream = try RawHTTP.Events(server.port)
            XCTAssertNotNil(stream.next(timeout: 5))
            streams.append(stream)
        }
        XCTAssertGreaterThanOrEqual(server.openDescriptors, baseline + 200)
        streams.removeAll()
        let freed = ServeProcess.eventually(within: 6) { server.openDescriptors <= baseline + 5 }
        XCTAssertTrue(freed, "\(server.openDescriptors) descriptors open, \(baseline) before the pages came")
    }

    func testFloodUnderALowOpenFilesLimitKeepsAReserveAndSignalsStillStopTheServer() throws {
        for signal in [SIGTERM, SIGINT] {
            let server = try ServeProcess(openFiles: 64)
            var streams: [RawHTTP.Events] = []
            for _ in 0..<100 { streams.append(try RawHTTP.Events(server.port)) }
            let first = try XCTUnwrap(streams[0].next(timeout: 5))
            usleep(500_000)
            XCTAssertLessThan(server.openDescriptors, 64 - 8, "the connections took the rebuild's descriptors")
            let essay = "content/first-essay/index.md"
            try server.site.write(essay, try server.site.read(essay) + "\nAn edit during the flood.\n")
            XCTAssertNotEqual(streams[0].next(timeout: 5), first, "no rebuild during the flood")
            XCTAssertFalse(server.output("stderr").contains("error:"), server.output("stderr"))
            XCTAssertEqual(server.stop(with: signal, timeout: 6), 0, "signal \(signal) did not stop the server")
            streams.removeAll()
        }
    }
}
