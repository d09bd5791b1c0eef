@testable import PCSC
import Testing

@Suite("Reader attributes, control codes and PC/SC part 10 features")
struct ReaderFeatureTests {
    @Test("control codes read as SCARD_CTL_CODE(n), the feature request's name, hex and decimal")
    func controlCodes() {
        #expect(ControlCode(parsing: "SCARD_CTL_CODE(3400)") == .getFeatureRequest)
        #expect(ControlCode(parsing: "scard_ctl_code( 3400 )") == .getFeatureRequest)
        #expect(ControlCode(parsing: "CM_IOCTL_GET_FEATURE_REQUEST") == .getFeatureRequest)
        #expect(ControlCode(parsing: "0x42000D48") == .getFeatureRequest)
        #expect(ControlCode(parsing: "1107299656") == .getFeatureRequest)
        #expect(ControlCode(parsing: "SCARD_CTL_CODE(0x1)")?.rawValue == 0x4200_0001)
        for bad in ["", "0x", "SCARD_CTL_CODE()", "SCARD_CTL_CODE(4294967295)", "0x100000000", "twelve", "-1"] {
            #expect(ControlCode(parsing: bad) == nil, "\(bad)")
        }
        #expect(ControlCode.getFeatureRequest.description == "SCARD_CTL_CODE(3400) = 0x42000D48")
        #expect(ControlCode(rawValue: 0x31_3520).description == "0x313520")
    }

    @Test("a feature list is tag, length 4 and a big-endian code, repeated")
    func featureList() throws {
        let answer: [UInt8] = [0x06, 4, 0x42, 0x33, 0x00, 0x06, 0x12, 4, 0x42, 0x33, 0x00, 0x12, 0x7E, 4, 0, 0, 0, 1]
        let features = try #require(ReaderFeature.parse(answer))
        #expect(features.map(\.name) == ["FEATURE_VERIFY_PIN_DIRECT", "FEATURE_GET_TLV_PROPERTIES", "FEATURE_0x7E"])
        #expect(features[0].code.rawValue == 0x4233_0006)
        #expect(ReaderFeature.parse([]) == [])
        #expect(ReaderFeature.parse([0x06, 4, 0x42]) == nil)
        #expect(ReaderFeature.parse([0x06, 2, 0x42, 0x33]) == nil)
    }

    @Test("TLV properties: numbers little-endian, the firmware id as text; a short entry is refused")
    func properties() throws {
        let answer: [UInt8] = [0x01, 2, 0x01, 0x02, 0x07, 1, 8, 0x08, 3, 0x41, 0x42, 0x00, 0x0B, 2, 0x6B, 0x07]
        let properties = try #require(ReaderProperty.parse(answer))
        #expect(properties.map(\.name) == ["wLcdLayout", "bMaxPINSize", "sFirmwareID", "wIdVendor"])
        #expect(properties.map(\.text) == ["513", "8", "AB", "1899"])
        #expect(ReaderProperty.parse([0x01, 3, 0]) == nil)
        #expect(ReaderProperty.parse([0x01]) == nil)
    }

    @Test("attribute values: little-endian DWORDs of 1 to 8 bytes, text up to the first NUL")
    func attributeValues() {
        #expect(ReaderAttribute.integer([0xA0, 0x0F]) == 4000)
        #expect(ReaderAttribute.integer([0x01, 0x00, 0x02, 0x01]) == 0x0102_0001)
        #expect(ReaderAttribute.integer([1, 0, 0, 0, 0, 0, 0, 0]) == 1)
        #expect(ReaderAttribute.integer([1, 0, 0, 0, 1, 0, 0, 0]) == nil)
        #expect(ReaderAttribute.integer([]) == nil)
        #expect(ReaderAttribute.text(Array("Vendor  ".utf8) + [0, 0x41]) == "Vendor")
        #expect(ReaderAttribute.vendorName.description == "SCARD_ATTR_VENDOR_NAME")
        #expect(ReaderAttribute(rawValue: 0x0001_0199).description == "0x10199")
    }

    @Test("features and attributes go through SCardControl and SCardGetAttrib")
    func throughTheCard() throws {
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        let card = try context.connect(reader: "Reader 0", share: .direct, protocols: [])
        #expect(try card.features() == [])
        #expect(try card.control(.getFeatureRequest, data: [0x12, 4, 0, 0, 0, 1]) == [0x12, 4, 0, 0, 0, 1])
        #expect(throws: PCSCError.unsupportedFeature) { try card.attribute(.vendorName) }
        try card.setAttribute(ReaderAttribute.vendorName.rawValue, value: Array("ACME".utf8))
        #expect(try card.attribute(.vendorName) == Array("ACME".utf8))
        try context.release()
        #expect(fake.liveMemory == 0)
    }
}
