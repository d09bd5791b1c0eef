import ContextCore
import CryptoAPISim
import Testing

@Suite("CryptAcquireContext: every row of the table, in its check order")
struct AcquireContextTests {
    @Test("type 0 or above 999 is NTE_BAD_PROV_TYPE, checked before provider name and flags")
    func badProviderType() {
        let fixture = Fixture()
        for type: DWORD in [0, 1000, 0xFFFF_FFFF] {
            let result = fixture.acquire(provider: "no such provider", type: type, flags: 0x1)
            #expect(!result.ok)
            #expect(fixture.thread.lastError == .badProviderType)
        }
    }

    @Test("a type with no installed provider is NTE_PROV_TYPE_NOT_DEF, checked before the name")
    func typeNotDefined() {
        let fixture = Fixture()
        #expect(!fixture.acquire(type: PROV_DSS).ok)
        #expect(fixture.thread.lastError == .providerTypeNotDefined)
        #expect(!fixture.acquire(provider: "no such provider", type: 999, flags: 0x1).ok)
        #expect(fixture.thread.lastError == .providerTypeNotDefined)
    }

    @Test("an unknown provider name is NTE_KEYSET_NOT_DEF, checked before the flags")
    func unknownProvider() {
        let fixture = Fixture()
        #expect(!fixture.acquire(provider: "Contoso Provider", flags: 0x1).ok)
        #expect(fixture.thread.lastError == .keysetNotDefined)
    }

    @Test("a provider name of another type is NTE_PROV_TYPE_NO_MATCH, checked before the flags")
    func providerOfAnotherType() {
        let fixture = Fixture()
        #expect(!fixture.acquire(provider: CryptProvider.rsaAES.name, type: PROV_RSA_FULL, flags: 0x1).ok)
        #expect(fixture.thread.lastError == .providerTypeNoMatch)
        #expect(!fixture.acquire(provider: CryptProvider.base.name, type: PROV_RSA_AES).ok)
        #expect(fixture.thread.lastError == .providerTypeNoMatch)
    }

    @Test("provider names compare without regard to case")
    func providerNameCase() {
        let fixture = Fixture()
        let result = fixture.acquire(
            provider: CryptProvider.rsaAES.name.uppercased(), type: PROV_RSA_AES, flags: CRYPT_VERIFYCONTEXT)
        #expect(result.ok)
    }

    @Test("unknown flag bits and VERIFYCONTEXT with NEWKEYSET or DELETEKEYSET are NTE_BAD_FLAGS", arguments: [
        DWORD(0x1), 0x100, CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET, CRYPT_VERIFYCONTEXT | CRYPT_DELETEKEYSET,
        CRYPT_NEWKEYSET | CRYPT_DELETEKEYSET, 0x1000_0000,
    ])
    func badFlags(flags: DWORD) {
        let fixture = Fixture()
        #expect(!fixture.acquire("kc", flags: flags).ok)
        #expect(fixture.thread.lastError == .badFlags)
        #expect(fixture.live == 0)
    }

    @Test("VERIFYCONTEXT with a container name is NTE_BAD_FLAGS")
    func verifyWithName() {
        let fixture = Fixture()
        #expect(!fixture.acquire("kc", flags: CRYPT_VERIFYCONTEXT).ok)
        #expect(fixture.thread.lastError == .badFlags)
    }

    @Test("the flags are checked before the container: bad flags on an existing container are not NTE_EXISTS")
    func flagsBeforeContainer() {
        let fixture = Fixture()
        #expect(fixture.acquire("kc", flags: CRYPT_NEWKEYSET).ok)
        #expect(!fixture.acquire("kc", flags: CRYPT_NEWKEYSET | 0x2).ok)
        #expect(fixture.thread.lastError == .badFlags)
    }

    @Test("NEWKEYSET on an existing container is NTE_EXISTS")
    func exists() {
        let fixture = Fixture()
        #expect(fixture.acquire("kc", flags: CRYPT_NEWKEYSET).ok)
        #expect(!fixture.acquire("KC", flags: CRYPT_NEWKEYSET).ok)
        #expect(fixture.thread.lastError == .exists)
    }

