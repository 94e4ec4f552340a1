"""Resolve: canonical names, record keys, and merging claims with conflicts kept."""

from __future__ import annotations

import pytest

from veille.resolve import deal_key, entity_id, event_key, normalise_name
from veille.resolve.keys import month_of
from veille.resolve.merge import Claim, Source, merge, status_history


@pytest.mark.parametrize(("a", "b"), [
    ("Forces Armées Royales", "forces armees  royales"),
    ("l’armée", "l'armee"),
    ("Elbit Systems", " ELBIT systems "),
])  # fmt: skip
def test_names_fold_to_one_form(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize(("kb_id", "name", "expected"), [
    ("org:elbit-systems", "Elbit", "org:elbit-systems"),
    (None, "Société Générale de Défense", "ORG:societe generale de defense"),
])  # fmt: skip
def test_entity_id(kb_id: str | None, name: str, expected: str) -> None:
    assert entity_id(kb_id, "ORG", name) == expected


def test_deal_key_ignores_system_order_and_repeats() -> None:
    a = deal_key("country:IL", "country:SN", ["sys:a", "sys:b"])
    assert a == deal_key("country:IL", "country:SN", ["sys:b", "sys:a", "sys:a"])
    assert a != deal_key("country:IL", "country:MA", ["sys:a", "sys:b"])


@pytest.mark.parametrize(("date", "month"), [
    ("2025-08-13", "2025-08"), ("2025-08", "2025-08"), ("2025", "2025"), ("2021-Q3", "2021"),
    ("PAST_REF", "?"), (None, "?"),
])  # fmt: skip
def test_month_of(date: str | None, month: str) -> None:
    assert month_of(date) == month


def test_event_key_is_by_month() -> None:
    assert event_key("visit", ["b", "a"], "2025-08-01") == event_key("visit", ["a", "b"], "2025-08")


def source(article: str, outlet: str, published: str, group: str | None = None) -> Source:
    return Source(article, outlet, published, None, None, group, 0, 10, "evidence")


def claim(src: Source, status: str, date: str | None, value: int | None) -> Claim:
    amount = {"value": value, "currency": "USD", "qualifier": "exact"} if value else None
    return Claim(src, {"value": amount}, status, date, date or src.published)


A = source("a", "Outlet A", "2025-08-12")
B = source("b", "Outlet B", "2025-09-18")
B_COPY = source("b2", "Outlet B2", "2025-09-19", group="b")
C = source("c", "Outlet C", "2025-11-20")
CLAIMS = [
    claim(C, "ordered", "2025-11-14", None),
    claim(A, "negotiating", "2025-08", 22_000_000),
    claim(B, "negotiating", None, 20_000_000),
]


def test_conflicting_values_stay_side_by_side_with_their_sources() -> None:
    merged = merge("deal-x", "deal", {}, CLAIMS, ["value"])
    values = [(fv.value["value"], [s.outlet for s in fv.sources]) for fv in merged.fields["value"]]
    assert values == [(22_000_000, ["Outlet A"]), (20_000_000, ["Outlet B"])]


def test_status_history_is_dated_and_sourced() -> None:
    steps = status_history(CLAIMS)
    assert [(s.status, s.date, [x.outlet for x in s.sources]) for s in steps] == [
        ("negotiating", "2025-08", ["Outlet A", "Outlet B"]),
        ("ordered", "2025-11-14", ["Outlet C"]),
    ]


def test_corroboration_counts_syndicated_copies_once() -> None:
    group_b = source("b", "Outlet B", "2025-09-18", group="b")
    claims = [*CLAIMS[:2], claim(group_b, "negotiating", None, 20_000_000),
              claim(B_COPY, "negotiating", None, 20_000_000)]  # fmt: skip
    merged = merge("deal-x", "deal", {}, claims, ["value"])
    assert (merged.claims, merged.articles, merged.corroboration) == (4, 4, 3)
