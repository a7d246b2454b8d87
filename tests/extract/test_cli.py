"""``slidegen extract`` on the command line: output file, overwriting, pictures, errors."""

from __future__ import annotations

import shutil

import yaml

from tests.extract.helpers import POSTS


def test_extract_prints_the_yaml_when_no_output_file_is_given(workdir, cli):
    shutil.copy(POSTS / "en-git.md", workdir / "post.md")
    run = cli("extract", "post.md")
    assert run.code == 0, run.err
    assert yaml.safe_load(run.out)["title"] == "A Practical Guide to Git Branching"
    assert not list(workdir.glob("**/*.yaml"))  # nothing written


def test_extract_writes_a_deck_that_validates_and_builds(workdir, cli):
    shutil.copy(POSTS / "docker-01-basics.md", workdir / "post.md")
    run = cli("extract", "post.md", "-o", "content/docker.yaml")
    assert run.code == 0, run.err
    assert "post.md:79: remote image not downloaded: https://github.com/user-attachments/assets/" \
           "067528f3-2d43-4cb9-82f3-0f5f532b2802" in run.lines
    assert yaml.safe_load((workdir / "content/docker.yaml").read_text())["source"] == "../post.md"
    assert cli("validate", "content/docker.yaml").code == 0
    built = cli("build", "content/docker.yaml", "--out", "out")
    assert built.code == 0, built.err
    assert (workdir / "out" / "docker-default.pptx").is_file()


def test_extract_refuses_to_overwrite_unless_forced(workdir, cli):
    shutil.copy(POSTS / "en-git.md", workdir / "post.md")
    target = workdir / "content" / "git.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    run = cli("extract", "post.md", "-o", "content/git.yaml")
    assert run.code == 2
    assert run.lines == ["content/git.yaml: already exists; give --force to overwrite it, or another -o file"]
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert cli("extract", "post.md", "-o", "content/git.yaml", "--force").code == 0
    assert target.read_text(encoding="utf-8").startswith("# Lecture draft made by `slidegen extract`")


def test_a_local_picture_is_copied_next_to_the_deck_and_the_deck_builds(workdir, cli):
    shutil.copytree(POSTS, workdir / "blog")
    run = cli("extract", "blog/ko-kubernetes.md", "-o", "content/k8s.yaml")
    assert run.code == 0, run.err
    copied = workdir / "content" / "images" / "k8s" / "deployment.png"
    assert copied.read_bytes() == (POSTS / "images" / "deployment.png").read_bytes()
    slide = next(s for sec in yaml.safe_load((workdir / "content/k8s.yaml").read_text())["sections"]
                 for s in sec["slides"] if s["kind"] == "image")
    assert slide["path"] == "images/k8s/deployment.png"
    assert cli("build", "content/k8s.yaml", "--out", "out").code == 0


def test_a_picture_already_inside_the_deck_folder_is_used_where_it_is(workdir, cli):
    shutil.copytree(POSTS, workdir / "content" / "posts")
    run = cli("extract", "content/posts/ko-kubernetes.md", "-o", "content/k8s.yaml")
    assert run.code == 0, run.err
    assert not (workdir / "content" / "images").exists()
    assert "path: posts/images/deployment.png" in (workdir / "content/k8s.yaml").read_text(encoding="utf-8")


def test_a_missing_post_is_an_input_error_without_a_traceback(workdir, cli):
    run = cli("extract", "nowhere.md")
    assert (run.code, run.lines) == (2, ["nowhere.md: file not found"])


def test_a_post_that_is_not_utf8_names_the_line(workdir, cli):
    (workdir / "post.md").write_bytes("# 제목\n\n좋은 글\n".encode("utf-8") + "한글".encode("cp949"))
    run = cli("extract", "post.md")
    assert run.code == 2
    assert run.lines == ["post.md:4:1: is not UTF-8 text (byte 0xc7); save the file as UTF-8"]


def test_an_empty_post_is_an_input_error(workdir, cli):
    (workdir / "post.md").write_text("\n  \n", encoding="utf-8")
    run = cli("extract", "post.md")
    assert run.code == 2
    assert run.lines == ["post.md: the post is empty: expected Markdown text (headings, paragraphs, lists, ...)"]
    (workdir / "front.md").write_text("---\ntitle: Only a title\n---\n", encoding="utf-8")
    run = cli("extract", "front.md")
    assert (run.code, run.lines) == (2, ["front.md: the post has front matter but no text after it"])


def test_broken_front_matter_is_an_input_error_at_its_line(workdir, cli):
    (workdir / "post.md").write_text("---\ntitle: x\ntags: [a, b\n---\n\nText.\n", encoding="utf-8")
    run = cli("extract", "post.md")
    assert run.code == 2 and "Traceback" not in run.err
    assert run.lines[0].startswith("post.md:3:") and "front matter: not valid YAML" in run.lines[0]
    (workdir / "list.md").write_text("---\n- a\n- b\n---\n\nText.\n", encoding="utf-8")
    run = cli("extract", "list.md")
    assert (run.code, run.lines) == (2, ["list.md:2:1: front matter must be a mapping of keys (title, date, ...), "
                                         "got list"])