    @Test("no flag and no container is NTE_BAD_KEYSET; so is deleting a container that does not exist")
    func badKeyset() {
        let fixture = Fixture()
        #expect(!fixture.acquire("missing").ok)
        #expect(fixture.thread.lastError == .badKeyset)
        #expect(!fixture.acquire("missing", flags: CRYPT_DELETEKEYSET).ok)
        #expect(fixture.thread.lastError == .badKeyset)
    }

    @Test("DELETEKEYSET deletes the container, returns TRUE and sets *phProv to 0")
    func deleteKeyset() throws {
        let fixture = Fixture()
        #expect(fixture.acquire("kc", flags: CRYPT_NEWKEYSET).ok)
        let out = OutParameter<HCRYPTPROV?>(HCRYPTPROV(rawValue: 0x1234))
        #expect(fixture.thread.acquireContext(out, container: "kc", provider: nil, type: PROV_RSA_FULL, flags: CRYPT_DELETEKEYSET))
        #expect(out.value == nil)
        #expect(try fixture.simulator.store.containers().isEmpty)
    }

    @Test("VERIFYCONTEXT gives an ephemeral context with no container")
    func verifyContext() throws {
        let fixture = Fixture()
        let result = fixture.acquire(type: PROV_RSA_AES, flags: CRYPT_VERIFYCONTEXT | CRYPT_SILENT)
        #expect(result.ok)
        #expect(result.handle != nil)
        #expect(fixture.count(result.handle) == 1)
        #expect(try fixture.simulator.store.containers().isEmpty)
    }

    @Test("otherwise a new context with reference count 1")
    func newContext() {
        let fixture = Fixture()
        let created = fixture.acquire("kc", flags: CRYPT_NEWKEYSET)
        let opened = fixture.acquire("kc")
        #expect(created.ok && opened.ok)
        #expect(created.handle != opened.handle)
        #expect(fixture.count(created.handle) == 1)
        #expect(fixture.count(opened.handle) == 1)
    }

    @Test("a NULL or empty container name is the default container, named after the user")
    func defaultContainer() throws {
        let fixture = Fixture()
        #expect(fixture.acquire(nil, flags: CRYPT_NEWKEYSET).ok)
        #expect(!fixture.acquire("", flags: CRYPT_NEWKEYSET).ok)
        #expect(fixture.thread.lastError == .exists)
        #expect(fixture.acquire("alice").ok)
        #expect(try fixture.simulator.store.containers().map(\.id.name) == ["alice"])
    }

    @Test("machine and user containers of the same name are distinct")
    func machineKeyset() {
        let fixture = Fixture()
        #expect(fixture.acquire("kc", flags: CRYPT_NEWKEYSET).ok)
        #expect(!fixture.acquire("kc", flags: CRYPT_MACHINE_KEYSET).ok)
        #expect(fixture.acquire("kc", flags: CRYPT_NEWKEYSET | CRYPT_MACHINE_KEYSET).ok)
        #expect(fixture.acquire("kc", flags: CRYPT_MACHINE_KEYSET).ok)
    }

    @Test("containers are per provider")
    func perProvider() {
        let fixture = Fixture()
        #expect(fixture.acquire("kc", flags: CRYPT_NEWKEYSET).ok)
        #expect(!fixture.acquire("kc", provider: CryptProvider.enhanced.name).ok)
        #expect(fixture.thread.lastError == .badKeyset)
    }

    @Test("a success leaves the last error as it was")
    func successKeepsLastError() {
        let fixture = Fixture()
        fixture.thread.setLastError(CryptError(rawValue: 0xDEAD_BEEF))
        #expect(fixture.acquire(flags: CRYPT_VERIFYCONTEXT).ok)
        #expect(fixture.thread.lastError.rawValue == 0xDEAD_BEEF)
    }

    @Test("a NULL phProv is ERROR_INVALID_PARAMETER")
    func nullOutPointer() {
        let fixture = Fixture()
        #expect(!fixture.thread.acquireContext(nil, container: nil, provider: nil, type: PROV_RSA_FULL, flags: CRYPT_VERIFYCONTEXT))
        #expect(fixture.thread.lastError == .invalidParameter)
    }

    @Test("each thread has its own last error")
    func lastErrorPerThread() {
        let fixture = Fixture()
        let other = fixture.simulator.thread("T2")
        #expect(!fixture.acquire(type: 0).ok)
        #expect(fixture.thread.lastError == .badProviderType)
        #expect(other.lastError == .success)
    }
}
