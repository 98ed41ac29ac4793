import Foundation

/// One stored measurement, `content/<slug>/evidence/<id>.json` (DESIGN.md "Stored evidence", schema 1).
///
/// `cells` and `ratios` hold the directive's first metric, as the contract shows them; further metrics of a
/// directive with a metric list are under `more_metrics`. A probe stores its works/fails matrix in `probe`.
public struct EvidenceRecord: Codable, Sendable, Equatable {
    public var schema = 1
    public var id: String
    /// `bench` or `probe`.
    public var kind: String
    /// SHA-256 of what produced the numbers: experiment sources, helpers, the directive's measuring fields.
    public var key: String
    /// ISO 8601, UTC.
    public var measuredAt: String
    public var durationS: Double
    public var environment: MachineEnvironment
    public var metric: String
    public var baseline: String
    /// Why measuring stopped: `precision` (every cell reached it), `budget`, `max_samples` or `samples` (fixed).
    public var stoppedBy: String
    public var cells: [EvidenceCell]
    public var ratios: [EvidenceRatio]
    public var moreMetrics: [MetricEvidence]
    public var claims: [EvidenceClaim]
    public var probe: [ProbeResult]?
    public var previous: PreviousMeasurement?

    enum CodingKeys: String, CodingKey {
        case schema, id, kind, key, environment, metric, baseline, cells, ratios, claims, probe, previous
        case measuredAt = "measured_at"
        case durationS = "duration_s"
        case stoppedBy = "stopped_by"
        case moreMetrics = "more_metrics"
    }
}

/// The machine a measurement ran on (never its host name).
public struct MachineEnvironment: Codable, Sendable, Equatable {
    public var cpu: String
    public var cores: Int
    public var os: String
    public var python: String?
    public var swift: String?

    public init(cpu: String, cores: Int, os: String, python: String? = nil, swift: String? = nil) {
        self.cpu = cpu
        self.cores = cores
        self.os = os
        self.python = python
        self.swift = swift
    }
}

/// One variant in one parameter cell: its summary and raw samples.
public struct EvidenceCell: Codable, Sendable, Equatable {
    public var variant: String
    public var params: CellParams
    public var summary: Summary
    /// The raw values; empty in `previous`.
    public var samples: [Double]

    enum CodingKeys: String, CodingKey { case variant, params, samples }

    public init(variant: String, params: CellParams, summary: Summary, samples: [Double]) {
        self.variant = variant
        self.params = params
        self.summary = summary
        self.samples = samples
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        variant = try container.decode(String.self, forKey: .variant)
        params = try container.decode(CellParams.self, forKey: .params)
        samples = try container.decodeIfPresent([Double].self, forKey: .samples) ?? []
        summary = try Summary(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(variant, forKey: .variant)
        try container.encode(params, forKey: .params)
        try summary.encode(to: encoder)
        if !samples.isEmpty { try container.encode(samples, forKey: .samples) }
    }
}

/// A variant's ratio of medians against the baseline in one cell, with its bootstrap CI.
public struct EvidenceRatio: Codable, Sendable, Equatable {
    public var variant: String
    public var params: CellParams
    public var estimate: RatioEstimate

    enum CodingKeys: String, CodingKey { case variant, params }

    public init(variant: String, params: CellParams, estimate: RatioEstimate) {
        self.variant = variant
        self.params = params
        self.estimate = estimate
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        variant = try container.decode(String.self, forKey: .variant)
        params = try container.decode(CellParams.self, forKey: .params)
        estimate = try RatioEstimate(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(variant, forKey: .variant)
        try container.encode(params, forKey: .params)
        try estimate.encode(to: encoder)
    }
}

/// The cells and ratios of a directive's second and later metrics.
public struct MetricEvidence: Codable, Sendable, Equatable {
    public var metric: String
    public var cells: [EvidenceCell]
    public var ratios: [EvidenceRatio]

    public init(metric: String, cells: [EvidenceCell], ratios: [EvidenceRatio]) {
        self.metric = metric
        self.cells = cells
        self.ratios = ratios
    }
}

/// A claim's verdict as decided by this measurement, with the numbers that decided it.
public struct EvidenceClaim: Codable, Sendable, Equatable {
    public var text: String
    public var verdict: Verdict
    public var ratio: Double?
    public var ci: [Double]?
    /// The cell that decided the verdict.
    public var params: CellParams?

    public init(text: String, verdict: Verdict, ratio: Double? = nil, ci: [Double]? = nil, params: CellParams? = nil) {
        self.text = text
        self.verdict = verdict
        self.ratio = ratio
        self.ci = ci
        self.params = params
    }
}

/// One tool running one snippet of a probe.
public struct ProbeResult: Codable, Sendable, Equatable {
    public var tool: String
    public var snippet: String
    public var works: Bool
    /// The first error line of a failure (or "timed out after 20 s").
    public var firstError: String?
    public var exitStatus: Int?
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case tool, snippet, works, seconds
        case firstError = "first_error"
        case exitStatus = "exit_status"
    }

    public init(tool: String, snippet: String, works: Bool, firstError: String?, exitStatus: Int?, seconds: Double) {
        self.tool = tool
        self.snippet = snippet
        self.works = works
        self.firstError = firstError
        self.exitStatus = exitStatus
        self.seconds = seconds
    }
}

/// The summary of the measurement a refresh replaced, for the change shown on the page.
public struct PreviousMeasurement: Codable, Sendable, Equatable {
    public var measuredAt: String
    /// Cells without their samples.
    public var cells: [EvidenceCell]

    enum CodingKeys: String, CodingKey {
        case cells
        case measuredAt = "measured_at"
    }

    public init(measuredAt: String, cells: [EvidenceCell]) {
        self.measuredAt = measuredAt
        self.cells = cells
    }
}
