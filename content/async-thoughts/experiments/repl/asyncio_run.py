# A sync entry point calling asyncio.run, as a script or a library does: the marker only if the coroutine ran.
import asyncio


async def op():
    await asyncio.sleep(0.01)
    return "PROBE" + "-OK"


print(asyncio.run(op()))
