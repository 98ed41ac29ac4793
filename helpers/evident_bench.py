"""The experiment side of evident's runner protocol, so that an experiment is only its variants.

    from evident_bench import Bench
    bench = Bench()

    @bench.fixture                     # optional, once per process, around all samples
    def server():
        srv = start_server()
        yield {"port": srv.port}       # extra keyword arguments for the variants (or None)
        srv.stop()                     # teardown runs even when a variant fails

    @bench.variant("sync")
    def sync(n, latency_ms, port): ...

    @bench.variant("gather")
    async def gather(n, latency_ms, port): ...

    @bench.variant("call", number="auto")   # too fast to time one call: time many, report per call
    def call(depth): ...

    if __name__ == "__main__":
        bench.main()

The runner calls `experiment.py --variant NAME [--param KEY=VALUE]... --samples N --warmup W` and reads one
JSON line per sample and metric from stdout: {"metric": "wall_ns", "value": 2143210}.

- Parameter values become int, else float, else stay str. Each function (variant or fixture) receives only
  the parameters its signature names (all of them if it takes **kwargs), so one directive's axes can be
  shared by variants that ignore some of them. A parameter that no variant and no fixture accepts is an error
  (a typo in the directive should not pass silently). A function may also ask for `variant`, the name.
- `async def` variants (and async generator fixtures) run in ONE event loop per process; the loop starts
  before the first sample, so its start-up is never timed; each call is timed inside the loop. Sync variants
  run without a loop (so they may call asyncio.run themselves) and skip async fixtures.
- Fixtures are entered in the order they were declared and left in reverse, after the last sample.
- Each sample is timed with time.perf_counter_ns() and printed as `wall_ns`; warm-ups are not printed.
- A variant may return a dict of extra metrics, one line each per sample. A `wall_ns` key in it replaces
  the measured time (for a variant that times a part of its work itself).
- `number=K` times K calls per sample and reports ns per call (float); `number="auto"` doubles K until one
  sample takes at least 1 ms. Extra metrics then come from the last call of the sample.
- A `number=1` variant (the default) too fast to time call by call is calibrated as `number="auto"` is, so that
  the timer and the loop do not make up most of what is reported (a no-op timed alone reads 50-450 ns): the
  helper times an empty call (the overhead, median of 200) and the variant's first call. A first call of 100x the
  overhead or more is slow enough, and counts as the first warm-up (or sample) as before. A faster one is timed
  five more times; when their median is under 10x the overhead, and the variant does not report its own
  `wall_ns`, it runs as `number="auto"` and its lines carry `number` and `overhead_ns`.
- `black_hole(value)` keeps a result alive: CPython removes no work, but a variant written for another language's
  habits (or a JIT such as PyPy's) may compute something nobody reads; passing it here says it is meant.
- Unknown variant, bad or missing parameters, bad arguments: a message on stderr and exit status 2. `--list`
  prints the variant names.

Paired samples: given `--variant` more than once (`--variant a --variant b --samples N --warmup W
[--seed S]`), one process runs every named variant, alternating sample by sample: each *pair* j runs each
variant once, in a balanced order (a seeded shuffle for even j, its reverse for odd j, so that no variant always
goes first), W warm-up pairs first. Every line then carries `"variant"` and `"pair"` (j, from 0 after the
warm-ups), so that the runner compares a and b within each pair: a slow spell of the machine hits both. Fixtures
are entered once for all of them (a fixture that asks for `variant` cannot be shared: exit status 2, so that the
directive says `isolate: true`). Each variant is calibrated (`number`) on its own before the first pair. What
one variant leaves behind (a warm cache, garbage to collect, a grown heap) reaches the next one in the process:
the balanced order spreads it over all variants alike, it does not remove it.
"""

import argparse
import asyncio
import contextlib
import functools
import inspect
import itertools
import json
import random
import sys
import time

AUTO_TARGET_NS = 1_000_000
OVERHEAD_FACTOR = 10  # a call under this many timer-and-loop overheads is timed in a calibrated loop
SLOW_FACTOR = 100  # a first call of this many overheads is slow enough without probing further
OVERHEAD_TRIALS = 200
PROBE_CALLS = 5


