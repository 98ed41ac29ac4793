import Dispatch

/// Maps over an array on every core, keeping the input's order so that output is identical whatever the
/// number of threads; the first error in input order is the one thrown.
package enum ParallelMap {
    package static func map<Input, Output>(_ inputs: [Input], _ transform: (Input) throws -> Output) throws -> [Output]
    {
        guard inputs.count > 1 else { return try inputs.map(transform) }
        var results = [Result<Output, Error>?](repeating: nil, count: inputs.count)
        withoutActuallyEscaping(transform) { transform in
            results.withUnsafeMutableBufferPointer { slots in
                let shared = UnsafeSendable((slots, transform, inputs))
                DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                    let (slots, transform, inputs) = shared.value
                    slots[index] = Result { try transform(inputs[index]) }
                }
            }
        }
        return try results.map { try $0!.get() }
    }
}

/// Hands values to `concurrentPerform`, whose iterations write disjoint slots.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
