import Foundation

/// One stored measurement, `content/<slug>/evidence/<id>.json` (DESIGN.md "Stored evidence", schema 1).
///
/// `cells` and `ratios` hold the directive's first metric, as the contract shows them; further metrics of a
/// directive with a metric list are under `more_metrics`. A probe stores its works/fails matrix in `probe`.
package struct EvidenceRecord: Codable, Sendable, Equatable {
    var schema = 1
    package var id: String
    var kind: DirectiveKind
    /// SHA-256 of what produced the numbers: experiment sources, helpers, the directive's measuring fields.
    var key: String
    /// When measuring started, to the second; ISO 8601 in UTC in the file.
    package var measuredAt: Date
    package var durationS: Double
    package var environment: MachineEnvironment
    package var metric: String
    package var baseline: String
    /// Why measuring stopped (a probe: `samples`).
    package var stoppedBy: StopReason
    package var cells: [EvidenceCell]
    package var ratios: [EvidenceRatio]
    package var moreMetrics: [MetricEvidence]
    /// The claims as registered: judged when the evidence was measured.
    var claims: [EvidenceClaim]
    /// In a published copy only, when the directive's claims changed after measuring: the claims as the page shows
    /// them, judged on the same evidence; never stored.
    var currentClaims: [EvidenceClaim]?
    package var probe: [ProbeResult]?
    package var previous: PreviousMeasurement?

    enum CodingKeys: String, CodingKey {
        case schema, id, kind, key, environment, metric, baseline, cells, ratios, claims, probe, previous
        case measuredAt = "measured_at"
        case durationS = "duration_s"
        case stoppedBy = "stopped_by"
        case moreMetrics = "more_metrics"
        case currentClaims = "current_claims"
    }
}

/// The machine a measurement ran on (never its host name).
package struct MachineEnvironment: Codable, Sendable, Equatable {
    package var cpu: String
    package var cores: Int
    package var os: String
    package var python: String?
    package var swift: String?
    /// The version of Node.js, when an experiment is JavaScript.
    package var node: String?
    /// The versions of what Python experiments import from the venv (distribution name → version, such as
    /// `IPython` → `8.18.1`), and of the SQLite library under `SQLite` when one imports `sqlite3` or `aiosqlite`;
    /// nil in records made before evident kept them.
    package var packages: [String: String]?
}

/// One variant in one parameter cell: its summary and raw samples.
package struct EvidenceCell: Sendable, Equatable {
    package var key: CellKey
    package var summary: Summary
    /// The raw values; empty in `previous`.
    var samples: [Double]
    /// The round whose process took each sample (`rounds`, one per sample); empty in `previous` and in evidence
    /// stored before the rounds were kept, whose interval is then within-run only.
    var rounds: [Int] = []
    /// Where the variants shared processes, the pair of each sample within its process (`pairs`, one per sample:
    /// the samples of other variants with the same round and pair were taken beside it); empty otherwise.
    var pairs: [Int] = []
    /// The medians of the cell in earlier runs of the same code on the same kind of machine, newest first (at most
    /// `RunDrift.runsKept`): what `RunDrift` widens the interval by. Empty in `previous`.
    package var earlier: [Double] = []

    package var variant: String {
        get { key.variant }
        set { key.variant = newValue }
    }
    package var params: CellParams {
        get { key.params }
        set { key.params = newValue }
    }
}

extension EvidenceCell: Codable {
    private enum CodingKeys: String, CodingKey { case samples, rounds, pairs, earlier }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try CellKey(from: decoder)
        summary = try Summary(from: decoder)
        samples = try container.decodeIfPresent([Double].self, forKey: .samples) ?? []
        rounds = try container.decodeIfPresent([Int].self, forKey: .rounds) ?? []
        pairs = try container.decodeIfPresent([Int].self, forKey: .pairs) ?? []
        earlier = try container.decodeIfPresent([Double].self, forKey: .earlier) ?? []
    }

    package func encode(to encoder: Encoder) throws {
        try key.encode(to: encoder)
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !samples.isEmpty { try container.encode(samples, forKey: .samples) }
        if !rounds.isEmpty { try container.encode(rounds, forKey: .rounds) }
        if !pairs.isEmpty { try container.encode(pairs, forKey: .pairs) }
        if !earlier.isEmpty { try container.encode(earlier, forKey: .earlier) }
    }
}

/// A variant's ratio against the baseline in one cell, with its bootstrap CI.
package struct EvidenceRatio: Sendable, Equatable {
    package var key: CellKey
    package var estimate: RatioEstimate
    /// The ratio in earlier runs of the same code on the same kind of machine, newest first (at most
    /// `RunDrift.runsKept`); empty in evidence stored before they were kept.
    var earlier: [Double] = []

    package var variant: String { key.variant }
    package var params: CellParams { key.params }
}

extension EvidenceRatio: Codable {
    private enum CodingKeys: String, CodingKey { case earlier }

    package init(from decoder: Decoder) throws {
        key = try CellKey(from: decoder)
        estimate = try RatioEstimate(from: decoder)
        earlier = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([Double].self, forKey: .earlier) ?? []
    }

    package func encode(to encoder: Encoder) throws {
        try key.encode(to: encoder)
        try estimate.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !earlier.isEmpty { try container.encode(earlier, forKey: .earlier) }
    }
}

/// The cells and ratios of a directive's second and later metrics.
package struct MetricEvidence: Codable, Sendable, Equatable {
    package var metric: String
    package var cells: [EvidenceCell]
    package var ratios: [EvidenceRatio]
}

/// A claim's verdict as decided by this measurement, with the numbers that decided it.
package struct EvidenceClaim: Codable, Sendable, Equatable {
    package var text: String
    package var verdict: Verdict
    package var ratio: Double?
    package var ci: [Double]?
    /// The cell that decided the verdict.
    package var params: CellParams?
}

/// One tool running one snippet of a probe.
package struct ProbeResult: Codable, Sendable, Equatable {
    package var tool: String
    package var snippet: String
    package var works: Bool
    /// The first error line of a failure (or "timed out after 20 s").
    package var firstError: String?
    var exitStatus: Int?
    var seconds: Double

    package init(
        tool: String, snippet: String, works: Bool, firstError: String?, exitStatus: Int?, seconds: Double
    ) {
        self.tool = tool
        self.snippet = snippet
        self.works = works
        self.firstError = firstError
        self.exitStatus = exitStatus
        self.seconds = seconds
    }

    enum CodingKeys: String, CodingKey {
        case tool, snippet, works, seconds
        case firstError = "first_error"
        case exitStatus = "exit_status"
    }
}

/// The summary of the measurement a refresh replaced, for the change shown on the page: its time, cells without
/// their samples, and (in evidence stored since moves are flagged) the machine it ran on and its claims' verdicts.
package struct PreviousMeasurement: Codable, Sendable, Equatable {
    package var measuredAt: Date
    /// Cells without their samples.
    package var cells: [EvidenceCell]
    /// The machine it ran on; nil in evidence stored before it was kept.
    package var environment: MachineEnvironment?
    /// Its claims as judged then; nil in evidence stored before they were kept.
    package var claims: [EvidenceClaim]?

    enum CodingKeys: String, CodingKey {
        case cells, environment, claims
        case measuredAt = "measured_at"
    }
}
