print('{"metric": "wall_ns", "value": 1}')
print("warming up... <done> & ready")
