"""The one kind of error a clerk sees: what file, which line, what is wrong, what to do."""


class InputError(Exception):
    """Bad input (a file, a passphrase, a policy). Shown once as `error: <where>: <message>`."""

    def __init__(self, where: str, message: str, line: int | None = None) -> None:
        self.where = where
        self.line = line
        self.message = message
        super().__init__(self.render())

    def render(self) -> str:
        place = f"{self.where}:{self.line}" if self.line is not None else self.where
        return f"{place}: {self.message}"
