/// Trajectory ids: `t-` and six random letters and digits (no look-alikes such as 0/o, 1/l), so
/// an id says nothing about the person and is easy to type. The dash-less alphabet cannot clash
/// with a configuration id unless someone picks exactly such a name.
package enum TrajectoryID {
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    static func random<G: RandomNumberGenerator>(using generator: inout G) -> String {
        "t-" + String((0..<6).map { _ in alphabet.randomElement(using: &generator)! })
    }

    package static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }
}
