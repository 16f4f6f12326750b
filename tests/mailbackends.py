"""Django's in-memory mail backend, made to die like a worker killed mid-run: after taking one mail."""

from django.core.mail.backends.locmem import EmailBackend


class DiesAfterOneMail(EmailBackend):
    """Hands over the first message, then the process "dies" (SystemExit) before anything is recorded."""

    def send_messages(self, messages):
        super().send_messages(messages[:1])
        raise SystemExit("the worker was killed")
