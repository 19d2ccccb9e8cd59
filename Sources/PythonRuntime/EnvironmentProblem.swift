/// Something missing on the machine (no interpreter, no venv module, no TensorFlow): the command
/// cannot run, and the message says how to fix it in one line. The CLI exits with status 3.
public struct EnvironmentProblem: Error, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
