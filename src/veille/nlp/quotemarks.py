"""Quotation marks paired into passages, on plain text (no spaCy here).

French and English news quote with « », “ ”, ‹ › and straight double quotes. Writers
leave marks unbalanced: a passage that runs over several paragraphs opens each paragraph
with « and closes only the last; a passage may close with » without ever opening (the
opening is implied by the previous attribution). Pairing never fails: every mark is
either matched, taken as a continuation, or left as an unbalanced end that the caller
anchors (``Passage.opened`` is False then).
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"«": "guillemet", "“": "curly", "‹": "single", "„": "curly"}
CLOSERS = {"»": "guillemet", "”": "curly", "›": "single"}
STRAIGHT = '"'
BEFORE_OPENING = set(" \t\n([{—–-/:;'’") | {""}


@dataclass(frozen=True)
class Mark:
    """One quotation mark: its offset, whether it opens, and its family."""

    index: int
    opens: bool
    family: str


@dataclass(frozen=True)
class Passage:
    """A quoted passage: ``start:end`` is the text between the marks (trimmed).

    ``open_mark``/``close_mark`` are the offsets of the marks, None where the text has
    none (an unclosed passage ends at its paragraph end; an unopened one starts at
    ``start``, which the caller may move back)."""

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None

    @property
    def opened(self) -> bool:
        return self.open_mark is not None


def find_marks(text: str) -> list[Mark]:
    """Every quotation mark of ``text``; a straight quote opens after a space or bracket."""
    marks = []
    for i, char in enumerate(text):
        if char in OPENERS:
            marks.append(Mark(i, True, OPENERS[char]))
        elif char in CLOSERS:
            marks.append(Mark(i, False, CLOSERS[char]))
        elif char == STRAIGHT:
            before = text[i - 1] if i else ""
            marks.append(Mark(i, before in BEFORE_OPENING, "straight"))
    return marks


def paragraph_end(text: str, start: int) -> int:
    """Offset of the line break that ends the paragraph holding ``start`` (or the end)."""
    cut = text.find("\n", start)
    return len(text) if cut < 0 else cut


def _crosses_paragraph(text: str, start: int, end: int) -> bool:
    return "\n" in text[start:end]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without the spaces (and stray marks) at either end."""
    strip = " \t\n\u00a0\u202f"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def _passage(text: str, open_mark: int | None, close_mark: int | None, start: int) -> Passage:
    end = close_mark if close_mark is not None else paragraph_end(text, start)
    first = open_mark + 1 if open_mark is not None else start
    lo, hi = trimmed(text, first, max(first, end))
    return Passage(lo, hi, open_mark, close_mark)


class _Pairer:
    """Walks the marks once; one outermost passage is open at a time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.passages: list[Passage] = []
        self.open: Mark | None = None
        self.depth: dict[str, int] = {}
        self.last_end = 0

    def feed(self, mark: Mark) -> None:
        if self.open is None:
            self._outside(mark)
        elif mark.opens:
            self._inner_open(mark)
        else:
            self._inner_close(mark)

    def _outside(self, mark: Mark) -> None:
        if mark.opens:
            self.open, self.depth = mark, {}
            return
        self._close_unopened(mark)

    def _close_unopened(self, mark: Mark) -> None:
        start = max(self.last_end, self.text.rfind("\n", 0, mark.index) + 1)
        if self._after_previous_close(mark.index):
            return  # a stray closer right after a closed passage (« a »»)
        self._add(_passage(self.text, None, mark.index, start), mark.index + 1)

    def _after_previous_close(self, index: int) -> bool:
        gap = self.text[self.last_end : index]
        return bool(self.passages) and not gap.strip(' \t\u00a0\u202f»”›"')

    def _inner_open(self, mark: Mark) -> None:
        assert self.open is not None
        same = mark.family == self.open.family
        crosses = _crosses_paragraph(self.text, self.open.index, mark.index)
        if same and crosses and self.depth.get(mark.family, 0) == 0:
            return  # « at the start of a paragraph continues the passage
        self.depth[mark.family] = self.depth.get(mark.family, 0) + 1

    def _inner_close(self, mark: Mark) -> None:
        assert self.open is not None
        if self.depth.get(mark.family, 0) > 0:
            self.depth[mark.family] -= 1
            return
        if mark.family != self.open.family:
            return
        self._add(_passage(self.text, self.open.index, mark.index, self.open.index), mark.index + 1)
        self.open = None

    def _add(self, passage: Passage, end: int) -> None:
        self.passages.append(passage)
        self.last_end = end

    def finish(self) -> list[Passage]:
        if self.open is not None:
            self.passages.append(_passage(self.text, self.open.index, None, self.open.index))
            self.open = None
        return [p for p in self.passages if p.end > p.start]


def find_passages(text: str) -> list[Passage]:
    """The quoted passages of ``text`` in order, never overlapping, never raising."""
    pairer = _Pairer(text)
    for mark in find_marks(text):
        pairer.feed(mark)
    return pairer.finish()
