"""Building: same input same bytes, all or nothing, the previous output kept on failure."""

from __future__ import annotations

import json

from pptx import Presentation

from tests.conftest import copy_sample


def test_build_writes_a_16_9_deck_per_audience_that_python_pptx_reads_back(workdir, cli):
    copy_sample(workdir / "content")
    run = cli("build", "--json")
    assert run.code == 0, run.err
    report = json.loads(run.out)["decks"]
    assert [(d["audience"], d["path"], d["language"]) for d in report] == [
        ("korean", "output/sample-korean.pptx", "ko"), ("english", "output/sample-english.pptx", "en")]
    for entry in report:
        prs = Presentation(str(workdir / entry["path"]))
        assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
        assert len(prs.slides) == entry["slides"]
        assert entry["minutes"] <= entry["class_minutes"]


def test_two_builds_of_the_same_input_are_byte_identical(workdir, cli):
    copy_sample(workdir / "content")
    assert cli("build", "--out", "one").code == 0
    assert cli("build", "--out", "two").code == 0
    for name in ("sample-korean.pptx", "sample-english.pptx"):
        assert (workdir / "one" / name).read_bytes() == (workdir / "two" / name).read_bytes()


def test_a_failed_build_writes_nothing_and_keeps_the_previous_output(workdir, cli):
    deck = copy_sample(workdir / "content")
    assert cli("build").code == 0
    before = {p.name: p.read_bytes() for p in (workdir / "output").iterdir()}
    deck.write_text(deck.read_text(encoding="utf-8").replace("kind: cards", "kind: crads"), encoding="utf-8")
    run = cli("build")
    assert run.code == 2
    assert run.lines == ["content/sample.yaml:41:15: sections[1].slides[2].kind: unknown slide kind 'crads' "
                         "(did you mean 'cards'?)"]
    after = {p.name: p.read_bytes() for p in (workdir / "output").iterdir()}
    assert after == before


def test_a_missing_image_is_a_content_error_and_nothing_is_written(workdir, cli):
    deck = copy_sample(workdir / "content")
    deck.write_text(deck.read_text(encoding="utf-8").replace("images/shapes.png", "images/gone.png"),
                    encoding="utf-8")
    run = cli("build")
    assert run.code == 2
    assert run.lines == ["content/sample.yaml:80:15: sections[2].slides[2].path: image 'images/gone.png' "
                         "does not exist"]
    assert not (workdir / "output").exists()


def test_an_image_outside_the_deck_folder_is_refused(workdir, cli):
    deck = copy_sample(workdir / "content")
    (workdir / "secret.png").write_bytes((workdir / "content/images/shapes.png").read_bytes())
    deck.write_text(deck.read_text(encoding="utf-8").replace("images/shapes.png", "../secret.png"),
                    encoding="utf-8")
    run = cli("build")
    assert run.code == 2
    assert run.lines == ["content/sample.yaml:80:15: sections[2].slides[2].path: '../secret.png' lies outside "
                         "the deck's folder (build with --allow-outside to allow it)"]
    assert cli("build", "--allow-outside").code == 0


def test_broken_yaml_alias_bomb_and_unknown_key_all_exit_2_without_writing(workdir, cli):
    content = workdir / "content"
    (content / "a.yaml").write_text("title: [x\n", encoding="utf-8")
    (content / "b.yaml").write_text("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(9)),
        encoding="utf-8")
    (content / "c.yaml").write_text("title: x\nsectons: []\n", encoding="utf-8")
    run = cli("build")
    assert run.code == 2
    assert run.lines == [
        "content/a.yaml:2:1: not valid YAML: expected ',' or ']', but got '<stream end>'",
        "content/b.yaml:5:4: e: too many values: more than 100,000 after expanding aliases "
        "(is this an alias bomb?)",
        "content/c.yaml:1:1: missing required key 'sections'",
        "content/c.yaml:2:1: sectons: unknown key 'sectons' (did you mean 'sections'?)",
    ]
    assert "Traceback" not in run.err
    assert not (workdir / "output").exists()


def test_an_unknown_audience_is_an_input_error(workdir, cli):
    copy_sample(workdir / "content")
    run = cli("build", "--audience", "englsh")
    assert run.code == 2
    assert run.lines == ["content/sample.yaml: unknown audience 'englsh' (did you mean 'english'?)"]


def test_an_output_folder_that_cannot_be_written_is_an_input_error(workdir, cli):
    copy_sample(workdir / "content")
    (workdir / "blocked").write_text("a file, not a folder", encoding="utf-8")
    run = cli("build", "--out", "blocked/out")
    assert run.code == 2
    assert run.lines == ["blocked/out: output folder cannot be written: not a directory"]


def test_no_temporary_files_are_left_behind(workdir, cli):
    copy_sample(workdir / "content")
    assert cli("build").code == 0
    assert sorted(p.name for p in (workdir / "output").iterdir()) == ["sample-english.pptx", "sample-korean.pptx"]


def test_schema_is_json_schema_of_the_deck(cli):
    run = cli("schema")
    schema = json.loads(run.out)
    assert run.code == 0
    assert schema["title"] == "slidegen deck"
    assert {"title", "sections"} <= set(schema["required"])
    assert "BulletsSlide" in schema["$defs"]


def test_a_mistaken_command_line_gets_one_line_and_exit_2(cli):
    assert cli("build", "--nope").lines == ["slidegen: unrecognized arguments: --nope (see 'slidegen --help')"]
    run = cli("bild")
    assert run.code == 2 and len(run.lines) == 1 and run.lines[0].startswith("slidegen: argument command: invalid")
