import Foundation

/// Reads an open file front to back through one buffer, so that a file larger than memory should hold (a highlight
/// cache, a highlighter's reply) is parsed without being read whole: a part is handed over only while it is needed,
/// and parts nobody looks at are skipped with `lseek`.
package final class ChunkedReader {
    private let descriptor: Int32
    private var buffer: [UInt8]
    /// The unread bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    /// The file offset of the next unread byte.
    package private(set) var offset = 0

    /// Reads `descriptor` (open, at offset 0; not closed here) in reads of `chunk` bytes.
    package init(descriptor: Int32, chunk: Int = 1 << 18) {
        self.descriptor = descriptor
        buffer = [UInt8](repeating: 0, count: chunk)
    }

    /// The next byte, consumed; nil at the end of the file (or when it cannot be read).
    package func byte() -> UInt8? {
        guard let next = peek() else { return nil }
        start += 1
        offset += 1
        return next
    }

    /// The next byte, left unread; nil at the end of the file (or when it cannot be read).
    package func peek() -> UInt8? {
        fill(1) ? buffer[start] : nil
    }

    /// Hands `body` the next `count` bytes, contiguous, and consumes them; nil when the file ends first.
    package func read<Result>(_ count: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result? {
        guard fill(count) else { return nil }
        defer {
            start += count
            offset += count
        }
        return try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<start + count])) }
    }

    /// Consumes `count` bytes without reading what the buffer does not hold yet; false when the file ends first.
    package func skip(_ count: Int) -> Bool {
        let buffered = end - start
        if count <= buffered {
            start += count
            offset += count
            return true
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, offset + count <= Int(status.st_size),
            lseek(descriptor, off_t(count - buffered), SEEK_CUR) >= 0
        else { return false }
        (start, end) = (0, 0)
        offset += count
        return true
    }

    /// A decimal number ending with `terminator` (consumed too), of at most 12 digits; nil otherwise.
    package func number(until terminator: UInt8) -> Int? {
        var value = 0
        var digits = 0
        while let next = byte() {
            if next == terminator { return digits > 0 ? value : nil }
            guard (48...57).contains(next), digits < 12 else { return nil }
            value = value * 10 + Int(next - 48)
            digits += 1
        }
        return nil
    }

    /// Makes at least `count` unread bytes contiguous in the buffer; false when the file ends first.
    private func fill(_ count: Int) -> Bool {
        if end - start >= count { return true }
        if start > 0 {
            buffer.withUnsafeMutableBytes { bytes in
                _ = memmove(bytes.baseAddress!, bytes.baseAddress! + start, end - start)
            }
            (start, end) = (0, end - start)
        }
        if count > buffer.count { buffer += repeatElement(0, count: count - buffer.count) }
        while end < count {
            let read = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + end, $0.count - end) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { return false }
            end += read
        }
        return true
    }
}
