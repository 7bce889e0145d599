"""A corpus of broken YAML source files: each mistake, made in a copy of the small act (tests/small_source/: the
same kinds of file as source/, for five articles), is refused by ``check`` with ``FILE:LINE: message`` at the line
named in the table and exit status 1, never a traceback. The point is the refusal, so the real act, loaded 73 times
over, is not needed; the small one is checked clean first.

Each case is (file, text to find, text to put instead, expected line). The expected line is either a
number, or ``"new"`` (``"new+N"``): the line where the replacement starts in the broken file (N lines
further on). A text to find of None replaces the whole file.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import SMALL_SOURCE, TIMEOUT, ROOT, check_source

REG, GLOSSARY, CAPTIONS, NOTES_EN, NOTES_ZH = ("regulation.yaml", "glossary.yaml", "captions.yaml",
                                               "notes.en.yaml", "notes.zh.yaml")
ALXA_COORDS = "coords: {lat: 38.83, lon: 105.67, approximate: false}"

CASES = {
    # regulation.yaml
    "reg-bad-date": (REG, 'adopted: "2023-11-30"', 'adopted: "2023-13-30"', "new"),
    "reg-date-not-a-date": (REG, 'effective: "2024-01-01"', "effective: soon", "new"),
    "reg-date-a-list": (REG, 'effective: "2024-01-01"', "effective: [2024, 1, 1]", "new"),
    "reg-unknown-key": (REG, 'adopted: "2023-11-30"', 'adopted: "2023-11-30"\ncolour: red', "new+1"),
    "reg-duplicate-key": (REG, 'adopted: "2023-11-30"', 'adopted: "2023-11-30"\nadopted: "2023-11-29"', "new+1"),
    "reg-missing-key": (REG, "adopting_body:\n  en: Standing Committee of the 14th People's Congress of the Inner "
                             "Mongolia Autonomous Region\n  zh: 内蒙古自治区第十四届人民代表大会常务委员会\n", "", 4),
    "reg-title-a-string": (REG, "title:\n  en: Regulations", "title: Regulations\ntitle_en:\n  en: Regulations", "new"),
    "reg-title-a-list": (REG, "title:\n  en: Regulations", "title: [Regulations]\ntitle_en:\n  en: Regulations", "new"),
    "reg-title-missing-language": (REG, "  zh: 内蒙古自治区促进边境地区高质量发展条例\n# Short", "# Short", 4),
    "reg-unknown-status": (REG, "status: reference-translation", "status: draft", "new"),
    "reg-unknown-language": (REG, "languages:\n", "languages:\n  fr:\n    file: regulation.fr.txt\n"
                                                 "    status: official\n", "new+1"),
    "reg-language-a-string": (REG, "  zh:\n    file: regulation.zh.txt\n    status: reference-translation",
                              "  zh: regulation.zh.txt", "new"),
    "reg-missing-text-file": (REG, "file: regulation.zh.txt", "file: regulation.cn.txt", "new"),
    "reg-status-a-list": (REG, "  official:\n    label:", "  official: [official]\n  unused:\n    label:", "new"),
    "reg-status-short-missing": (REG, '    short: ""\n', "", 44),
    "reg-status-short-a-list": (REG, "    short:\n      en: unofficial translation\n      zh: 非官方译本\n",
                                "    short: [unofficial translation]\n", "new"),
    "reg-corrections-a-string": (REG, "corrections:\n", "corrections: none\nold_corrections:\n", "new"),
    "reg-correction-article-text": (REG, "    article: 5\n", "    article: five\n", "new"),
    "reg-correction-lang-list": (REG, "  - lang: en\n    article: 5", "  - lang: [en]\n    article: 5", "new"),
    "reg-correction-unknown-key": (REG, "    article: 5\n", "    article: 5\n    clause: 1\n", "new+1"),
    "reg-correction-from-a-list": (REG, '    from: "。"\n', "    from: [。]\n", "new"),
    "reg-observation-chapter-text": (REG, "    chapter: 2\n", "    chapter: two\n", "new"),
    "reg-observation-a-string": (REG, "observations:\n  - lang: en", "observations:\n  - en\n  - lang: en", "new+1"),
    "reg-versions-a-string": (REG, "versions:\n  - effective", "versions: 2024\nold_versions:\n  - effective", "new"),
    "reg-versions-missing": (REG, "versions:\n  - effective", "old_versions:\n  - effective", 4),
    "reg-version-a-string": (REG, "versions:\n  - effective", "versions:\n  - 2024-01-01\n  - effective", "new+1"),
    "reg-version-bad-date": (REG, '  - effective: "2024-01-01"', '  - effective: "2024-01-32"', "new"),
    "reg-version-unknown-key": (REG, '  - effective: "2024-01-01"', '  - effective: "2024-01-01"\n    amends: 3',
                                "new+1"),
    "reg-provenance-missing-official": (REG, "provenance:\n  official:\n", "provenance:\n  unused:\n", "new+1"),
    "reg-provenance-unknown-key": (REG, "provenance:\n", "provenance:\n  gazette:\n    text: {en: a, zh: b}\n", "new+1"),
    "reg-provenance-link-not-http": (REG, "url: https://flk.npc.gov.cn/", "url: flk.npc.gov.cn", "new"),
    "reg-provenance-text-missing-language": (REG, "  draft:\n    text:\n      en: On 28 September",
                                            "  draft:\n    text:\n      fr: Le 28 septembre", "new+1"),
    "reg-revision-skipped-number": (REG, "  - number: 2\n", "  - number: 4\n", "new"),
    "reg-revision-date-goes-back": (REG, '  - number: 3\n    date: "2026-12-06"', '  - number: 3\n    date: "2026-11-01"',
                                    "new+1"),
    "reg-revision-change-one-language": (REG, "      - en: The English text and the Chinese reference translation first "
                                              "published.\n        zh: 首次发布英文文本和中文参考译文。\n",
                                         "      - en: The English text first published.\n", "new"),
    "reg-revisions-missing": (REG, "revisions:\n  - number: 1", "old_revisions:\n  - number: 1", 4),
    "reg-version-instrument-a-string": (REG, "    instrument:\n      en: Adopted at the 7th meeting of the Standing "
                                             "Committee of the 14th People's Congress of the Inner Mongolia Autonomous "
                                             "Region\n      zh: 内蒙古自治区第十四届人民代表大会常务委员会第七次会议通过\n",
                                        "    instrument: Adopted at the 7th meeting\n", "new"),
    "reg-version-renumbered-a-list": (REG, '    adopted: "2023-11-30"\n    instrument:',
                                      '    adopted: "2023-11-30"\n    renumbered: [31, 32]\n    instrument:', "new+1"),
    "reg-version-not-the-original": (REG, '  - effective: "2024-01-01"\n    adopted: "2023-11-30"',
                                     '  - effective: "2024-01-01"\n    adopted: "2023-11-29"', "new"),
    "reg-checked-not-a-date": (REG, 'checked: "2026-11-26"', "checked: last week", "new"),
    "reg-correction-unknown-version": (REG, "    article: 5\n", '    article: 5\n    version: "2023-01-01"\n',
                                       "new+1"),
    "reg-bad-yaml": (REG, "title:\n  en:", "title:\n en: [\n  en:", "new+3"),
    "reg-not-a-mapping": (REG, None, "- title: Regulations\n", 1),
    # glossary.yaml
    "glossary-coords-out-of-range": (GLOSSARY, "lat: 38.83", "lat: 138.83", "new"),
    "glossary-coords-a-string": (GLOSSARY, ALXA_COORDS, 'coords: "38.83, 105.67"', "new"),
    "glossary-coords-typo": (GLOSSARY, ALXA_COORDS, "coords: {lat: 38.83, long: 105.67, approximate: false}", "new"),
    "glossary-coords-text-number": (GLOSSARY, ALXA_COORDS, 'coords: {lat: "38.83", lon: 105.67}', "new"),
    "glossary-approximate-text": (GLOSSARY, ALXA_COORDS, "coords: {lat: 38.83, lon: 105.67, approximate: maybe}",
                                  "new"),
    "glossary-spellings-a-string": (GLOSSARY, "other_spellings: [Alashan Left Banner]",
                                    "other_spellings: Alashan Left Banner", "new"),
    "glossary-match-a-string": (GLOSSARY, "match_en: [Alxa Left Banner]", "match_en: Alxa Left Banner", "new"),
    "glossary-kind-a-string": (GLOSSARY, "    kind: {en: banner, zh: 旗}\n    parent: {en: Alxa League, zh: 阿拉善盟}\n"
                                         "    seat: {en: Bayanhot", "    kind: banner\n    parent: {en: Alxa League, "
                                                                   "zh: 阿拉善盟}\n    seat: {en: Bayanhot", "new"),
    "glossary-duplicate-id": (GLOSSARY, "id: alxa-right-banner", "id: alxa-left-banner", "new"),
    "glossary-bad-id": (GLOSSARY, "id: alxa-right-banner", "id: Alxa Right", "new"),
    "glossary-id-a-number": (GLOSSARY, "id: alxa-right-banner", "id: 7", "new"),
    "glossary-missing-name": (GLOSSARY, "  - id: alxa-right-banner\n    en: Alxa Right Banner\n    zh: 阿拉善右旗\n",
                              "  - id: alxa-right-banner\n    en: Alxa Right Banner\n", "new"),
    "glossary-name-a-list": (GLOSSARY, "    zh: 阿拉善右旗\n", "    zh: [阿拉善右旗]\n", "new"),
    "glossary-not-a-mapping": (GLOSSARY, None, "- id: alxa-left-banner\n", 1),
    "glossary-unknown-key": (GLOSSARY, "pinyin: Ālāshàn Zuǒ Qí", "pinyn: Ālāshàn Zuǒ Qí", "new"),
    "glossary-duplicate-key": (GLOSSARY, "    pinyin: Ālāshàn Zuǒ Qí\n", "    pinyin: Ālāshàn Zuǒ Qí\n"
                                                                        "    pinyin: Alashan\n", "new+1"),
    "glossary-unknown-group": (GLOSSARY, "bodies:\n", "bodys:\n", "new"),
    "glossary-group-a-mapping": (GLOSSARY, "terms:\n", "terms: {}\nold_terms:\n", "new"),
    "glossary-entry-a-string": (GLOSSARY, "border_areas:\n", "border_areas:\n  - Alxa Left Banner\n", "new+1"),
    # captions.yaml
    "captions-no-such-article": (CAPTIONS, "1: {en: Purpose", "74: {en: Extra, zh: 多余}\n1: {en: Purpose", "new"),
    "captions-a-string": (CAPTIONS, "1: {en: Purpose and basis, zh: 立法目的和依据}", "1: Purpose and basis", "new"),
    "captions-missing-language": (CAPTIONS, "1: {en: Purpose and basis, zh: 立法目的和依据}",
                                  "1: {en: Purpose and basis}", "new"),
    "captions-unknown-language": (CAPTIONS, "1: {en: Purpose and basis, zh: 立法目的和依据}",
                                  "1: {en: Purpose and basis, zh: 立法目的和依据, fr: But}", "new"),
    "captions-a-list": (CAPTIONS, "1: {en: Purpose and basis, zh: 立法目的和依据}",
                        "1: [Purpose and basis, 立法目的和依据]", "new"),
    "captions-text-a-number": (CAPTIONS, "1: {en: Purpose and basis, zh: 立法目的和依据}",
                               "1: {en: 42, zh: 立法目的和依据}", "new"),
    "captions-duplicate-article": (CAPTIONS, "1: {en: Purpose", "2: {en: Again, zh: 再}\n1: {en: Purpose", "new+2"),
    "captions-key-a-word": (CAPTIONS, "1: {en: Purpose", "one: {en: Purpose", "new"),
    "captions-missing-article": (CAPTIONS, "1: {en: Purpose and basis, zh: 立法目的和依据}\n", "", 2),
    "captions-bad-yaml": (CAPTIONS, "1: {en: Purpose", "- 1: {en: Purpose", "new+1"),
    "captions-a-list-file": (CAPTIONS, None, "- 1: {en: Purpose, zh: 目的}\n", 1),
    # notes.en.yaml and notes.zh.yaml
    "notes-no-such-article": (NOTES_EN, "- at: art_2__para_3\n  phrase: \"people's",
                              "- at: art_99__para_3\n  phrase: \"people's", "new"),
    "notes-target-a-number": (NOTES_EN, "- at: art_2__para_3\n  phrase: \"people's",
                              "- at: 3\n  phrase: \"people's", "new"),
    "notes-phrase-not-there": (NOTES_EN, 'phrase: "banner districts"', 'phrase: "banner district area"', "new"),
    "notes-phrase-a-list": (NOTES_EN, 'phrase: "banner districts"', 'phrase: ["banner districts"]', "new"),
    "notes-unknown-key": (NOTES_EN, 'phrase: "banner districts"', 'phrase: "banner districts"\n  txt: x', "new+1"),
    "notes-text-missing": (NOTES_EN, '- at: art_3__para_1\n  phrase: "we should"\n  text: "\\"We\\"',
                           '- at: art_3__para_1\n  phrase: "we should"\n  comment: "\\"We\\"', "new"),
    "notes-text-a-list": (NOTES_ZH, '  text: "英文译本作“Zhainuoer District”', '  text: [a, b]\n# "', "new"),
    "notes-a-mapping": (NOTES_ZH, None, "at: art_2__para_2\ntext: 注\n", 1),
    "notes-entry-a-string": (NOTES_ZH, "- at: art_2__para_2\n", "- art_2__para_2\n- at: art_2__para_2\n", "new"),
    "notes-duplicate-key": (NOTES_ZH, "  phrase: 扎赉诺尔区\n", "  phrase: 扎赉诺尔区\n  phrase: 扎赉诺尔\n", "new+1"),
}


def _broken_source(tmp_path, name):
    file, old, new, line = CASES[name]
    source = tmp_path / "source"
    # Symbolic links, not copies (a few times quicker, 73 times over; hard links fail where the temporary folder is
    # on another file system): the one file changed is unlinked first, so that tests/small_source/ itself is never
    # written to.
    shutil.copytree(SMALL_SOURCE, source, copy_function=os.symlink)
    (source / file).unlink()
    text = (SMALL_SOURCE / file).read_text(encoding="utf-8")
    old = text if old is None else old          # None: the whole file
    assert text.count(old) >= 1, f"{name}: {old!r} is no longer in tests/small_source/{file}; update the case"
    at = text.index(old)
    broken = text[:at] + new + text[at + len(old):]
    (source / file).write_text(broken, encoding="utf-8")
    first = broken[:at].count("\n") + 1
    if isinstance(line, int):
        expected = line
    else:
        expected = first + int(line[4:] or 0)
    return source, source / file, expected


def test_corpus_covers_every_yaml_file():
    files = {case[0] for case in CASES.values()}
    assert files == {REG, GLOSSARY, CAPTIONS, NOTES_EN, NOTES_ZH}
    assert files <= {path.name for path in SMALL_SOURCE.iterdir()} and len(CASES) >= 50


def test_the_small_act_is_clean():
    """Unbroken, the small act passes: each case below is refused for its own mistake."""
    status, err = check_source(SMALL_SOURCE)
    assert (status, err) == (0, "")


@pytest.mark.parametrize("name", CASES)
def test_broken_yaml_is_refused_at_its_line(tmp_path, name):
    source, path, expected = _broken_source(tmp_path, name)
    status, err = check_source(source)
    lines = err.splitlines()
    assert status == 1, err
    assert lines and all(re.match(r"\S+:\d+: \S", line) for line in lines), lines
    assert f"{path}:{expected}: " in err, lines


def test_the_command_line_gives_no_traceback(tmp_path):
    """The same through a real process: exit status 1 and only FILE:LINE: lines on stderr."""
    source, path, expected = _broken_source(tmp_path, "glossary-coords-typo")
    result = subprocess.run([sys.executable, "-m", "build_scripts", "check", "--source", str(source)],
                            cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(f"{path}:{expected}: "), result.stderr
