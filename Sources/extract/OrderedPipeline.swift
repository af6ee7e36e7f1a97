import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `work` for items `0..<count` on `jobs` threads and hands each result to `consume` on
/// the calling thread in item order, as soon as it and every earlier one are ready.
///
/// At most `window` results (default `2 × jobs`) are alive at a time — being made, or made
/// and waiting for an earlier one — so memory does not grow with the number of items: a
/// worker takes a free place before it starts an item, and `consume` frees it.
enum OrderedPipeline {
    /// - Parameter consume: returns `false` to stop early (no further items are started).
    static func run<Result: Sendable>(
        count: Int, jobs: Int, window: Int? = nil,
        work: @escaping @Sendable (Int) -> Result,
        consume: (Int, Result) -> Bool
    ) {
        guard count > 0 else { return }
        let jobs = max(1, min(jobs, count))
        let board = Board<Result>(places: max(jobs, window ?? 2 * jobs))
        let group = DispatchGroup()
        for _ in 0..<jobs {
            DispatchQueue.global().async(group: group) {
                while let k = board.claim(below: count) {
                    board.put(k, work(k))
                }
            }
        }
        for k in 0..<count {
            let result = board.take(k)
            if !consume(k, result) {
                board.stop()
                break
            }
        }
        board.stop()
        group.wait()
    }
}

/// The results between the workers and the consumer, guarded by one mutex.
private final class Board<Result>: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var ready: [Int: Result] = [:]
    private var next = 0
    private var free: Int
    private var stopped = false

    init(places: Int) {
        free = places
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    /// The next item to make, once a place is free; `nil` when all are taken or the run stopped.
    func claim(below count: Int) -> Int? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while free == 0, !stopped, next < count { pthread_cond_wait(&changed, &mutex) }
        guard !stopped, next < count else { return nil }
        free -= 1
        next += 1
        return next - 1
    }

    func put(_ k: Int, _ result: Result) {
        pthread_mutex_lock(&mutex)
        ready[k] = result
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }

    /// Waits for item `k`, removes it and frees its place.
    func take(_ k: Int) -> Result {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while ready[k] == nil { pthread_cond_wait(&changed, &mutex) }
        let result = ready.removeValue(forKey: k)!
        free += 1
        pthread_cond_broadcast(&changed)
        return result
    }

    func stop() {
        pthread_mutex_lock(&mutex)
        stopped = true
        // Results not consumed are dropped here.
        ready.removeAll()
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }
}
