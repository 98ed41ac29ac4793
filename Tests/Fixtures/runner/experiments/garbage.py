# An experiment that prints a log line among its samples.
print('{"metric": "wall_ns", "value": 1}')
print("")
print("warming up...")