def convert(text):
    """'10' -> 10, '0.5' -> 0.5, anything else stays a string."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def accepted(fn, params):
    """The subset of params that fn's signature can take as keyword arguments."""
    sig = inspect.signature(fn).parameters.values()
    if any(p.kind is p.VAR_KEYWORD for p in sig):
        return dict(params)
    names = {p.name for p in sig if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}
    return {k: v for k, v in params.items() if k in names}


def arguments(fn, params):
    """accepted(), and a usage error when fn needs a parameter that is not there."""
    kw = accepted(fn, params)
    missing = [p.name for p in inspect.signature(fn).parameters.values()
               if p.default is p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name not in kw]
    if missing:
        raise UsageError(f"{fn.__name__} needs " + " ".join(f"--param {name}=..." for name in missing))
    return kw


_sink = None


def black_hole(value):
    """Keeps `value` alive, so that no optimizer may drop the work that computed it (Criterion's black_box)."""
    global _sink
    _sink = value


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would exit by itself; we want one place that reports
        raise UsageError(message)


class Bench:
    def __init__(self):
        self.variants = {}  # name -> (function, number)
        self.fixtures = []

    def variant(self, name, number=1):
        if not (number == "auto" or (isinstance(number, int) and number >= 1)):
            raise ValueError(f"variant {name!r}: number must be a positive int or 'auto'")

        def register(fn):
            self.variants[name] = (fn, number)
            return fn

        return register

    def fixture(self, fn):
        if not (inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)):
            raise TypeError(f"fixture {fn.__name__} must be a generator (yield once)")
        self.fixtures.append(fn)
        return fn

    # -- command line -------------------------------------------------------------------------------------

    def parse(self, argv):
        parser = _Parser(prog=sys.argv[0], add_help=False)
        parser.add_argument("--variant", action="append", default=[])
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
        parser.add_argument("--samples", type=int, default=10)
        parser.add_argument("--warmup", type=int, default=1)
        parser.add_argument("--list", action="store_true")
        args, extra = parser.parse_known_args(argv)
        if extra:
            raise UsageError(f"unexpected arguments: {' '.join(extra)}")
        if args.list:
            return args
        if not args.variant:
            raise UsageError("--variant NAME is required")
        for name in args.variant:
            if name not in self.variants:
                known = ", ".join(self.variants)
                raise UsageError(f"unknown variant {name!r}; this experiment has: {known}")
        if len(set(args.variant)) != len(args.variant):
            raise UsageError("a variant is named twice")
        if len(args.variant) > 1:
            for fixture in self.fixtures:
                if "variant" in accepted(fixture, {"variant": None}):
                    raise UsageError(
                        f"fixture {fixture.__name__} takes `variant`, so the variants cannot share a process: "
                        "add `isolate: true` to the directive")
        if args.samples < 1 or args.warmup < 0:
            raise UsageError("--samples must be >= 1 and --warmup >= 0")
        args.params = {}
        for item in args.param:
            key, sep, value = item.partition("=")
            if not sep or not key:
                raise UsageError(f"--param {item!r} is not KEY=VALUE")
            args.params[key] = convert(value)
        takers = [fn for fn, _ in self.variants.values()] + self.fixtures
        for key in args.params:
            if not any(key in accepted(fn, {key: None}) for fn in takers):
                raise UsageError(f"parameter {key!r} is not used by any variant or fixture")
        return args

    def main(self, argv=None, out=None):
        out = out or sys.stdout
        try:
            args = self.parse(sys.argv[1:] if argv is None else argv)
        except UsageError as error:
            print(f"error: {error}", file=sys.stderr)
            sys.exit(2)
        if args.list:
            print("\n".join(self.variants), file=out)
            return
        try:
            if len(args.variant) > 1:
                self._run_paired(args, out)
                return
            args.variant = args.variant[0]
            fn, number = self.variants[args.variant]
            if inspect.iscoroutinefunction(fn):
                asyncio.run(self._run_async(fn, number, args, out))
            else:
                self._run_sync(fn, number, args, out)
        except UsageError as error:  # a missing parameter, found once fixtures have added theirs
            print(f"error: {error}", file=sys.stderr)
            sys.exit(2)

    # -- sampling -----------------------------------------------------------------------------------------

    def _run_sync(self, fn, number, args, out):
        with contextlib.ExitStack() as stack:
            params = dict(args.params, variant=args.variant)
            for fixture in self.fixtures:
                if not inspect.isasyncgenfunction(fixture):  # async fixtures serve async variants only
                    params.update(stack.enter_context(_fixture(fixture, params)) or {})
            call = _bind(fn, params)
            sample = _sampler(call)
            k, overhead, first = number, None, None
            if number == 1:
                k, overhead, first = _honest_number(sample, _sampler(_nothing))
            elif number == "auto":
                k = _calibrate(sample)
            for i in range(args.warmup + args.samples):
                elapsed, result = first if i == 0 and first else sample(k)
                if i >= args.warmup:
                    _emit(out, elapsed, k, result, overhead)

    async def _run_async(self, fn, number, args, out):
        async with contextlib.AsyncExitStack() as stack:
            params = dict(args.params, variant=args.variant)
            for fixture in self.fixtures:
                if inspect.isasyncgenfunction(fixture):
                    got = await stack.enter_async_context(_async_fixture(fixture, params))
                else:
                    got = stack.enter_context(_fixture(fixture, params))
                params.update(got or {})
            call = _bind(fn, params)
            sample = _async_sampler(call)
            k, overhead, first = number, None, None
            if number == 1:
                k, overhead, first = await _honest_number_async(sample, _async_sampler(_nothing_async))
            elif number == "auto":
                k = await _calibrate_async(sample)
            for i in range(args.warmup + args.samples):
                elapsed, result = first if i == 0 and first else await sample(k)
                if i >= args.warmup:
                    _emit(out, elapsed, k, result, overhead)


    def _run_paired(self, args, out):
        """Every variant of args.variant in one process, alternating sample by sample (see the module doc)."""
        loop = asyncio.new_event_loop() if self._needs_loop(args.variant) else None
        try:
            with contextlib.ExitStack() as stack:
                params = dict(args.params)
                sync_params = dict(params)
                for fixture in self.fixtures:
                    if not inspect.isasyncgenfunction(fixture):
                        got = stack.enter_context(_fixture(fixture, params)) or {}
                        params.update(got)
                        sync_params.update(got)
                    elif loop is not None:  # async fixtures serve async variants only
                        params.update(stack.enter_context(_fixture_in_loop(fixture, params, loop)) or {})
                samplers = {name: self._paired_sampler(name, params, sync_params, loop) for name in args.variant}
                order = list(args.variant)
                shuffler = random.Random(args.seed)
                # Warm-ups are the pairs before 0, so that the printed pairs 0 and 1, 2 and 3... mirror each other.
                for pair in range(-args.warmup, args.samples):
                    if pair % 2 == 0:
                        shuffler.shuffle(order)
                    for name in order if pair % 2 == 0 else reversed(order):
                        elapsed, result, k, overhead = samplers[name]()
                        if pair >= 0:
                            _emit(out, elapsed, k, result, overhead, variant=name, pair=pair)
        finally:
            if loop is not None:
                loop.close()

    def _needs_loop(self, names):
        return any(inspect.iscoroutinefunction(self.variants[name][0]) for name in names)

    def _paired_sampler(self, name, params, sync_params, loop):
        """A no-argument callable giving (elapsed, result, k, overhead) for one sample of the variant `name`,
        calibrated as a process of its own would be."""
        fn, number = self.variants[name]
        if inspect.iscoroutinefunction(fn):
            timed = _async_sampler(_bind(fn, dict(params, variant=name)))
            sample = lambda k: loop.run_until_complete(timed(k))  # noqa: E731
            empty_timed = _async_sampler(_nothing_async)
            empty = lambda k: loop.run_until_complete(empty_timed(k))  # noqa: E731
        else:
            sample = _sampler(_bind(fn, dict(sync_params, variant=name)))
            empty = _sampler(_nothing)
        k, overhead, first = number, None, None
        if number == 1:
            k, overhead, first = _honest_number(sample, empty)
        elif number == "auto":
            k = _calibrate(sample)
        pending = [first] if first else []

        def next_sample():
            elapsed, result = pending.pop() if pending else sample(k)
            return elapsed, result, k, overhead

        return next_sample


