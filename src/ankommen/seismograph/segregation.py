"""The standard measures of residential segregation for one group, computed from counts per district.

A district ("areal unit") is a pair `(group, total)`: how many of its residents belong to the group
(for example residents without German citizenship) and how many live there at all. The rest of the
residents, `total - group`, are the complement. For the whole town X = Σ group, T = Σ total,
Y = T - X and P = X / T; for district i: xᵢ, tᵢ, yᵢ = tᵢ - xᵢ and pᵢ = xᵢ / tᵢ.

The definitions are those of the `segregation` package of PySAL (Dissim, Isolation, Interaction,
Entropy, Gini, MultiLocationQuotient), and the tests hold the two to 1e-9. Districts without residents
count for nothing. A measure that is 0/0 — nobody in the town, nobody in the group, or (for those
that compare the group with its complement) nobody outside it — is None, never a number.

Plain Python on purpose (no numpy at run time): the sums run through `map` and `itertools`, counts that
are whole numbers stay Python integers so dissimilarity and Gini are exact until their one division,
and the Gini is a sorted prefix sum in O(n log n) instead of the package's pairwise O(n²) sum.
"""

from bisect import bisect_right
from itertools import accumulate, compress, repeat
from math import log
from operator import index, itemgetter, mul, sub, truediv

from django.utils.translation import gettext_lazy as _

MEASURES = ("dissimilarity", "isolation", "exposure", "entropy", "gini")

FORMULAS = {
    "dissimilarity": "D = Σ tᵢ · |pᵢ − P| / (2 · T · P · (1 − P))",
    "isolation": "xPx = Σ (xᵢ / X) · (xᵢ / tᵢ)",
    "exposure": "xPy = Σ (xᵢ / X) · (yᵢ / tᵢ) = 1 − xPx",
    "entropy": "H = Σ tᵢ · (E − Eᵢ) / (E · T),  E = P · ln(1/P) + (1 − P) · ln(1/(1 − P))",
    "gini": "G = Σᵢ Σⱼ tᵢ · tⱼ · |pᵢ − pⱼ| / (2 · T² · P · (1 − P))",
    "location_quotient": "LQᵢ = (xᵢ / tᵢ) / (X / T),  LQᵢ′ = (yᵢ / tᵢ) / (Y / T)",
}

EXPLANATIONS = {
    "dissimilarity": _(
        "Der Dissimilaritätsindex sagt, welcher Anteil der Gruppe in einen anderen Stadtteil ziehen müsste, "
        "damit sie überall so stark vertreten ist wie in der ganzen Stadt. 0 heißt: gleichmäßig verteilt; "
        "1 heißt: die Gruppe und die übrigen Einwohner wohnen in völlig getrennten Stadtteilen."
    ),
    "isolation": _(
        "Der Isolationsindex sagt, wie groß im Durchschnitt der Anteil der eigenen Gruppe in dem Stadtteil "
        "ist, in dem ein Mitglied der Gruppe wohnt. 1 heißt: die Gruppe lebt nur unter sich; nahe 0 heißt: "
        "kaum Nachbarn aus der eigenen Gruppe. Sind alle Stadtteile gleich gemischt, ist er so groß wie der "
        "Anteil der Gruppe an der ganzen Stadt."
    ),
    "exposure": _(
        "Der Kontaktindex sagt, wie groß der Anteil der übrigen Einwohner im Stadtteil eines "
        "Gruppenmitglieds im Durchschnitt ist. 0 heißt: die Gruppe trifft im eigenen Stadtteil niemanden "
        "sonst; Isolations- und Kontaktindex ergeben zusammen immer 1."
    ),
    "entropy": _(
        "Der Entropie-Index (Theils H) vergleicht die Mischung in den Stadtteilen mit der Mischung der "
        "ganzen Stadt. 0 heißt: jeder Stadtteil ist so gemischt wie die Stadt; 1 heißt: in jedem "
        "Stadtteil wohnt nur die Gruppe oder nur die übrigen Einwohner."
    ),
    "gini": _(
        "Der Gini-Index vergleicht den Anteil der Gruppe in allen Paaren von Stadtteilen, gewichtet mit "
        "ihrer Einwohnerzahl. 0 heißt: alle Stadtteile haben denselben Anteil; 1 heißt: die Gruppe und die "
        "übrigen Einwohner wohnen in völlig getrennten Stadtteilen."
    ),
    "location_quotient": _(
        "Der Standortquotient teilt den Anteil der Gruppe im Stadtteil durch ihren Anteil in der ganzen "
        "Stadt. 1 heißt: so hoch wie in der Stadt; 2 heißt: doppelt so hoch; 0 heißt: niemand aus der "
        "Gruppe wohnt dort."
    ),
}

_group, _total = itemgetter(0), itemgetter(1)


def _counts(units):
    """Group and total counts as lists, their sums, the complements; checked: 0 ≤ group ≤ total."""
    if not isinstance(units, list | tuple):
        units = list(units)
    xs, ts = list(map(_group, units)), list(map(_total, units))
    X, T = sum(xs), sum(ts)
    if type(X) not in (int, float) or type(T) not in (int, float):  # Decimal, Fraction, numpy integers
        xs, ts = _plain(xs), _plain(ts)
        X, T = sum(xs), sum(ts)
    if X != X or T != T:
        raise ValueError("A count is not a number.")
    ys = list(map(sub, ts, xs))
    if units and (min(xs) < 0 or min(ys) < 0):
        raise ValueError("Every count of the group must lie between 0 and the district's total.")
    return xs, ts, ys, X, T


