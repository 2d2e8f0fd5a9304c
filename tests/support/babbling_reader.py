"""A reader that says it is ready, then answers each file with a frame that is no answer:
bytes that are not JSON, or (for the file ``long``) a length of 2 GiB it never sends."""

from __future__ import annotations

from service.isolation import FRAME_HEADER, read_frame, write_frame

if __name__ == "__main__":
    write_frame(1, b'{"ready": true}')
    while read_frame(0) is not None:
        data = read_frame(0)
        write_frame(1, b"")  # taken
        if data == b"long":
            print(FRAME_HEADER.pack(2**31), end="", flush=True)
            continue
        write_frame(1, b"\xff not an answer")
