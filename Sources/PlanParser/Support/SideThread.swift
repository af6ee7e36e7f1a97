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
