// A Swift experiment that does not compile.
let value: Int = "three"
benchMain(["x": { _ in Double(value) }])
