import Synchronization

/// A bounded, multi-producer multi-consumer channel between tasks: `send` waits while the buffer is full, so a
/// fast producer cannot fill memory; `receive` waits for an element or the end.
///
/// A class because the tasks share one buffer.
final class AsyncChannel<Element: Sendable>: Sendable {
    private struct State {
        var buffer: [Element] = []
        var finished = false
        var closed = false
        var receivers: [CheckedContinuation<Element?, Never>] = []
        var senders: [(element: Element, continuation: CheckedContinuation<Bool, Never>)] = []
    }

    private enum SendAction {
        case deliver(CheckedContinuation<Element?, Never>)
        case accepted
        case dropped
        case wait
    }

    private enum ReceiveAction {
        case element(Element, CheckedContinuation<Bool, Never>?)
        case end
        case wait
    }

    private let capacity: Int
    private let state = Mutex(State())

    /// Creates a channel holding at most `capacity` elements besides those being handed over.
    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Sends an element, waiting while the channel is full.
    /// - Returns: `false` when the channel was closed and the element dropped.
    @discardableResult
    func send(_ element: Element) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let action: SendAction = state.withLock { state in
                if state.closed { return .dropped }
                if !state.receivers.isEmpty { return .deliver(state.receivers.removeFirst()) }
                if state.buffer.count < capacity {
                    state.buffer.append(element)
                    return .accepted
                }
                state.senders.append((element, continuation))
                return .wait
            }
            switch action {
            case .deliver(let receiver):
                receiver.resume(returning: element)
                continuation.resume(returning: true)
            case .accepted: continuation.resume(returning: true)
            case .dropped: continuation.resume(returning: false)
            case .wait: break
            }
        }
    }

    /// Receives the next element, waiting for one.
    /// - Returns: The element, or `nil` once the channel is finished and empty (or closed).
    func receive() async -> Element? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
            let action: ReceiveAction = state.withLock { state in
                if state.closed { return .end }
                if !state.buffer.isEmpty {
                    let element = state.buffer.removeFirst()
                    var sender: CheckedContinuation<Bool, Never>?
                    if !state.senders.isEmpty {
                        let waiting = state.senders.removeFirst()
                        state.buffer.append(waiting.element)
                        sender = waiting.continuation
                    }
                    return .element(element, sender)
                }
                if !state.senders.isEmpty {
                    let waiting = state.senders.removeFirst()
                    return .element(waiting.element, waiting.continuation)
                }
                if state.finished { return .end }
                state.receivers.append(continuation)
                return .wait
            }
            switch action {
            case .element(let element, let sender):
                sender?.resume(returning: true)
                continuation.resume(returning: element)
            case .end: continuation.resume(returning: nil)
            case .wait: break
            }
        }
    }

    /// Marks the end: receivers get the remaining elements, then `nil`.
    func finish() {
        let receivers: [CheckedContinuation<Element?, Never>] = state.withLock { state in
            state.finished = true
            guard state.buffer.isEmpty, state.senders.isEmpty else { return [] }
            defer { state.receivers.removeAll() }
            return state.receivers
        }
        for receiver in receivers { receiver.resume(returning: nil) }
    }

    /// Stops the channel at once: waiting senders and receivers are released, buffered elements dropped.
    func close() {
        let (receivers, senders): ([CheckedContinuation<Element?, Never>], [CheckedContinuation<Bool, Never>]) =
            state.withLock { state in
                state.closed = true
                state.finished = true
                state.buffer.removeAll()
                defer {
                    state.receivers.removeAll()
                    state.senders.removeAll()
                }
                return (state.receivers, state.senders.map(\.continuation))
            }
        for receiver in receivers { receiver.resume(returning: nil) }
        for sender in senders { sender.resume(returning: false) }
    }
}
