import ContextCore
import CryptoAPISim
import Foundation
import Synchronization
import Testing

@Suite("ERROR_BUSY: a second thread releases while the first is inside CryptHashData")
struct BusyTests {
    @Test("pinned: release from T2 while T1 is paused inside CryptHashData on 1 MiB is ERROR_BUSY and changes nothing")
    func busy() throws {
        let fixture = Fixture()
        let t1 = fixture.simulator.thread("T1")
        let t2 = fixture.simulator.thread("T2")
        let prov = fixture.verifyContext()
        let hash = fixture.createHash(prov, CALG_SHA_256).handle
        let data = [UInt8](repeating: 0x61, count: 1 << 20)
        let pause = fixture.simulator.armPause(on: "T1", afterChunks: 1)
        let result = Mutex<Bool?>(nil)
        Thread.detachNewThread {
            let ok = t1.hashData(hash, data, flags: 0)
            result.withLock { $0 = ok }
            pause.markFinished()
        }
        let stop = pause.waitForStop()
        #expect(stop == .paused("inside CryptHashData after 65536 of 1048576 bytes"))
        #expect(!t2.releaseContext(prov, flags: 0))
        #expect(t2.lastError == .busy)
        #expect(!t2.releaseContext(prov, flags: 1))
        #expect(t2.lastError == .busy)
        #expect(fixture.count(prov) == 1)
        pause.resume()
        #expect(pause.waitUntilFinished())
        #expect(result.withLock { $0 } == true)
        #expect(Hex.string(try #require(fixture.hashValue(hash))) == "9bc1b2a288b26af7257a36277ae3816a7d4f16e89c1e7e77d0a5c48bad62b360")
        #expect(t2.releaseContext(prov, flags: 0))
        #expect(fixture.live == 0)
    }

    @Test("the thread inside the call may itself release: busy concerns other threads only")
    func sameThreadNotBusy() throws {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        #expect(!fixture.simulator.isBusy(try #require(prov).handle, except: "T1"))
        #expect(fixture.thread.releaseContext(prov, flags: 0))
    }

    @Test("a pause on a call too short to reach it lets the call finish")
    func pauseNotReached() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let hash = fixture.createHash(prov, CALG_MD5).handle
        let pause = fixture.simulator.armPause(on: "T1", afterChunks: 1)
        let t1 = fixture.thread
        Thread.detachNewThread {
            _ = t1.hashData(hash, [1, 2, 3], flags: 0)
            pause.markFinished()
        }
        #expect(pause.waitForStop() == .finished)
    }
}
