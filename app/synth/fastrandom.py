"""A seeded random source with cheaper integer draws for the generator's hot loops.

random.Random draws integers by rejection sampling on getrandbits, several Python calls per
draw. Scaling one random() is a single call; its bias (under 1e-15 for these small ranges)
does not matter for invented data, and it is just as deterministic by seed.
"""

import random
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from _typeshed import SupportsLenAndGetItem

T = TypeVar("T")


class FastRandom(random.Random):
    def choice(self, seq: "SupportsLenAndGetItem[T]") -> T:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        if step != 1 or stop <= start:
            raise ValueError("FastRandom.randrange takes 0 < stop or start < stop, step 1")
        return start + int(self.random() * (stop - start))
