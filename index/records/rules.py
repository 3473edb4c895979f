"""Rule figures (制度): rules made, revised or abolished, and their article totals."""

from __future__ import annotations

import re

from index.figures import Quantity
from index.records.text import Claim, NoticeText, preceded_by
from index.vocabulary import MODAL_WORDS, RULE_NOUNS, RULE_VERBS

_RULE_VERBS = rf"(?:{RULE_VERBS})(?:[和、及与]?(?:{RULE_VERBS}))*"


def rules(notice: NoticeText, quantity: Quantity, quantities: list[Quantity]) -> list[Claim]:
    """Rules made or revised: "新制定制度47项", "修订完善和新出台《…》等14项制度办法", then "共计161条"."""
    if quantity.kind != "count" or quantity.unit not in ("项", "个", "条", "件", "套"):
        return []
    before, clause_start = notice.before(quantity), notice.clause_start(quantity.start)
    claim = None
    noun_first = re.search(
        rf"(?P<verbs>{_RULE_VERBS})(?:了)?[^\d]{{0,40}}?(?P<noun>{RULE_NOUNS})(?:共|共计|累计)?$", before
    )
    built = re.search(r"建章立制(?:共|共计|累计)?$", before)
    if noun_first:
        label = noun_first.group("verbs") + noun_first.group("noun")
        claim = Claim("rules", label, quantity, clause_start + noun_first.start(), quantity.end)
    elif built:
        claim = Claim("rules", "建章立制", quantity, clause_start + built.start(), quantity.end)
    else:
        noun_after = re.match(rf"(?P<noun>{RULE_NOUNS})", notice.after(quantity))
        verbs = re.search(rf"(?P<verbs>{_RULE_VERBS})(?:了)?[^\d]{{0,80}}?(?:等|共|共计)?$", before)
        if noun_after and verbs:
            label = verbs.group("verbs") + noun_after.group("noun")
            claim = Claim("rules", label, quantity, clause_start + verbs.start(), quantity.end + noun_after.end())
    if claim is None or preceded_by(notice.masked, claim.anchor_start, MODAL_WORDS):
        return []
    claims = [claim]
    later = [other for other in quantities if other.start >= quantity.end]
    between = notice.masked[quantity.end : later[0].start] if later else ""
    if later and later[0].unit == "条" and re.fullmatch(r"[，,]?(?:共计|共|合计|总计)", between):
        claims.append(Claim("rules", claim.label, later[0], claim.anchor_start, later[0].end))
    return claims
