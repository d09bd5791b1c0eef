extension Card {
    /// Reads a named reader attribute. The corresponding C function is `SCardGetAttrib`.
    public func attribute(_ attribute: ReaderAttribute) throws(PCSCError) -> [UInt8] {
        try self.attribute(attribute.rawValue)
    }

    /// Sends `code` with `data` and returns the reader's answer. The corresponding C function is `SCardControl`.
    public func control(_ code: ControlCode, data: [UInt8] = [], maximumResponse: Int = 1024) throws(PCSCError) -> [UInt8] {
        try control(code: code.rawValue, data: data, maximumResponse: maximumResponse)
    }

    /// The reader's PC/SC part 10 features (`CM_IOCTL_GET_FEATURE_REQUEST`). A reader whose answer
    /// is not a feature list throws ``PCSCError/unknownError``; one that has no such request throws
    /// what the driver answered (``PCSCError/unsupportedFeature`` for most).
    public func features() throws(PCSCError) -> [ReaderFeature] {
        let answer = try control(.getFeatureRequest)
        guard let features = ReaderFeature.parse(answer) else { throw .unknownError }
        return features
    }

    /// The reader's TLV properties through `feature` (its `FEATURE_GET_TLV_PROPERTIES` entry).
    public func properties(through feature: ReaderFeature) throws(PCSCError) -> [ReaderProperty] {
        let answer = try control(feature.code)
        guard let properties = ReaderProperty.parse(answer) else { throw .unknownError }
        return properties
    }
}
