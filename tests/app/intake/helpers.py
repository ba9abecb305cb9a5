"""Shared makers for intake tests: secrets sources that record what they were asked."""

from app.intake.secrets import PassphraseAnswer, PassphraseRequest, PromptSecrets


class ScriptedPrompt:
    """A stand-in for the passphrase dialog: answers in order, records every request."""

    def __init__(self, *answers: str | None, remember: bool = False) -> None:
        self.answers = list(answers)
        self.remember = remember
        self.requests: list[PassphraseRequest] = []

    def __call__(self, request: PassphraseRequest) -> PassphraseAnswer | None:
        self.requests.append(request)
        if not self.answers:
            return None  # the user pressed Cancel
        answer = self.answers.pop(0)
        return None if answer is None else PassphraseAnswer(answer, remember=self.remember)


def prompt_secrets(*answers: str | None, remember: bool = False, key_file=None):  # type: ignore[no-untyped-def]
    prompt = ScriptedPrompt(*answers, remember=remember)
    return PromptSecrets(prompt, key_file=key_file), prompt
