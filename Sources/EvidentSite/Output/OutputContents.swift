/// What a file of the output holds: text made whole (a page), or bytes assembled in place (a feed, whose entries are
/// read from where they were kept), written as they are.
protocol OutputContents {
    /// Calls `body` with the contents' bytes, contiguous.
    mutating func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result
}

extension String: OutputContents {
    mutating func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
}

extension Array: OutputContents where Element == UInt8 {
    mutating func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(body)
    }
}
