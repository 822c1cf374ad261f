import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from vn.text import canonical, fold, mend_qu_tones, nfc, normalize_tones

VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐOƠƯ  ")
        + ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
        + list("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
    ),
    max_size=40,
)


def test_fold_finds_dien_ban_from_every_spelling() -> None:
    target = fold("Thị xã Điện Bàn")
    assert fold("dien ban") in target
    assert fold("điện bàn") in target
    assert fold(unicodedata.normalize("NFD", "ĐIỆN BÀN")) in target
    assert target == "thi xa dien ban"


def test_old_and_new_tone_placement_are_the_same_text() -> None:
    assert canonical("Thị uỷ") == canonical("Thị ủy")
    assert canonical("Hoà Bình") == canonical("Hòa Bình")
    assert canonical("khoẻ") == canonical("khỏe")
    assert canonical("Quý") == canonical("Qúy")
    assert normalize_tones("Thị ủy") == "Thị uỷ"


def test_ua_and_other_pairs_have_one_tone_placement_only() -> None:
    # "của", "mùa": the tone is on the u in every convention; only oa, oe
    # and uy are spelt two ways.
    assert normalize_tones("của mùa lúa, thuở") == "của mùa lúa, thuở"
    assert normalize_tones("Khánh Hòa, thủy") == "Khánh Hoà, thuỷ"


def test_tone_placement_is_left_alone_when_a_final_consonant_follows() -> None:
    assert normalize_tones("hoàng") == "hoàng"
    assert normalize_tones("ngoài") == "ngoài"
    assert normalize_tones("thuyền") == "thuyền"


def test_canonical_keeps_diacritics_that_change_meaning() -> None:
    assert canonical("Bà") != canonical("Ba")
    assert canonical("Đà Nẵng") != canonical("Da Nang")


def test_nfc_composes_decomposed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Tỉnh ủy")
    assert decomposed != "Tỉnh ủy"
    assert nfc(decomposed) == "Tỉnh ủy"


def test_fold_collapses_spacing_and_case() -> None:
    assert fold("  Ban   DÂN vận\n") == "ban dan van"


@given(VIETNAMESE)
def test_fold_ignores_normal_form(text: str) -> None:
    nfd = unicodedata.normalize("NFD", text)
    assert fold(nfd) == fold(text) == fold(nfc(text))


@given(VIETNAMESE)
def test_fold_and_canonical_are_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert canonical(canonical(text)) == canonical(text)


@given(VIETNAMESE)
def test_fold_output_is_plain_ascii_for_vietnamese_letters(text: str) -> None:
    assert fold(text).isascii()


@given(VIETNAMESE)
def test_canonical_ignores_tone_placement(text: str) -> None:
    assert canonical(normalize_tones(text)) == canonical(text)
    assert fold(canonical(text)) == fold(text)


def test_a_tone_typed_on_the_u_of_qu_moves_to_the_vowel_after_it():
    assert mend_qu_tones("báo cáo qúy III, Qùy Hợp") == "báo cáo quý III, Quỳ Hợp"
    assert mend_qu_tones("quyết, quốc, quà, Quyền") == "quyết, quốc, quà, Quyền"
    assert canonical("kết quả qúy IV") == canonical("kết quả quý IV")
