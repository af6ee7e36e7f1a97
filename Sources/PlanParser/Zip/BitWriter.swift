/// Appends bit fields to a byte array the way DEFLATE packs them: least-significant bit
/// first, each field starting right after the previous one.
struct BitWriter: Sendable {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes the low `width` (≤ 32) bits of `value`, which must have no higher bits set.
    @inline(__always)
    mutating func write(_ value: UInt32, _ width: Int) {
        buffer |= UInt64(value) << UInt64(count)
        count &+= width
        if count >= 32 {
            let w = UInt32(truncatingIfNeeded: buffer)
            bytes.append(UInt8(truncatingIfNeeded: w))
            bytes.append(UInt8(truncatingIfNeeded: w >> 8))
            bytes.append(UInt8(truncatingIfNeeded: w >> 16))
            bytes.append(UInt8(truncatingIfNeeded: w >> 24))
            buffer >>= 32
            count &-= 32
        }
    }

    /// Pads with zero bits to the next byte boundary and writes out every whole byte.
    mutating func alignToByte() {
        count = (count + 7) & ~7
        while count > 0 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
        count = 0
        buffer = 0
    }

    /// Appends whole bytes; only at a byte boundary (after `alignToByte`).
    mutating func append(_ raw: UnsafeBufferPointer<UInt8>) {
        precondition(count == 0, "BitWriter.append needs a byte boundary")
        bytes.append(contentsOf: raw)
    }

    /// The bytes written, the last partial byte padded with zero bits.
    mutating func finish() -> [UInt8] {
        alignToByte()
        return bytes
    }
}
