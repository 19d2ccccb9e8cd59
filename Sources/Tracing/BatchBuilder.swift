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
                      params: stats.paramsWritten ? nil : observations(key)))
            for test in stats.testsChanged {
                batch.signatureTests.append(
                    .init(signatureID: stats.id, testID: tracer.tests[test].id, calls: stats.tests[test] ?? 0))
            }
            stats.testsChanged.removeAll(keepingCapacity: true)
            stats.lastTest = nil
            stats.paramsWritten = true
            stats.dirty = false
        }
        for function in tracer.functions {
            for (position, param) in function.params.enumerated() {
                for (kind, tracker) in function.identities[position] where tracker.dirty {
                    batch.identities.append(
                        .init(functionID: function.id, param: param, kind: tracer.strings[kind] ?? "?",
                              distinctObjects: tracker.distinct,
                              saturated: tracker.saturated, calls: tracker.calls))
                    tracker.dirty = false
                }
                if let values = function.literals[position], values.dirty {
                    batch.values.append(
                        .init(functionID: function.id, param: param, distinctValues: values.distinct,
                              saturated: values.saturated))
                    values.dirty = false
                }
            }
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
                      count: stats.count, repeatCount: stats.repeatCount, graphCount: stats.graphCount,
                      firstTestID: stats.firstTest.map { tracer.tests[$0].id }))
            stats.dirty = false
        }
        batch.hybridCalls = tracer.hybridCallRows()
        // Only edges that changed are visited for their rows; a line is resolved once per edge.
        var touched: Set<EdgeLineKey> = []
        for (key, stats) in tracer.edges where stats.dirty {
            let line = stats.line ?? tracer.functions[Int(key.caller)].line(atInstruction: key.instruction)
            stats.line = line
            let lineKey = EdgeLineKey(caller: key.caller, callee: key.callee, line: line)
            tracer.edgeCallsByLine[lineKey, default: 0] += stats.calls - stats.callsInLineTotal
            stats.callsInLineTotal = stats.calls
            stats.dirty = false
            touched.insert(lineKey)
        }
        for key in touched {
            batch.edges.append(
                .init(callerID: Int(key.caller) + 1, calleeID: Int(key.callee) + 1, line: key.line,
                      calls: tracer.edgeCallsByLine[key] ?? 0))
        }
        return batch
    }
}

extension BatchBuilder {
    /// After a failed write: the next batch carries every row again.
    func markEverythingUnwritten() {
        for function in tracer.functions {
            function.flushed = false
            for trackers in function.identities {
                for tracker in trackers.values { tracker.dirty = true }
            }
            for values in function.literals { values?.dirty = true }
        }
        for test in tracer.tests { test.dirty = true }
        for stats in tracer.signatures.values {
            stats.dirty = true
            stats.paramsWritten = false
            stats.testsChanged = Array(stats.tests.keys)
            stats.lastTest = nil
        }
        for stats in tracer.effects.values { stats.dirty = true }
        for stats in tracer.edges.values { stats.dirty = true }
        for stats in tracer.hybridCalls.stats.values { stats.dirty = true }
    }

    /// The stored form of a signature's parameters: ids back to text.
    private func observations(_ key: SignatureKey) -> [ParamObservation] {
        let params = tracer.functions[Int(key.function)].params
        let strings = tracer.strings
        return key.params.enumerated().map { position, fingerprint in
            ParamObservation(
                param: position < params.count ? params[position] : "?", kind: strings[fingerprint.kind] ?? "?",
                dtype: strings[fingerprint.dtype], shape: strings[fingerprint.shape],
                elements: strings[fingerprint.elements], value: strings[fingerprint.value])
        }
    }
}
