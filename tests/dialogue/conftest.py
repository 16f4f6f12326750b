import pytest


@pytest.fixture
def without_submissions():
    """The dialogue as a town sees it before it keeps council submissions: no app says it has any."""
    from ankommen.council.registration import has_submissions
    from ankommen.dialogue import answers

    answers.unregister_submissions(has_submissions)
    yield
    answers.register_submissions(has_submissions)
