import ContextCore
import PCSC
import Testing

extension VirtualReaderTests {
    @Suite("PCSC library against pcscd")
    struct LibraryTests {
        @Test("both virtual readers are listed")
        func listsBothReaders() throws {
            let manager = ResourceManager()
            let context = try manager.establishContext()
            defer { _ = try? context.release() }
            #expect(try context.readerNames() == VirtualReader.readers)
            try context.validate()
        }

        @Test("the iso7816 card's ATR and protocol")
        func status() throws {
            let manager = ResourceManager()
            let context = try manager.establishContext()
            defer { _ = try? context.release() }
            let card = try context.connect(reader: VirtualReader.readers[0])
            let status = try card.status()
            #expect(status.atr == VirtualReader.atr)
            #expect(status.reader == VirtualReader.readers[0])
            #expect(status.activeProtocol == .t1)
            #expect(status.state.contains(.present))
        }

        @Test("SELECT MF answers 90 00")
        func selectMF() throws {
            let manager = ResourceManager()
            let context = try manager.establishContext()
            defer { _ = try? context.release() }
            let card = try context.connect(reader: VirtualReader.readers[0])
            let exchange = try card.transmit(try CommandAPDU(hex: "00 A4 00 0C 02 3F 00"))
            #expect(exchange.response.bytes == [0x90, 0x00])
            #expect(exchange.wire.count == 1)
        }

        @Test("two GET CHALLENGEs give 8 different random bytes each, with 90 00")
        func getChallenge() throws {
            let manager = ResourceManager()
            let context = try manager.establishContext()
            defer { _ = try? context.release() }
            let card = try context.connect(reader: VirtualReader.readers[1])
            let command = try CommandAPDU(hex: "0084000008")
            let first = try card.transmit(command).response
            let second = try card.transmit(command).response
            #expect(first.data.count == 8)
            #expect(second.data.count == 8)
            #expect(first.statusWord == .success)
            #expect(second.statusWord == .success)
            #expect(first.data != second.data)
        }

        @Test("releasing a context disconnects its cards, frees its buffers, then releases it")
        func releaseFreesChildren() throws {
            let manager = ResourceManager()
            let context = try manager.establishContext()
            let list = try #require(try context.listReaders())
            let card = try context.connect(reader: list.names[0])
            let (_, nameBuffer) = try card.statusKeepingBuffer()
            #expect(manager.table.liveCount() == 4)
            let report = try context.release()
            #expect(report.freed.map(\.info.kind) == [.card, .buffer, .buffer, .pcscContext])
            #expect(report.freed.allSatisfy { $0.failure == nil })
            #expect(report.bufferBytes == list.buffer.length + nameBuffer.length)
            #expect(manager.table.liveCount() == 0)
            #expect(throws: PCSCError.invalidHandle) { try context.validate() }
            #expect(throws: PCSCError.invalidHandle) { try card.transmit([0x00, 0x84, 0x00, 0x00, 0x08]) }
            #expect(throws: PCSCError.invalidHandle) { try list.buffer.free() }
            #expect(throws: PCSCError.invalidHandle) { try context.release() }
            #expect(report.verifyWithLibrary(manager).allSatisfy { $0.result == .invalidHandle })
            #expect(manager.table.ledger.totals[.staleUse] == 4)
        }

        @Test("a buffer freed before release is not freed again")
        func bufferFreedEarly() throws {
            let manager = ResourceManager()
            let context = try manager.establishContext()
            let list = try #require(try context.listReaders())
            try list.buffer.free()
            let report = try context.release()
            #expect(report.buffers.isEmpty)
            #expect(manager.table.ledger.totals[.free] == 2)
        }