def _plain(values):
    """Whole numbers of any kind as Python integers (exact sums), anything else as floats."""
    try:
        return list(map(index, values))
    except TypeError:
        return list(map(float, values))


def measures(units):
    """Dissimilarity, isolation, exposure, entropy and Gini of a group over districts `(group, total)`.

    With X = Σ xᵢ, T = Σ tᵢ, Y = T − X, P = X / T, pᵢ = xᵢ / tᵢ over the districts with residents:

    - dissimilarity (Duncan & Duncan) D = Σ tᵢ |pᵢ − P| / (2 T P (1 − P)) = Σ |xᵢ T − tᵢ X| / (2 X Y);
    - isolation xPx = Σ (xᵢ / X)(xᵢ / tᵢ);
    - exposure of the group to the complement xPy = Σ (xᵢ / X)(yᵢ / tᵢ) = 1 − xPx;
    - entropy (Theil's H) H = Σ tᵢ (E − Eᵢ) / (E T) = 1 − Σ tᵢ Eᵢ / (E T), with
      E = P ln(1/P) + (1 − P) ln(1/(1 − P)) and Eᵢ the same of pᵢ (0 · ln(1/0) = 0), so that
      tᵢ Eᵢ = −tᵢ ln(pᵢ^pᵢ · qᵢ^qᵢ) with qᵢ = yᵢ / tᵢ (and 0⁰ = 1);
    - Gini G = Σᵢ Σⱼ tᵢ tⱼ |pᵢ − pⱼ| / (2 T² P (1 − P)) = Σᵢ Σⱼ tᵢ tⱼ |pᵢ − pⱼ| / (2 X Y).

    With the districts sorted by pᵢ, tᵢ tⱼ (pⱼ − pᵢ) = yᵢ xⱼ − xᵢ yⱼ ≥ 0 for i before j, and with Yₖ,
    Sₖ the sums of yᵢ, xᵢ before position k, the pairs add up to Σₖ xₖ (2 Yₖ + yₖ) − X Y (each pair
    once), so G = (2 Σₖ xₖ Yₖ + Σₖ xₖ yₖ − X Y) / (X Y): one sort and one pass, O(n log n).
    D = (Yₖ X − Sₖ Y) / (X Y) at the k where pᵢ passes P: the districts below the town's share hold
    all of what the absolute values add on one side.

    A value is None where its formula is 0/0: D, H and G when P is 0 or 1 (nobody in the group, or
    nobody outside it) or nobody lives in any district; isolation and exposure when the group is empty.
    """
    xs, ts, ys, X, T = _counts(units)
    Y = T - X
    found = dict.fromkeys(MEASURES)
    if not X:
        return found
    if 0 in ts:  # districts without residents: no one to count
        xs, ys, ts = list(compress(xs, ts)), list(compress(ys, ts)), list(compress(ts, ts))
    ps = list(map(truediv, xs, ts))
    isolation = sum(map(mul, xs, ps)) / X
    found["isolation"], found["exposure"] = isolation, 1.0 - isolation
    if not Y:
        return found

    order = sorted(range(len(ps)), key=ps.__getitem__)
    xs_sorted, ys_sorted = list(map(xs.__getitem__, order)), list(map(ys.__getitem__, order))
    before = sum(map(mul, xs_sorted, accumulate(ys_sorted, initial=0)))  # Σ xₖ Yₖ
    found["gini"] = (2 * before + sum(map(mul, xs, ys)) - X * Y) / (X * Y)
    below = bisect_right(order, X / T, key=ps.__getitem__)  # the districts with pᵢ ≤ P
    found["dissimilarity"] = (sum(ys_sorted[:below]) * X - sum(xs_sorted[:below]) * Y) / (X * Y)

    qs = list(map(truediv, ys, ts))
    mixed = -sum(map(mul, ts, map(log, map(mul, map(pow, ps, ps), map(pow, qs, qs)))))  # Σ tᵢ Eᵢ
    found["entropy"] = 1.0 - mixed / (X * log(T / X) + Y * log(T / Y))
    return found


def location_quotients(units):
    """Per district in order `(group_lq, complement_lq)`, or None for a district without residents.

    group_lq = (xᵢ / tᵢ) / (X / T) and complement_lq = (yᵢ / tᵢ) / (Y / T): a district's share of the
    group (of the complement) against the town's. 1 is the town's share. Within the pair, a quotient is
    None when the town has nobody in the group (nobody outside it).
    """
    xs, ts, ys, X, T = _counts(units)
    if not T:
        return [None] * len(ts)
    totals = ts
    if 0 in ts:
        xs, ys, ts = list(compress(xs, ts)), list(compress(ys, ts)), list(compress(ts, ts))
    Y = T - X
    groups = map(truediv, map(truediv, xs, ts), repeat(X / T)) if X else repeat(None)
    complements = map(truediv, map(truediv, ys, ts), repeat(Y / T)) if Y else repeat(None)
    found = list(zip(groups, complements))  # noqa: B905 (one of the two may be an endless None)
    return found if ts is totals else _with_empty(found, totals)


def _with_empty(found, totals):
    """`found` for the districts with residents, None put back where a total is 0."""
    spliced, start, taken = [], 0, 0
    while True:
        try:
            empty = totals.index(0, start)
        except ValueError:
            return spliced + found[taken:]
        spliced += found[taken : taken + empty - start]
        spliced.append(None)
        taken += empty - start
        start = empty + 1