# Unlike contextlib.contextmanager, the code after `yield` runs even when a sample raised, so a fixture
# needs no try/finally to stop its server.
@contextlib.contextmanager
def _fixture(fn, params):
    gen = fn(**arguments(fn, params))
    try:
        yield next(gen)
    finally:
        next(gen, None)


@contextlib.asynccontextmanager
async def _async_fixture(fn, params):
    gen = fn(**arguments(fn, params))
    try:
        yield await anext(gen)
    finally:
        await anext(gen, None)


# An async fixture of paired samples, driven through `loop` from sync code so that it takes its place among the
# sync fixtures in one ExitStack: left in reverse order, and left when a fixture after it fails to start.
@contextlib.contextmanager
def _fixture_in_loop(fn, params, loop):
    gen = fn(**arguments(fn, params))
    try:
        yield loop.run_until_complete(anext(gen))
    finally:
        loop.run_until_complete(anext(gen, None))


def _bind(fn, params):
    """A no-argument callable. Arguments go positionally where the signature allows: a partial with only
    positional arguments is much cheaper to call, which matters for number > 1 on ~100 ns variants."""
    kw = arguments(fn, params)
    if not kw:
        return fn
    args = []
    for p in inspect.signature(fn).parameters.values():
        if p.kind is not p.POSITIONAL_OR_KEYWORD or p.name not in kw:
            break
        args.append(kw.pop(p.name))
    return functools.partial(fn, *args, **kw)


