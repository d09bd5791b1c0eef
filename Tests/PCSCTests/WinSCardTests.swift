import ContextCore
import Foundation
@testable import PCSC
import Synchronization
import Testing

/// Values collected from inside calls made on other threads or in closures.
final class Collected<Value: Sendable>: Sendable {
    let values = Mutex<[Value]>([])
    func append(_ value: Value) { values.withLock { $0.append(value) } }
    var all: [Value] { values.withLock { $0 } }
}

@Suite("The seam: every C call, every result code, calls in flight and traces")
struct WinSCardTests {
    /// Every code PCSCError names, and one it does not.
    static let codes: [UInt32] = PCSCError.names.keys.sorted() + [0x8010_00FF]

    /// Makes the one call of `function` the test injects a failure into, on a context and a card
    /// made beforehand; returns the error it surfaced as (thrown, or reported by a release).
    static func surface(_ function: PCSCFunction, code: UInt32) throws -> (PCSCError?, ResourceManager, ScriptedPCSC) {
        let (manager, fake) = scripted()
        if function == .establishContext {
            fake.fail(function, with: code)
            do {
                _ = try manager.establishContext()
                return (nil, manager, fake)
            } catch {
                return (error, manager, fake)
            }
        }
        let context = try manager.establishContext()
        let card = try context.connect(reader: "Reader 0")
        let list = try #require(try context.listReaders())
        try card.setAttribute(1, value: [1])
        if function == .endTransaction { try card.beginTransaction() }
        fake.fail(function, with: code)
        var error: PCSCError?
        do {
            switch function {
            case .establishContext: break
            case .releaseContext: error = try context.release().contextFailure
            case .isValidContext: try context.validate()
            case .listReaders: if try context.listReaders() == nil { error = .noReadersAvailable }
            case .listReaderGroups: _ = try context.listReaderGroups()
            case .freeMemory: try list.buffer.free()
            case .cancel: try context.cancel()
            case .getStatusChange:
                var states = [ReaderStatus(reader: "Reader 0")]
                try context.getStatusChange(&states, timeout: 0)
            case .connect: _ = try context.connect(reader: "Reader 0")
            case .reconnect: try card.reconnect()
            case .disconnect: try card.disconnect()
            case .beginTransaction: try card.beginTransaction()
            case .endTransaction: try card.endTransaction()
            case .status: _ = try card.status()
            case .transmit: _ = try card.transmit([0x00, 0x84, 0x00, 0x00, 0x08])
            case .control: _ = try card.control(code: 1)
            case .getAttribute: _ = try card.attribute(1)
            case .setAttribute: try card.setAttribute(1, value: [2])
            }
        } catch let thrown {
            error = thrown
        }
        if context.isLive { try context.release() }
        return (error, manager, fake)
    }

    @Test("each SCARD_* code returned by each call surfaces as that PCSCError, and the call leaves nothing behind",
          arguments: PCSCFunction.allCases)
    func everyCodeAtEveryCall(function: PCSCFunction) throws {
        for code in Self.codes {
            let (error, manager, fake) = try Self.surface(function, code: code)
            #expect(error == PCSCError(rawValue: code), "\(function) returning \(PCSCError(rawValue: code).name)")
            #expect(manager.table.liveCount() == 0, "\(function) returning \(PCSCError(rawValue: code).name)")
            if function != .releaseContext {
                #expect(fake.liveContexts == 0 && fake.liveCards == 0, "\(function) returning \(PCSCError(rawValue: code).name)")
            }
            if function != .freeMemory {
                #expect(fake.liveMemory == 0, "\(function) returning \(PCSCError(rawValue: code).name)")
            }
        }
    }

    @Test("every function's error names itself and the code's C name")
    func errorNames() {
        for code in PCSCError.names.keys {
            #expect(PCSCError(rawValue: code).name.hasPrefix("SCARD_"))
        }
        #expect(PCSCError(rawValue: 0x8010_00FF).name == "0x801000FF")
    }

    @Test("each call through the stand-in is in flight in PendingCalls while it runs, and gone after")
    func pendingCallsThroughTheSeam() throws {
        let calls = PendingCalls()
        let seen = Collected<[PCSCFunction]>()
        let fake = ScriptedPCSC(duringCall: { _ in seen.append(calls.current.map(\.function)) })
        let manager = ResourceManager(system: fake, calls: calls)
        try manager.withContext { context in
            try context.withCard(reader: "Reader 0") { card in
                _ = try card.transmit(CommandAPDU(hex: "00 84 00 00 08"))
            }
        }
        #expect(seen.all == fake.functions.map { [$0] })
        #expect(fake.functions == [.establishContext, .connect, .beginTransaction, .transmit, .endTransaction, .disconnect, .releaseContext])
        #expect(calls.isEmpty)
    }

    @Test("a watchdog on another thread sees a blocked call through the stand-in")
    func watchdogSeesBlockedCall() async throws {
        let calls = PendingCalls()
        let entered = Collected<Bool>()
        let release = Collected<Bool>()
        let card = ScriptedCard(respond: { _ in
            entered.append(true)
            while release.all.isEmpty { usleep(1000) }
            return [0x90, 0x00]
        })
        let manager = ResourceManager(system: ScriptedPCSC(readers: [("Reader 0", card)]), calls: calls)
        let context = try manager.establishContext()
        let connection = try context.connect(reader: "Reader 0")
        let exchange = Task.detached { try connection.transmit([0x00, 0x84, 0x00, 0x00, 0x08]) }
        while entered.all.isEmpty { try await Task.sleep(for: .milliseconds(1)) }
        #expect(calls.current.map(\.function) == [.transmit])
        release.append(true)
        #expect(try await exchange.value == [0x90, 0x00])
        #expect(calls.isEmpty)
        try context.release()
    }

    @Test("the tracer sees each call through the stand-in with its result code")
    func tracerThroughTheSeam() throws {
        let traced = Collected<PCSCCall>()
        let fake = ScriptedPCSC()
        let manager = ResourceManager(system: fake, tracer: PCSCTracer { traced.append($0) })
        let context = try manager.establishContext()
        fake.fail(.connect, with: PCSCError.sharingViolation.rawValue)
        #expect(throws: PCSCError.sharingViolation) { try context.connect(reader: "Reader 0") }
        try context.release()
        #expect(traced.all.map(\.function) == ["SCardEstablishContext", "SCardConnect", "SCardReleaseContext"])
        #expect(traced.all.map(\.resultName) == ["SCARD_S_SUCCESS", "SCARD_E_SHARING_VIOLATION", "SCARD_S_SUCCESS"])
    }
}