        @Test("a transaction begins and ends; reconnect with reset keeps T=1")
        func transactionAndReconnect() throws {
            let manager = ResourceManager()
            let context = try manager.establishContext()
            defer { _ = try? context.release() }
            let card = try context.connect(reader: VirtualReader.readers[0])
            let select = try CommandAPDU(hex: "00A4000C023F00")
            let inside = try card.withTransaction { try card.transmit(select) }
            #expect(inside.response.statusWord == .success)
            #expect(try card.reconnect(initialization: .reset) == .t1)
            #expect(try card.transmit(try CommandAPDU(hex: "00A4000C023F00")).response.statusWord == .success)
            try card.disconnect(.reset)
            #expect(throws: PCSCError.invalidHandle) { try card.disconnect() }
        }

        @Test("an exclusive connection makes a second one a sharing violation")
        func sharingViolation() throws {
            let manager = ResourceManager()
            let first = try manager.establishContext()
            let second = try manager.establishContext()
            defer {
                _ = try? first.release()
                _ = try? second.release()
            }
            _ = try first.connect(reader: VirtualReader.readers[0], share: .exclusive)
            #expect(throws: PCSCError.sharingViolation) {
                try second.connect(reader: VirtualReader.readers[0])
            }
        }

        @Test("get-status-change reports cards and times out; cancel ends a blocking wait")
        func statusChangeAndCancel() async throws {
            let manager = ResourceManager()
            let context = try manager.establishContext()
            defer { _ = try? context.release() }
            var states = VirtualReader.readers.map { ReaderStatus(reader: $0) }
            try context.getStatusChange(&states, timeout: 0)
            #expect(states.allSatisfy { $0.eventState.contains(.present) })
            #expect(states[0].atr == VirtualReader.atr)
            for index in states.indices { states[index].acknowledge() }
            #expect(throws: PCSCError.timeout) { try context.getStatusChange(&states, timeout: 50) }
            let waiter = Task.detached { [states] () -> PCSCError? in
                var waiting = states
                return pcscError { try context.getStatusChange(&waiting, timeout: Context.infinite) }
            }
            try await Task.sleep(for: .milliseconds(200))
            try context.cancel()
            let result = await waiter.value
            #expect(result == .cancelled)
        }

        @Test("reader groups come through an auto-allocated buffer; an unsupported attribute is an error")
        func groupsAndAttributes() throws {
            let manager = ResourceManager()
            let context = try manager.establishContext()
            defer { _ = try? context.release() }
            let groups = try context.listReaderGroups()
            #expect(groups.names.contains("SCard$DefaultReaders"))
            try groups.buffer.free()
            let card = try context.connect(reader: VirtualReader.readers[0])
            // vpcd's driver answers no attribute: the error comes back, and no buffer is left behind.
            let atrAttribute: UInt32 = 0x0009_0303
            #expect(throws: PCSCError.unsupportedFeature) { try card.attribute(atrAttribute) }
            #expect(manager.table.liveCount(of: .buffer) == 0)
            #expect(manager.table.ledger.totals[.free] == 1)
        }

        @Test("a control code the driver does not know is an error, not a crash")
        func unknownControlCode() throws {
            let manager = ResourceManager()
            let context = try manager.establishContext()
            defer { _ = try? context.release() }
            let card = try context.connect(reader: VirtualReader.readers[0], share: .direct, protocols: [])
            #expect(throws: PCSCError.self) { try card.control(code: 0x4236_0000 + 3400 * 4, data: []) }
        }

        @Test("a card removed mid-use gives a removed-card error", VirtualReader.destructive)
        func cardRemovedMidUse() throws {
            let manager = ResourceManager()
            let context = try manager.establishContext()
            defer { _ = try? context.release() }
            let card = try context.connect(reader: VirtualReader.readers[1])
            let command = try CommandAPDU(hex: "0084000008")
            let error = try VirtualReader.withCardRemoved(1) {
                pcscError { _ = try card.transmit(command) }
            }
            #expect(error == .removedCard || error == .noSmartcard)
        }

        @Test("pcscd stopped gives the no-service error", VirtualReader.destructive)
        func noService() throws {
            let error = try VirtualReader.withPcscdStopped {
                pcscError { _ = try ResourceManager().establishContext() }
            }
            #expect(error == .noService)
            #expect(error?.description.contains("pcscd is not running") == true)
        }
    }
}
