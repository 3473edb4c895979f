"""Notice records: each notice's headline figures (问题, 整改, 金额, 处理人数, 制度, 线索, 整改措施), each with its verbatim quote.

Extraction is by rules over how figures are worded (a label word next to a number in the same
clause), never over particular notices' sentences. A figure the rules cannot tie to a label is
left out: absent, never guessed. One module per figure family (problems, money, people, rules,
clues), the notice text model, the scope of a figure, and the assembly.
"""

from index.records.extract import MAX_QUOTE, MIN_QUOTE, extract_notice_record
from index.records.model import FIELDS, Figure, NoticeRecord, verify_record

__all__ = ["FIELDS", "MAX_QUOTE", "MIN_QUOTE", "Figure", "NoticeRecord", "extract_notice_record", "verify_record"]
