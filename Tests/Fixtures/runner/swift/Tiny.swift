// A tiny Swift experiment: its value is its sample index times three.
benchMain(["triple": { index in Double(index * 3) }])
