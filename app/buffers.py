"""A large bytes result written piece by piece, without a second copy at the end."""

import io


def sized_buffer(size: int) -> io.BytesIO:
    """An empty BytesIO with room for `size` bytes made at once. Grown write by write, a
    buffer of hundreds of MB was moved again and again, which cost seconds of system time
    once the process was large (benchmarks/README.md). After the writes (and `truncate()`
    when fewer than `size`), `getvalue()` hands back the buffer itself, not a copy."""
    out = io.BytesIO()
    if size > 0:
        out.seek(size - 1)
        out.write(b"\0")
        out.seek(0)
    return out
