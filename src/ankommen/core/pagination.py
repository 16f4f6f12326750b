"""A page of a long list that is not counted: its number, its rows and whether another page follows."""


class UncountedPage:
    """For `core/partials/pagination.html` like Django's `Page`, but without a `paginator` ("Seite N", no "von M").

    Counting a long list (an audit log of 100,000 lines, every text of a town) costs more than the
    page itself; whether a next page exists is known from one row more than the page shows.
    """

    paginator = None

    def __init__(self, number, per_page):
        digits = str(number or "")
        self.number = min(int(digits), 100_000) if digits.isdigit() and int(digits) > 0 else 1
        self.per_page = per_page
        self.has_next = False
        self.object_list = []

    @property
    def offset(self):
        return (self.number - 1) * self.per_page

    def fill(self, rows):
        """Take the rows from `offset`, up to one more than a page; return the page's rows."""
        rows = list(rows)
        self.has_next = len(rows) > self.per_page
        self.object_list = rows[: self.per_page]
        return self.object_list

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_other_pages(self):
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1
