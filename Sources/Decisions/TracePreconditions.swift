import Analysis

/// A blocker that only traces can decide (SPEC §3, codes 30 and 31): static analysis cannot see
/// when Keras creates variables or which objects a parameter receives. Its examples are functions
/// of the traced fixture project `Tests/EndToEndTests/Fixtures/audit_project`, named
/// `file::qualname`; an end-to-end test traces that project, hybridizes each example with real
/// TensorFlow, and checks both the verdict and what TensorFlow does.
public struct TraceRule: Sendable {
    public var code: Int
    public var name: String
    public var fact: FactName
    public var explanation: String
    public var triggering: [String]
    public var nonTriggering: [String]

    var failureRule: FailureRule {
        let fact = fact
        let explanation = explanation
        return FailureRule(
            code: code, name: name, isClassic: false,
            condition: { $0[fact] == .yes },
            explanation: { explanation + ": " + ($0.facts[fact]?.reasons.joined(separator: "; ") ?? "") },
            triggering: [], nonTriggering: [])
    }
}

public enum TracePreconditions {
    public static let rules: [TraceRule] = [
        // TF 2.21 polymorphic_function.py: a trace after the first that creates a tf.Variable
        // raises "tf.function only supports singleton tf.Variables created on the first call";
        // Function.__get__ makes one Function per instance, so the first call of each object
        // may create its variables (an optimizer's slots on its first apply_gradients).
        TraceRule(
            code: 30, name: "CREATES_VARIABLES", fact: .createsVariables,
            explanation: "a graph can create variables only on its first trace",
            triggering: ["lab/models.py::fresh_step", "lab/models.py::train_step", "lab/models.py::Classifier.call"],
            nonTriggering: ["lab/models.py::Trainer.fit_batch", "lab/models.py::Scale.call", "lab/shapes.py::normalize_batch"]),
        // Non-tensor, non-primitive arguments are traced by identity (TF 2.21 trace_type: a
        // weak reference per object), so every new model or optimizer is a new trace.
        TraceRule(
            code: 31, name: "HAS_VARYING_OBJECT_PARAMETERS", fact: .varyingObjectParameters,
            explanation: "each new object argument retraces the graph",
            triggering: ["lab/models.py::train_step"],
            nonTriggering: ["lab/models.py::Trainer.fit_batch", "lab/steps.py::dense_train_step"]),
    ]
}
