import sys

from evident_bench import Bench

bench = Bench()
print("<script>alert(1)</script> \" ' & </textarea> on stderr", file=sys.stderr)


@bench.variant("a")
def a(s):
    return {"note": 1}


@bench.variant("b")
def b(s):
    sum(range(1000))


if __name__ == "__main__":
    bench.main()
