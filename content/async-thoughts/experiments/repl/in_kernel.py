"""Runs a file as one cell of a notebook: in a real Jupyter kernel (ipykernel), started and driven through
jupyter_client as a notebook front end does. Prints what the cell printed and, when it raised, the error as
`Name: message`, then stops the kernel.

usage: python in_kernel.py FILE
"""

import sys

from jupyter_client.manager import start_new_kernel


def main(path):
    code = open(path).read()
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        message_id = client.execute(code)
        while True:
            message = client.get_iopub_msg(timeout=15)
            if message["parent_header"].get("msg_id") != message_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                print(content["text"], end="", file=sys.stdout if content["name"] == "stdout" else sys.stderr)
            elif kind == "error":
                print(f"{content['ename']}: {content['evalue']}", file=sys.stderr)
            elif kind == "status" and content["execution_state"] == "idle":
                break
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


if __name__ == "__main__":
    main(sys.argv[1])
