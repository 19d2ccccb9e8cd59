import Foundation
import XCTest

@testable import Reporting

/// The JSON writer behind `--format json` and SARIF: keys in the given order, strings escaped so
/// that any JSON parser reads back exactly what was written.
final class JSONValueTests: XCTestCase {
    func testStringsRoundTripThroughAJSONParser() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t return \r bell \u{7} nul \u{0} é → 𝄞 `x`"
        let text = JSONValue.object([("reason", .string(tricky)), ("line", .number(12)), ("ok", .bool(true)), ("none", .null)]).text
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["reason"] as? String, tricky)
        XCTAssertEqual(parsed["line"] as? Int, 12)
        XCTAssertTrue(text.contains(#"\u0007"#) && text.contains(#"\u0000"#), text)
    }

    func testObjectsKeepTheirKeyOrder() {
        let text = JSONValue.object([("z", .number(1)), ("a", .array([.number(2), .string("b")])), ("m", .object([]))]).text
        XCTAssertEqual(text, #"{"z":1,"a":[2,"b"],"m":{}}"#)
    }
}
