"""Split a notice into chunks that follow its own outline: 一、 > (一) > 1. > (1) > 问题/整改措施."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.documents import Chunk
from index.headings import Heading, split_into_blocks
from index.sentence_units import SentenceUnits, sentence_units

PATH_SEPARATOR = " > "
MIN_CHUNK_TOKENS = 40  # a sentence run this short is stretched past the even size, up to max_tokens


@dataclass
class _Section:
    """A heading with its body (lead) and sub-sections, as a range of unit indices."""

    heading: Heading | None
    path: str
    first: int
    lead_last: int
    last: int = -1
    children: list[_Section] = field(default_factory=list)

    @property
    def mergeable(self) -> bool:
        """Whole sections may share a chunk with siblings, except 一、-level ones and the preamble."""
        return self.heading is not None and (self.heading.rank is None or self.heading.rank > 1)


def _close_sections_for(stack: list[_Section], heading: Heading) -> None:
    """Pop the open sections that the new heading ends, leaving its parent on top."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index].heading.style == heading.style:  # a sibling of the same style
            del stack[index:]
            return
    rank = heading.rank
    if rank is None:
        return  # labels and short titles nest under whatever is open
    closes_junior = rank <= 1 or any(
        section.heading.style == "plain" or (section.heading.rank is not None and section.heading.rank > rank)
        for section in stack
    )
    if closes_junior:
        keep = 0
        for index, section in enumerate(stack):
            if section.heading.rank is not None and section.heading.rank < rank:
                keep = index + 1
        del stack[keep:]


def _build_outline(text: str, max_tokens: int) -> tuple[_Section, SentenceUnits]:
    """The notice's section tree over its sentence units."""
    spans: list[tuple[int, int, int]] = []
    root = _Section(heading=None, path="", first=0, lead_last=-1)
    stack: list[_Section] = []
    for block in split_into_blocks(text):
        block_first = len(spans)
        spans.extend(sentence_units(text, block.start, block.end, max_tokens))
        block_last = len(spans) - 1
        if block_last < block_first:
            continue
        if block.heading is None:
            (stack[-1] if stack else root).lead_last = block_last
            continue
        _close_sections_for(stack, block.heading)
        parent = stack[-1] if stack else root
        path = PATH_SEPARATOR.join(part for part in (parent.path, block.heading.label) if part)
        section = _Section(block.heading, path, first=block_first, lead_last=block_last)
        parent.children.append(section)
        stack.append(section)
    _set_section_ends(root)
    root.last = max(root.last, len(spans) - 1)
    return root, SentenceUnits(text, spans)


def _set_section_ends(section: _Section) -> int:
    """Fill in each section's last unit: the end of its last descendant."""
    section.last = section.lead_last
    for child in section.children:
        section.last = _set_section_ends(child)
    return section.last


