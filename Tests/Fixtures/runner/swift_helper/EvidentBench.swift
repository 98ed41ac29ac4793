// A stand-in for the bundled EvidentBench.swift: enough of the protocol for the runner's tests.

/// Runs the variant named by `--variant` once per `--samples`, printing what it returns as `wall_ns`.
func benchMain(_ variants: [String: (Int) -> Double]) {
    var arguments = Array(CommandLine.arguments.dropFirst())
    var variant = ""
    var samples = 1
    while arguments.count >= 2 {
        if arguments[0] == "--variant" { variant = arguments[1] }
        if arguments[0] == "--samples" { samples = Int(arguments[1]) ?? 1 }
        arguments.removeFirst(2)
    }
    for index in 0..<samples {
        print("{\"metric\":\"wall_ns\",\"value\":\(variants[variant]!(index))}")
    }
}
