import MEABridgeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a reader hands on, in order: records and the diagnostics between them.
enum ReadEvent: Sendable {
    case record(Record)
    case diagnostic(Diagnostic)
}

/// Reads ahead on a second thread, so that the caller's `emit` (rules, writer) runs while the next rows are read.
///
/// `produce` runs on the thread (tokenizing and mapping rows); its records and diagnostics are handed to the calling
/// thread in batches, in their order. At most four batches wait, so memory stays bounded.
///
/// When `emit` throws, reading stops and the error is rethrown once the thread has ended; when `produce` throws
/// (an I/O failure), the events before it are delivered first.
enum ReadAhead {
    /// The number of events per batch.
    static let batchSize = 2048

    static func run(
        produce: @escaping @Sendable (_ emit: (ReadEvent) throws -> Void) throws -> Void,
        consume: (ReadEvent) throws -> Void
    ) throws {
        let channel = Channel(capacity: 4)
        let work = Work(channel: channel, produce: produce)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(work).toOpaque()
        guard
            pthread_create(
                &thread,
                nil,
                { raw in
                    guard let raw else { return nil }
                    let work = Unmanaged<Work>.fromOpaque(raw).takeRetainedValue()
                    work.run()
                    return nil
                },
                context
            ) == 0
        else {
            // No thread: read on this one.
            Unmanaged<Work>.fromOpaque(context).release()
            try produce { try consume($0) }
            return
        }
        var consumerError: (any Error)?
        while let batch = channel.pop() {
            do {
                for event in batch { try consume(event) }
            } catch {
                consumerError = error
                channel.cancel()
                break
            }
        }
        pthread_join(thread, nil)
        if let consumerError { throw consumerError }
        if let failure = channel.failure { throw failure }
    }

    /// The producer's side: the body and the channel, kept alive by the thread.
    private final class Work: @unchecked Sendable {
        let channel: Channel
        let produce: @Sendable (_ emit: (ReadEvent) throws -> Void) throws -> Void

        init(channel: Channel, produce: @escaping @Sendable (_ emit: (ReadEvent) throws -> Void) throws -> Void) {
            self.channel = channel
            self.produce = produce
        }

        func run() {
            var batch: [ReadEvent] = []
            batch.reserveCapacity(ReadAhead.batchSize)
            do {
                try produce { event in
                    batch.append(event)
                    if batch.count >= ReadAhead.batchSize {
                        guard channel.push(batch) else { throw Cancelled() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { _ = channel.push(batch) }
                channel.finish(failure: nil)
            } catch is Cancelled {
                channel.finish(failure: nil)
            } catch {
                if !batch.isEmpty { _ = channel.push(batch) }
                channel.finish(failure: error)
            }
        }
    }

    private struct Cancelled: Error {}

    /// A bounded queue of batches between the two threads (a pthread mutex and two condition variables, allocated
    /// so that their addresses never move).
    private final class Channel: @unchecked Sendable {
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private let capacity: Int
        private var queue: [[ReadEvent]] = []
        private var finished = false
        private var cancelled = false
        private(set) var failure: (any Error)?

        init(capacity: Int) {
            self.capacity = capacity
            pthread_mutex_init(mutex, nil)
            pthread_cond_init(changed, nil)
        }

        deinit {
            pthread_cond_destroy(changed)
            pthread_mutex_destroy(mutex)
            changed.deallocate()
            mutex.deallocate()
        }

        /// Waits for room and queues a batch; `false` when the consumer has stopped.
        func push(_ batch: [ReadEvent]) -> Bool {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            while queue.count >= capacity, !cancelled { pthread_cond_wait(changed, mutex) }
            if cancelled { return false }
            queue.append(batch)
            pthread_cond_broadcast(changed)
            return true
        }

        /// Waits for the next batch; `nil` once the producer has finished and everything was taken.
        func pop() -> [ReadEvent]? {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            while queue.isEmpty, !finished { pthread_cond_wait(changed, mutex) }
            guard !queue.isEmpty else { return nil }
            let batch = queue.removeFirst()
            pthread_cond_broadcast(changed)
            return batch
        }

        func finish(failure: (any Error)?) {
            pthread_mutex_lock(mutex)
            self.failure = failure
            finished = true
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(mutex)
        }

        func cancel() {
            pthread_mutex_lock(mutex)
            cancelled = true
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(mutex)
        }
    }
}

/// A value moved to the read-ahead thread, which alone uses it from then on (a byte source, a reader's state).
struct Handoff<Value>: @unchecked Sendable {
    var value: Value
}
