import TraceStore

/// Collects the aggregates that changed since the last flush into one `TraceBatch`, and marks them
/// clean. Lines are resolved here, not per call: an instruction index is free to record.
struct BatchBuilder {
    let tracer: Tracer

    func build() -> TraceBatch {
        var batch = TraceBatch()
        for function in tracer.functions where !function.flushed {
            batch.functions.append(
                .init(id: function.id, file: function.file, qualname: function.qualname, line: function.line,
                      params: function.params))
            function.flushed = true
        }
        for test in tracer.tests where test.dirty {
            batch.tests.append(.init(id: test.id, nodeID: test.nodeID, outcome: test.outcome, duration: test.duration))
            test.dirty = false
        }
        for (key, stats) in tracer.signatures where stats.dirty {
            batch.signatures.append(
                .init(id: stats.id, functionID: Int(key.function) + 1, graph: key.graph, calls: stats.calls,
                      totalNanoseconds: Int(clamping: stats.totalNanoseconds),
                      maxNanoseconds: Int(clamping: stats.maxNanoseconds),
                      params: stats.paramsWritten ? nil : key.params))
            for (test, calls) in stats.tests {
                batch.signatureTests.append(.init(signatureID: stats.id, testID: tracer.tests[test].id, calls: calls))
            }
            stats.paramsWritten = true
            stats.dirty = false
        }
        for entry in tracer.identities.values where entry.tracker.dirty {
            batch.identities.append(
                .init(functionID: entry.function + 1, param: entry.param, kind: entry.kind,
                      distinctObjects: entry.tracker.distinct, saturated: entry.tracker.saturated,
                      calls: entry.tracker.calls))
            entry.tracker.dirty = false
        }
        for key in tracer.literals.keys where tracer.literals[key]?.values.dirty == true {
            guard let entry = tracer.literals[key] else { continue }
            batch.values.append(
                .init(functionID: entry.function + 1, param: entry.param, distinctValues: entry.values.values.count,
                      saturated: entry.values.saturated))
            tracer.literals[key]?.values.dirty = false
        }
        for (key, stats) in tracer.effects where stats.dirty {
            let function = tracer.functions[Int(key.function)]
            let line: Int
            switch key.effect.location {
            case .instruction(let instruction): line = function.line(atInstruction: instruction)
            case .line(let known): line = Int(known)
            }
            batch.effects.append(
                .init(id: stats.id, functionID: function.id, kind: key.effect.kind.rawValue, target: key.effect.target,
                      line: line, viaFunctionID: key.effect.via >= 0 ? Int(key.effect.via) + 1 : nil,
                      count: stats.count, firstTestID: stats.firstTest.map { tracer.tests[$0].id }))
            stats.dirty = false
        }
        if tracer.edges.values.contains(where: { $0.dirty }) {
            // Several call instructions can share a line: the stored row is their sum.
            var byLine: [EdgeLineKey: Int] = [:]
            var touched: Set<EdgeLineKey> = []
            for (key, stats) in tracer.edges {
                let line = tracer.functions[Int(key.caller)].line(atInstruction: key.instruction)
                let lineKey = EdgeLineKey(caller: key.caller, callee: key.callee, line: line)
                byLine[lineKey, default: 0] += stats.calls
                if stats.dirty { touched.insert(lineKey) }
                stats.dirty = false
            }
            for key in touched {
                batch.edges.append(
                    .init(callerID: Int(key.caller) + 1, calleeID: Int(key.callee) + 1, line: key.line,
                          calls: byLine[key] ?? 0))
            }
        }
        return batch
    }
}

private struct EdgeLineKey: Hashable {
    let caller: Int32
    let callee: Int32
    let line: Int
}
