"""The precompiled charsmap we build is read back by tokenizers' Precompiled normaliser as intended."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st
from tokenizers import normalizers

from index.spm_charsmap import build_precompiled_charsmap

SINGLE_CHARACTERS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\0")


def normaliser_for(mapping: dict[str, str]) -> normalizers.Precompiled:
    return normalizers.Precompiled(build_precompiled_charsmap(mapping))


def test_full_width_forms_and_odd_spaces_are_replaced_and_chinese_is_kept():
    mapping = {"Ａ": "A", "１": "1", "\u3000": " ", "\u200b": " ", "\x07": "", "①": "1"}
    normaliser = normaliser_for(mapping)
    assert normaliser.normalize_str("巡察Ａ１\u3000整改\x07①\u200b") == "巡察A1 整改1 "


def test_an_empty_map_changes_nothing():
    assert normaliser_for({}).normalize_str("整改 ABC") == "整改 ABC"


@settings(max_examples=40, deadline=None)
@given(
    mapping=st.dictionaries(SINGLE_CHARACTERS, st.text(SINGLE_CHARACTERS, max_size=3), max_size=60),
    others=st.lists(SINGLE_CHARACTERS, max_size=20),
)
def test_every_mapped_character_is_replaced_and_every_other_kept(mapping, others):
    normaliser = normaliser_for(mapping)
    for source, target in mapping.items():
        assert normaliser.normalize_str(source) == target
    for character in others:
        if character not in mapping:
            assert normaliser.normalize_str(character) == character
