import Foundation

/// The raw outcome of measuring one bench directive: every sample of every variant, cell and metric.
public struct BenchMeasurement: Sendable, Equatable {
    /// The samples of one variant in one cell for one metric, in the order they were taken.
    public struct Series: Sendable, Equatable {
        public var variant: String
        public var params: [String: String]
        public var metric: String
        public var samples: [Double]

        public init(variant: String, params: [String: String], metric: String, samples: [Double]) {
            self.variant = variant
            self.params = params
            self.metric = metric
            self.samples = samples
        }
    }

    /// Why measuring stopped.
    public enum StopReason: String, Sendable, Equatable {
        /// Every cell's 95% CI half-width reached the directive's precision (`samples: auto`).
        case precision
        /// The directive's budget was spent first.
        case budget
        /// `max_samples` was reached first.
        case maxSamples = "max_samples"
        /// A fixed sample count was taken.
        case samples
    }

    public var series: [Series]
    public var stoppedBy: StopReason
    public var startedAt: Date
    public var seconds: Double
    /// How many Python experiment processes ran (each paid the interpreter's start-up).
    public var pythonProcesses: Int

    public init(series: [Series], stoppedBy: StopReason, startedAt: Date, seconds: Double, pythonProcesses: Int = 0) {
        self.series = series
        self.stoppedBy = stoppedBy
        self.startedAt = startedAt
        self.seconds = seconds
        self.pythonProcesses = pythonProcesses
    }
}
