import Foundation
import PCSCDoctor
import Testing

@Suite("vpcd in pcscd's configuration")
struct VpcdConfigurationTests {
    let debianEntry = """
        # This is the vpcd reader
        FRIENDLYNAME "Virtual PCD"
        DEVICENAME   /dev/null:0x8C7B
        LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so
        CHANNELID    0x8C7B
        """

    @Test("the Debian entry: name, port in hex, driver")
    func debian() throws {
        let entry = try #require(VpcdConfiguration.parse(debianEntry, file: "/etc/reader.conf.d/vpcd"))
        #expect(entry == VpcdConfiguration.Entry(
            file: "/etc/reader.conf.d/vpcd", friendlyName: "Virtual PCD", port: 35963,
            library: "/usr/lib/pcsc/drivers/serial/libifdvpcd.so"))
    }

    @Test("a decimal port, another name, tabs and comments")
    func decimalPort() throws {
        let text = "#FRIENDLYNAME \"ignored\"\nFRIENDLYNAME\t\"Lab PCD\"\nDEVICENAME localhost:40000\n\nLIBPATH /opt/vpcd/libifdvpcd.so\n"
        let entry = try #require(VpcdConfiguration.parse(text, file: "f"))
        #expect(entry.friendlyName == "Lab PCD")
        #expect(entry.port == 40000)
    }

    @Test("no DEVICENAME means vpcd's default port; another driver is no entry")
    func defaultsAndOthers() throws {
        #expect(VpcdConfiguration.parse("LIBPATH /usr/lib/libifdvpcd.so", file: "f")?.port == 0x8C7B)
        #expect(VpcdConfiguration.parse("FRIENDLYNAME \"X\"\nLIBPATH /usr/lib/libccid.so\n", file: "f") == nil)
        #expect(VpcdConfiguration.parse("", file: "f") == nil)
    }

    @Test("pcscd's -c or --config argument names its configuration")
    func configPath() {
        let daemon = { (arguments: [String]) in SystemProbe.Daemon(pid: 1, arguments: arguments) }
        #expect(VpcdConfiguration.configPath(of: nil) == "/etc/reader.conf.d")
        #expect(VpcdConfiguration.configPath(of: daemon(["pcscd", "--foreground"])) == "/etc/reader.conf.d")
        #expect(VpcdConfiguration.configPath(of: daemon(["pcscd", "-c", "/tmp/rc"])) == "/tmp/rc")
        #expect(VpcdConfiguration.configPath(of: daemon(["pcscd", "--config=/tmp/rc2"])) == "/tmp/rc2")
        #expect(VpcdConfiguration.configPath(of: daemon(["pcscd", "-c"])) == "/etc/reader.conf.d")
    }

    @Test("a reader's slot from its name")
    func slots() {
        #expect(VpcdConfiguration.slot(of: "Virtual PCD 00 01") == 1)
        #expect(VpcdConfiguration.slot(of: "Virtual PCD 00 00") == 0)
        #expect(VpcdConfiguration.slot(of: "Other") == 0)
    }

    @Test("a folder of files: the vpcd one is found; a missing driver and a missing folder are problems")
    func folder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vpcd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let driver = folder + "/libifdvpcd.so"
        try "FRIENDLYNAME \"Other\"\nLIBPATH /usr/lib/libccid.so\n".write(toFile: folder + "/a-ccid", atomically: true, encoding: .utf8)
        try "DEVICENAME /dev/null:0x8C7B\nLIBPATH \(driver)\n".write(toFile: folder + "/b-vpcd", atomically: true, encoding: .utf8)
        guard case .failure(let missing) = VpcdConfiguration.entry(in: folder) else {
            Issue.record("a driver that is not installed must be a problem")
            return
        }
        #expect(missing.message.contains("which is not installed"))
        try Data().write(to: URL(fileURLWithPath: driver))
        let entry = try VpcdConfiguration.entry(in: folder).get()
        #expect(entry.file == folder + "/b-vpcd")
        #expect(entry.port == 35963)
        guard case .failure(let absent) = VpcdConfiguration.entry(in: folder + "/nothing") else {
            Issue.record("a missing configuration must be a problem")
            return
        }
        #expect(absent.message.contains("does not exist"))
    }
}
