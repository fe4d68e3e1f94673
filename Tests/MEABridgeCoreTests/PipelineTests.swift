import MEABridgeCore
import Synchronization
import Testing

@Suite("Pipeline: two stages on two threads")
struct PipelineTests {
    struct Stop: Error, Equatable { let at: Int }

    @Test("every event arrives once, in order, across many batches")
    func order() throws {
        var received: [Int] = []
        try Pipeline.run(
            batchSize: 7,
            capacity: 2,
            produce: { emit in for i in 0..<10_000 { try emit(i) } },
            consume: { received.append($0) }
        )
        #expect(received == Array(0..<10_000))
    }

    @Test("when the consumer throws, the producer stops soon and the error comes back")
    func consumerError() {
        let produced = Atomic<Int>(0)
        var consumed = 0
        #expect(throws: Stop(at: 500)) {
            try Pipeline.run(
                batchSize: 10,
                capacity: 2,
                produce: { emit in
                    for i in 0..<1_000_000 {
                        produced.add(1, ordering: .relaxed)
                        try emit(i)
                    }
                },
                consume: { value in
                    consumed += 1
                    if value == 500 { throw Stop(at: 500) }
                }
            )
        }
        #expect(consumed == 501)
        // At most the batches in flight (capacity + the one being filled + the one being consumed) beyond the stop.
        #expect(produced.load(ordering: .relaxed) < 600)
    }

    @Test("when the producer throws, what it emitted before is consumed, then its error comes back")
    func producerError() {
        var received: [Int] = []
        #expect(throws: Stop(at: 300)) {
            try Pipeline.run(
                batchSize: 64,
                produce: { emit in
                    for i in 0..<300 { try emit(i) }
                    throw Stop(at: 300)
                },
                consume: { received.append($0) }
            )
        }
        #expect(received == Array(0..<300))
    }
}
