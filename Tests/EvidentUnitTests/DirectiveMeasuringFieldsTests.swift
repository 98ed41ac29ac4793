import XCTest

@testable import EvidentEvidence

final class DirectiveMeasuringFieldsTests: XCTestCase {
    private var essay: DirectiveEssay!

    override func setUpWithError() throws {
        essay = try DirectiveEssay()
    }

    func testBenchFieldsAreCanonicalJSON() throws {
        let directive = try essay.parse(.bench, DirectiveEssay.fixture("bench-await-loop.yml"))
        XCTAssertEqual(
            directive.measuringFields,
            #"{"baseline":"sync","budget_ns":30000000000,"kind":"bench","max_samples":1000,"metrics":["wall_ns"],"#
                + #""min_samples":10,"params":{"latency_ms":["2"],"n":["10","100"]},"precision":0.03,"#
                + #""samples":"auto","timeout_ns":60000000000,"variants":["#
                + #"{"experiment":"experiments/await_loop.py","name":"sync","variant":"sync"},"#
                + #"{"experiment":"experiments/await_loop.py","name":"await_loop","variant":"await_loop"},"#
                + #"{"experiment":"experiments/await_loop.py","name":"gather","variant":"gather"},"#
                + #"{"experiment":"experiments/await_loop.py","name":"threads","variant":"threads"}],"warmup":1}"#)
    }

    func testCommandsAndProbeFields() throws {
        let bench = try essay.parse(.bench, "id: a\ntitle: A\ncommands: {py: python3 -c pass}\nsamples: 5")
        XCTAssertEqual(
            bench.measuringFields,
            #"{"baseline":"py","budget_ns":30000000000,"kind":"bench","max_samples":1000,"#
                + #""metrics":["process_wall_ns"],"min_samples":10,"params":{},"precision":0.03,"samples":"5","#
                + #""timeout_ns":60000000000,"variants":[{"command":"python3 -c pass","name":"py"}],"warmup":1}"#)
        let probe = try essay.parse(.probe, DirectiveEssay.fixture("probe-top-level-await.yml"))
        XCTAssertEqual(
            probe.measuringFields,
            #"{"kind":"probe","marker":"PROBE-OK","snippets":{"%timeit await":"experiments/repl/timeit_await.ipy","#
                + #""top-level await":"experiments/repl/await_sleep.ipy"},"timeout_ns":20000000000,"tools":{"#
                + #""ipython":"ipython --no-banner --quick --colors=NoColor {file}","python":"python -i","#
                + #""python -m asyncio":"python -m asyncio"}}"#)
    }

    func testProseDoesNotChangeTheFieldsButMeasuringSettingsDo() throws {
        let base = "experiment: experiments/await_loop.py\nvariants: [a, b]\nparams: {n: [1, 2], m: 3}\n"
        let original = try essay.parse(.bench, "id: a\ntitle: A\n" + base + "budget: 30s")
        let reworded = try essay.parse(
            .bench,
            "id: b\ntitle: Another title\ncaption: New words.\nclaims: [a faster than b]\n"
                + "experiment: ./experiments/await_loop.py\nvariants: [a, b]\nparams: {m: 3, n: [1, 2]}\n"
                + "budget: 30000ms")
        XCTAssertEqual(original.measuringFields, reworded.measuringFields)
        let changed = try essay.parse(.bench, "id: a\ntitle: A\n" + base + "budget: 30s\nwarmup: 2")
        XCTAssertNotEqual(original.measuringFields, changed.measuringFields)
    }
}
