/// Something that happened to one of the server's contexts: opened by the open routine, closed by
/// the close routine, or run down because its association went away.
public struct ServerContextEvent: Sendable, Equatable, CustomStringConvertible {
    /// What happened.
    public enum Action: String, Sendable, Equatable {
        /// The open routine returned a new non-NULL context.
        case opened
        /// The close routine set the context to NULL; it was freed without a rundown.
        case closed
        /// The context rundown routine ran for the context, because its association went away.
        case rundown
    }

    /// What happened.
    public let action: Action
    /// The context's name in the server ledger (`server-context#2`).
    public let context: String
    /// The name of the resource the context has open.
    public let resource: String
    /// The context's association, by ledger name and client (`association#1 c1`).
    public let association: String

    /// Creates an event.
    public init(action: Action, context: String, resource: String, association: String) {
        self.action = action
        self.context = context
        self.resource = resource
        self.association = association
    }

    /// `rundown server-context#2 "notes" on association#1 c1`.
    public var description: String {
        "\(action.rawValue) \(context) \"\(resource)\" on \(association)"
    }
}
