#if canImport(Glibc)
import Glibc
#endif

/// The one setting of the C allocator the CLI makes, before any work (a process-wide choice,
/// so the CLI's and never the library's).
///
/// glibc hands out blocks above a threshold as their own mappings, returned to the system
/// when freed. The threshold starts at 128 KiB but rises to the size of each such block freed,
/// up to 32 MiB: after the first large input buffer is freed, every array below that size —
/// tokens, nodes, unit lists of a big document — comes from the heap, and the heap keeps the
/// pages after they are freed. A fixed threshold keeps big arrays as mappings: on a document
/// of 800,000 bullets the peak falls from 186 MB to 153 MB; on the 64 MB corpus from 224 to
/// 218 MB (BENCHMARKS.md, "Adversarial shapes").
///
/// `mallopt` is declared in `<malloc.h>`, which the `Glibc` module does not export, so it is
/// looked up by name; where it is missing (another C library) nothing changes.
enum AllocatorSettings {
    /// Blocks of this size or more are mappings of their own.
    static let mappingThreshold: Int32 = 2 << 20
    /// `M_MMAP_THRESHOLD` of `<malloc.h>`.
    private static let mmapThresholdParameter: Int32 = -3

    static func apply() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(mmapThresholdParameter, mappingThreshold)
        #endif
    }
}