def _sampler(call):
    """sample(k): the ns that k calls of call took, and the last call's result."""

    def sample(k):
        start = time.perf_counter_ns()
        for _ in itertools.repeat(None, k - 1):
            call()
        result = call()
        return time.perf_counter_ns() - start, result

    return sample


def _async_sampler(call):
    async def sample(k):
        start = time.perf_counter_ns()
        for _ in itertools.repeat(None, k - 1):
            await call()
        result = await call()
        return time.perf_counter_ns() - start, result

    return sample


def _nothing():
    return None


async def _nothing_async():
    return None


def _too_fast(probes, overhead):
    """Whether probe samples of one call each (elapsed, result) are under OVERHEAD_FACTOR overheads, for a
    variant that does not time itself."""
    if any(isinstance(result, dict) and "wall_ns" in result for _, result in probes):
        return False
    return sorted(elapsed for elapsed, _ in probes)[len(probes) // 2] < OVERHEAD_FACTOR * overhead


def _median_overhead(times):
    return sorted(times)[len(times) // 2]


def _honest_number(sample, empty):
    """(k, overhead_ns or None, the first call's sample to reuse or None) for a number=1 variant."""
    overhead = _median_overhead([empty(1)[0] for _ in range(OVERHEAD_TRIALS)])
    first = sample(1)
    if first[0] >= SLOW_FACTOR * overhead or not _too_fast([sample(1) for _ in range(PROBE_CALLS)], overhead):
        return 1, None, first
    return _calibrate(sample), overhead, None


async def _honest_number_async(sample, empty):
    overhead = _median_overhead([(await empty(1))[0] for _ in range(OVERHEAD_TRIALS)])
    first = await sample(1)
    if first[0] >= SLOW_FACTOR * overhead or not _too_fast([await sample(1) for _ in range(PROBE_CALLS)], overhead):
        return 1, None, first
    return await _calibrate_async(sample), overhead, None


def _calibrate(sample):
    k = 1
    while sample(k)[0] < AUTO_TARGET_NS and k < 1 << 30:
        k *= 2
    return k


async def _calibrate_async(sample):
    k = 1
    while (await sample(k))[0] < AUTO_TARGET_NS and k < 1 << 30:
        k *= 2
    return k


def _emit(out, elapsed, k, result, overhead=None, variant=None, pair=None):
    metrics = dict(result) if isinstance(result, dict) else {}
    wall = metrics.pop("wall_ns", elapsed)
    lines = [{"metric": "wall_ns", "value": wall if k == 1 else wall / k}]
    if k > 1:
        lines[0]["number"] = k
    if overhead is not None:
        lines[0]["overhead_ns"] = overhead
    lines += [{"metric": name, "value": value} for name, value in metrics.items()]
    if variant is not None:
        for line in lines:
            line["variant"] = variant
            line["pair"] = pair
    for line in lines:
        out.write(json.dumps(line) + "\n")
    out.flush()
