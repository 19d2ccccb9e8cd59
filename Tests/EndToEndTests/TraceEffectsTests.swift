import Foundation
import TraceStore
import XCTest

/// The tracer keeps the text of the first 16 distinct literals of a parameter (LiteralValues).
private enum LiteralBound {
    static let kept = 16
}

/// One fixture function per kind of effect (Fixtures/effects_project/shop/effects.py).
final class TraceEffectsTests: XCTestCase {
    private static var cached: HybridizeRunner.Result?

    private func database() throws -> TraceDatabase {
        if Self.cached == nil {
            Self.cached = try HybridizeRunner.trace(
                ["pytest", "-q", "-p", "no:cacheprovider"], in: try HybridizeRunner.project("effects_project"))
        }
        let result = try XCTUnwrap(Self.cached)
        XCTAssertEqual(result.status, 0, result.output)
        return try XCTUnwrap(result.database, result.output)
    }

    private func effects(_ qualname: String) throws -> [String] {
        try database().effects(of: qualname).map { "\($0.kind) \($0.target)" }.sorted()
    }

    func testEveryEffectKindIsObservedWithItsTarget() throws {
        XCTAssertEqual(try effects("bump"), ["global_write COUNTER"])
        XCTAssertEqual(try effects("register"), ["item_write REGISTRY[a]"])
        XCTAssertEqual(try effects("remember"), ["item_write EVENTS"])
        XCTAssertEqual(try effects("take"), ["iterator SOURCE"])
        XCTAssertEqual(try effects("advance"), ["iterator iterator"])
        XCTAssertEqual(try effects("shout"), ["print sys.stdout"])
        XCTAssertEqual(try effects("note"), ["logging shop"])
        XCTAssertEqual(try effects("probe_socket"), ["io socket.bind ('127.0.0.1', 0)"])
        let saved = try effects("save")
        XCTAssertEqual(saved.count, 1)
        XCTAssertTrue(saved[0].hasPrefix("io ") && saved[0].hasSuffix("out.txt (w)"), "\(saved)")
        XCTAssertEqual(try effects("make_variable"), ["variable_creation Variable"])
    }

    func testCalleeEffectsReachCallersOnlyForObjectsTheyDidNotCreate() throws {
        XCTAssertEqual(try effects("Box.set"), ["attribute_write self.value"])
        // fill's argument was written by the callee: reported in fill's own words, via Box.set.
        let fill = try database().effects(of: "fill")
        XCTAssertEqual(fill.map(\.target), ["box.value"])
        XCTAssertEqual(try database().integer(
            """
            SELECT count(*) FROM effects e JOIN functions f ON f.run_id = e.run_id AND f.id = e.via_function_id
            WHERE f.qualname = 'Box.set'
            """), 1)
        // fresh_box writes only to a box it made itself.
        XCTAssertEqual(try effects("fresh_box"), [])
        XCTAssertEqual(try effects("Box.__init__"), [])
        for pure in ["pure", "scaled", "use", "row_total", "hybrid", "nested", "in_thread"] {
            XCTAssertEqual(try effects(pure), [], pure)
        }
    }

    func testPrimitiveLiteralsAndObjectIdentities() throws {
        let database = try database()
        let factors = try database.rows(
            """
            SELECT p.value FROM signature_params p JOIN signatures s ON s.run_id = p.run_id AND s.id = p.signature_id
            JOIN functions f ON f.run_id = s.run_id AND f.id = s.function_id
            WHERE f.qualname = 'scaled' AND p.param = 'factor' ORDER BY p.value
            """
        ).compactMap { $0.first?.text }
        XCTAssertTrue(Set(factors).isSuperset(of: ["1.0", "2.0", "3.0", "<many>"]), "\(factors)")
        XCTAssertEqual(factors.count, LiteralBound.kept + 1)
        XCTAssertEqual(try database.integer(
            """
            SELECT v.distinct_values FROM param_values v JOIN functions f ON f.run_id = v.run_id AND f.id = v.function_id
            WHERE f.qualname = 'scaled' AND v.param = 'factor'
            """), 43)
        // One optimizer reused for 5 calls, then 5 short-lived ones whose addresses CPython reuses:
        // identities are told apart by weak reference, so 1 + 5 distinct objects over 10 calls.
        let identity = try database.rows(
            """
            SELECT i.kind, i.distinct_objects, i.calls FROM param_identities i
            JOIN functions f ON f.run_id = i.run_id AND f.id = i.function_id
            WHERE f.qualname = 'use' AND i.param = 'optimizer'
            """
        ).first
        XCTAssertEqual(identity?[0].text, "Optimizer")
        XCTAssertEqual(identity?[1].integer, 6)
        XCTAssertEqual(identity?[2].integer, 10)
    }

    func testLiteralsAreBoundedPerParameterSoSignaturesStayFew() throws {
        let database = try database()
        // 40 distinct short lists: the first 16 are kept as literals, the rest fold into "<many>".
        let values = try database.rows(
            """
            SELECT p.value, s.calls FROM signature_params p
            JOIN signatures s ON s.run_id = p.run_id AND s.id = p.signature_id
            JOIN functions f ON f.run_id = s.run_id AND f.id = s.function_id WHERE f.qualname = 'count_items'
            """)
        XCTAssertEqual(values.count, LiteralBound.kept + 1)
        XCTAssertEqual(values.first { $0[0].text == "<many>" }?[1].integer, Int64(40 - LiteralBound.kept))
        XCTAssertTrue(values.contains { $0[0].text == "[0, 1]" })
        XCTAssertEqual(try database.integer(
            """
            SELECT v.distinct_values FROM param_values v JOIN functions f ON f.run_id = v.run_id AND f.id = v.function_id
            WHERE f.qualname = 'count_items'
            """), 40)
    }

    func testGraphCallsThreadsAndComprehensions() throws {
        let database = try database()
        let pure = try database.rows(
            """
            SELECT s.graph, sum(s.calls) FROM signatures s JOIN functions f ON f.run_id = s.run_id AND f.id = s.function_id
            WHERE f.qualname = 'pure' GROUP BY s.graph ORDER BY s.graph
            """
        ).map { "\($0[0].integer ?? -1):\($0[1].integer ?? -1)" }
        XCTAssertEqual(pure, ["0:3", "1:1"], "eager from tests and nested; once while tf.function traced hybrid")
        XCTAssertEqual(try database.calls(of: "row_total").first?.shape, "[3, 2]")
        XCTAssertEqual(try database.integer("SELECT count(*) FROM functions WHERE qualname LIKE '%<listcomp>%'"), 0)
        let nestedEdges = try database.integer(
            """
            SELECT sum(e.calls) FROM edges e JOIN functions a ON a.run_id = e.run_id AND a.id = e.caller_id
            JOIN functions b ON b.run_id = e.run_id AND b.id = e.callee_id
            WHERE a.qualname = 'nested' AND b.qualname = 'pure'
            """)
        XCTAssertEqual(nestedEdges, 2, "calls made inside a list comprehension belong to the enclosing function")
    }
}