class _Packer:
    """Walks the outline and emits unit ranges (first, last) in reading order."""

    def __init__(self, units: SentenceUnits, max_tokens: int, overlap_sentences: int, min_tokens: int) -> None:
        self.units = units
        self.max_tokens = max_tokens
        self.overlap = max(0, overlap_sentences)
        self.min_tokens = min_tokens
        self.pieces: list[tuple[int, int]] = []

    def fits(self, first: int, last: int) -> bool:
        return self.units.estimate(first, last) <= self.max_tokens

    def emit_whole(self, first: int, last: int) -> None:
        """One chunk for a range, unless its exact count is over budget (then split at sentences)."""
        if first == last or self.units.exact(first, last) <= self.max_tokens:
            self.pieces.append((first, last))
        else:
            self.pack_sentences(first, last)

    def pack_section(self, section: _Section, carry: tuple[int, int] | None = None) -> None:
        """Chunks for a section; carry is its parent's short lead (a unit range) that travels with it."""
        first = carry[0] if carry else section.first
        if self.fits(first, section.last):
            self.emit_whole(first, section.last)
            return
        if carry and self.fits(section.first, section.last):
            self.emit_whole(*carry)
            self.emit_whole(section.first, section.last)
            return
        if not section.children:
            self.pack_sentences(first, section.last)
            return
        # A run of whole parts (the lead, then small sub-sections) waits to be grouped up to the budget.
        run: list[tuple[int, int]] = []
        lead_waiting = False
        if section.lead_last >= first:
            if not self.fits(first, section.lead_last):
                self.pack_sentences(first, section.lead_last)
            elif section.heading is None:
                self.emit_whole(first, section.lead_last)  # the preamble stands alone
            else:
                run, lead_waiting = [(first, section.lead_last)], True
        for child in section.children:
            if not self.fits(child.first, child.last):
                if lead_waiting:
                    self.pack_section(child, carry=run[0])
                else:
                    self.pack_run(run)
                    self.pack_section(child)
                run = []
            elif child.mergeable:
                run.append((child.first, child.last))
            else:
                self.pack_run(run)
                self.emit_whole(child.first, child.last)
                run = []
            lead_waiting = False
        self.pack_run(run)

    def pack_run(self, parts: list[tuple[int, int]]) -> None:
        """Group consecutive whole parts into chunks of similar size, none over budget."""
        for first, last in self._balanced(parts, overlap=0):
            self.emit_whole(first, last)

    def pack_sentences(self, first: int, last: int) -> None:
        """Chunks of whole sentences, each after the first opening with the previous one's last ones."""
        self.pieces.extend(self._balanced([(unit, unit) for unit in range(first, last + 1)], self.overlap))

    def _balanced(self, parts: list[tuple[int, int]], overlap: int) -> list[tuple[int, int]]:
        """Unit ranges grouping parts: as few chunks as the budget allows, sized evenly (no tiny tail)."""
        if not parts:
            return []
        count = len(self._greedy(parts, self.max_tokens, overlap))
        limit = self.max_tokens
        if count > 1:
            low = max(self.units.estimate(first, last) for first, last in parts)
            high = self.max_tokens
            while low < high:  # the smallest limit that needs no more chunks than the budget does
                middle = (low + high) // 2
                if len(self._greedy(parts, middle, overlap)) <= count:
                    high = middle
                else:
                    low = middle + 1
            limit = low
        return self._greedy(parts, limit, overlap, check_exact=True)

    def _greedy(
        self, parts: list[tuple[int, int]], limit: int, overlap: int, check_exact: bool = False
    ) -> list[tuple[int, int]]:
        """Fill chunks with parts up to limit; each after the first opens with `overlap` parts of the last."""
        def size(first_part: int, last_part: int) -> int:
            return self.units.estimate(parts[first_part][0], parts[last_part][1])

        def exact(first_part: int, last_part: int) -> int:
            return self.units.exact(parts[first_part][0], parts[last_part][1])

        groups: list[tuple[int, int]] = []
        next_part = 0
        while next_part < len(parts):
            start = next_part
            if groups and overlap:
                previous_first, previous_last = groups[-1]
                overlap_start = max(previous_first + 1, previous_last - overlap + 1)
                if overlap_start <= previous_last and size(overlap_start, next_part) <= limit:
                    start = overlap_start
            end = next_part
            while end + 1 < len(parts) and (
                size(start, end + 1) <= limit
                or (size(start, end) < self.min_tokens and size(start, end + 1) <= self.max_tokens)
            ):
                end += 1
            if check_exact:
                while end > next_part and exact(start, end) > self.max_tokens:
                    end -= 1
                if start < next_part and exact(start, end) > self.max_tokens:
                    start = next_part
            groups.append((start, end))
            next_part = end + 1
        return [(parts[first][0], parts[last][1]) for first, last in groups]


def _enclosing_path(root: _Section, first: int, last: int) -> str:
    """Path of the deepest section that holds units first..last entirely."""
    section = root
    while True:
        inner = next((child for child in section.children if child.first <= first and last <= child.last), None)
        if inner is None:
            return section.path
        section = inner


def split_notice_into_chunks(
    notice_id: str,
    text: str,
    unit: str = "",
    max_tokens: int = 350,
    overlap_sentences: int = 1,
) -> list[Chunk]:
    """Chunks of a notice in reading order, each a verbatim span within max_tokens cl100k tokens."""
    if max_tokens < 1:
        raise ValueError(f"max_tokens must be at least 1, got {max_tokens}.")
    root, units = _build_outline(text, max_tokens)
    if not len(units):
        return []
    packer = _Packer(units, max_tokens, overlap_sentences, min_tokens=min(MIN_CHUNK_TOKENS, max_tokens // 4))
    packer.pack_section(root)
    chunks = []
    for ordinal, (first, last) in enumerate(packer.pieces):
        start, end = units.starts[first], units.ends[last]
        path = _enclosing_path(root, first, last)
        chunks.append(Chunk(notice_id, ordinal, text[start:end], start, end, path, unit))
    return chunks
