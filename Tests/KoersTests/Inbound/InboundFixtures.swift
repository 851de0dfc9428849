import Foundation
@testable import KoersFormats
import KoersTestSupport

/// Replies as real mail clients write them (Tests/Support/Inbound/), as a mail server delivers them.
enum InboundFixtures {
    static let folder = Fixture.repository + "/Tests/Support/Inbound"

    static let names = ["outlook-desktop-nl", "outlook-desktop-en", "outlook-web-nl", "outlook-ios-html", "gmail-nl",
                        "gmail-en", "apple-mail-iphone", "outlook-windows-1252"]

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name + ".eml")))
    }

    static func message(_ name: String) throws -> InboundMessage {
        try InboundMessage.parse(bytes(name))
    }
}
