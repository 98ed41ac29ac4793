import Foundation

/// The raw outcome of measuring one bench directive: every sample of every variant, cell and metric.
package struct BenchMeasurement: Sendable, Equatable {
    /// The samples of one variant in one cell for one metric, in the order they were taken.
    package struct Series: Sendable, Equatable {
        var variant: String
        var params: [String: String]
        var metric: String
        var samples: [Double]
        /// The round in which the process that took each sample ran (one process per unit and round); empty when
        /// not known.
        var rounds: [Int]
        /// Where variants shared a process, the pair of each sample (`TakenSamples.pairID`: the samples of the
        /// other variants with the same round and pair were taken right beside it); empty otherwise.
        var pairs: [Int] = []

        package init(
            variant: String, params: [String: String], metric: String, samples: [Double], rounds: [Int] = []
        ) {
            self.variant = variant
            self.params = params
            self.metric = metric
            self.samples = samples
            self.rounds = rounds
        }
    }

    var series: [Series]
    var stoppedBy: StopReason
    var startedAt: Date
    var seconds: Double
    /// How many Python experiment processes ran (each paid the interpreter's start-up).
    var pythonProcesses = 0

    package init(series: [Series], stoppedBy: StopReason, startedAt: Date, seconds: Double, pythonProcesses: Int = 0) {
        self.series = series
        self.stoppedBy = stoppedBy
        self.startedAt = startedAt
        self.seconds = seconds
        self.pythonProcesses = pythonProcesses
    }
}
