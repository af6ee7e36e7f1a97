#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs one piece of work on a thread of its own while the caller does another.
///
/// A plain POSIX thread rather than Dispatch: the parse may itself run on a Dispatch worker
/// (the CLI's batch pipeline), and a nested `concurrentPerform` there is run serially.
enum SideThread {
    /// Runs `side` on a new thread and `main` on this one, and returns `side`'s result when
    /// both are done. When no thread can be started, `side` runs here after `main`.
    static func run<T>(_ side: @escaping @Sendable () -> T, beside main: () -> Void) -> T {
        let work = Work(side)
        let context = Unmanaged.passRetained(work)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        // The walks recurse once per heading level: the usual main-thread stack.
        pthread_attr_setstacksize(&attributes, 8 << 20)
        #if canImport(Darwin)
            var thread: pthread_t? = nil
        #else
            var thread = pthread_t()
        #endif
        let started = pthread_create(&thread, &attributes, { raw in
            #if canImport(Darwin)
                let work = Unmanaged<AnyWork>.fromOpaque(raw).takeRetainedValue()
            #else
                let work = Unmanaged<AnyWork>.fromOpaque(raw!).takeRetainedValue()
            #endif
            work.perform()
            return nil
        }, UnsafeMutableRawPointer(context.toOpaque()))
        main()
        if started == 0 {
            #if canImport(Darwin)
                pthread_join(thread!, nil)
            #else
                pthread_join(thread, nil)
            #endif
        } else {
            context.release()
            work.perform()
        }
        return work.result!
    }

    /// What the new thread runs, without its result type (a C function cannot be generic).
    private class AnyWork: @unchecked Sendable {
        func perform() {}
    }

    /// The work and, once done, its result — written by the side thread before it ends and
    /// read after `pthread_join`, which orders the two.
    private final class Work<T>: AnyWork, @unchecked Sendable {
        let body: @Sendable () -> T
        var result: T?
        init(_ body: @escaping @Sendable () -> T) { self.body = body }
        override func perform() { result = body() }
    }
}

extension SideThread {
    /// A value handed to a side thread and back, such as the writer it fills: `run` joins the
    /// thread before the caller reads the value again, so the two never touch it at once.
    final class Handoff<T>: @unchecked Sendable {
        var value: T
        init(_ value: T) { self.value = value }
    }

    /// Runs consecutive batches two at a time: `here` writes batch 0 into `state` on this
    /// thread while `side` does batch 1 on a side thread, then `joined` puts the side's work
    /// after it; then batches 2 and 3, and so on (a last odd batch runs here alone). The
    /// results are in batch order, as on one thread.
    static func inPairs<State>(
        _ batches: [Range<Int>], state: inout State, side: @escaping @Sendable (Range<Int>) -> Void,
        here: (inout State, Range<Int>) -> Void, joined: (inout State) -> Void
    ) {
        var k = 0
        while k < batches.count {
            let mine = batches[k]
            guard k + 1 < batches.count else {
                here(&state, mine)
                return
            }
            let theirs = batches[k + 1]
            run({ side(theirs) }, beside: { here(&state, mine) })
            joined(&state)
            k += 2
        }
    }
}
