# Top-level await. The marker is built at run time so that an error message quoting this source
# cannot contain it.
import asyncio
done = await asyncio.sleep(0.01, result="PROBE" + "-OK")
print(done)
