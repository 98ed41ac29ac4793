"""Four ways to sort a list, over a grid of three parameters: how many items, in which order they arrive and
what kind of key they have. Each sample sorts a fresh copy and reports its time and how many comparisons it made
(every variant compares through the same counting key, so the counting costs all of them alike).
"""

import heapq
import random

from evident_bench import Bench

bench = Bench()


class Key:
    """A key that counts its comparisons."""

    comparisons = 0
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        Key.comparisons += 1
        return self.value < other.value


def items(size, order, key):
    values = list(range(size))
    if order == "random":
        random.Random(size).shuffle(values)
    elif order == "reversed":
        values.reverse()
    return [Key(value if key == "int" else f"item-{value:06d}") for value in values]


def insertion(values):
    result = []
    for value in values:
        index = len(result)
        while index > 0 and value < result[index - 1]:
            index -= 1
        result.insert(index, value)
    return result


def merge(values):
    if len(values) <= 1:
        return values
    middle = len(values) // 2
    left, right = merge(values[:middle]), merge(values[middle:])
    result, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if right[j] < left[i]:
            result.append(right[j])
            j += 1
        else:
            result.append(left[i])
            i += 1
    return result + left[i:] + right[j:]


def heap(values):
    heap = list(values)
    heapq.heapify(heap)
    return [heapq.heappop(heap) for _ in range(len(heap))]


def variant(name, sort):
    def run(size, order, key):
        values = items(size, order, key)
        Key.comparisons = 0
        sort(values)
        return {"comparisons_count": Key.comparisons}

    bench.variant(name)(run)


variant("builtin", sorted)
variant("heap", heap)
variant("merge", merge)
variant("insertion", insertion)

if __name__ == "__main__":
    bench.main()
