"""Who may read a version of the terms before it is published."""

from ankommen.core.rules import may_administer


def may_view_terms_version(member, version):
    """A published version is for everyone; a draft for the town's admins, who see how it will read."""
    return version.is_published or may_administer(member, version)


RULES = {"view_terms_version": may_view_terms_version}
