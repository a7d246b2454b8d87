"""Each test post, slide by slide: kinds, titles, bullets, and what went to the notes."""

from __future__ import annotations

import pytest

from tests.extract.helpers import outline, plan, slides


@pytest.fixture
def docker(posts):
    return posts["docker-01-basics.md"]


def test_docker_post_becomes_sections_of_bullets_callouts_code_and_a_comparison(docker):
    data, _ = docker
    assert [s["title"] for s in data["sections"]] == [
        "왜 도커(Docker)를 사용하는가?", "이미지와 컨테이너, 도커의 개념", "가상 머신(VM) vs 도커 컨테이너",
        "도커 아키텍처: 클라이언트와 데몬", "도커 레지스트리(Registry): 이미지 보관소", "마무리"]
    assert outline(data) == [
        ("title", ""), ("agenda", ""),
        ("bullets", "왜 도커(Docker)를 사용하는가?"), ("bullets", "도커의 해결 방식"),
        ("callout", "환경의 표준화 및 격리"), ("bullets", "도커의 핵심 원리"),
        ("bullets", "이미지(Image)와 컨테이너(Container), 도커(Docker)의 개념"),
        ("callout", "이미지 (Image)"), ("code", "이미지 (Image)"),
        ("callout", "컨테이너 (Container)"), ("code", "컨테이너 (Container)"),
        ("callout", "가상 머신(VM) vs 도커 컨테이너 (그림)"), ("two_column", "가상 머신(VM) vs 도커 컨테이너"),
        ("callout", "도커 아키텍처: 클라이언트와 데몬 (그림)"), ("bullets", "도커 아키텍처: 클라이언트와 데몬"),
        ("callout", "도커 레지스트리(Registry): 이미지 보관소 (그림)"),
        ("bullets", "도커 레지스트리(Registry): 이미지 보관소"),
        ("bullets", "마무리"), ("closing", "")]


def test_docker_front_matter_becomes_the_deck_metadata_in_korean(docker):
    data, extracted = docker
    assert data["title"] == "Docker #1 - 기초 개념과 사용 이유"
    assert data["subtitle"] == "Docker의 핵심 개념과 왜 사용하는지, VM과의 차이점, Dockerfile 명령어 정리"
    assert str(data["date"]) == "2025-10-14"
    assert data["languages"] == ["ko"]
    assert "#   categories: [Docker, 컨테이너]" in extracted.text
    assert "#   pin: false" in extracted.text
    assert data["sections"][0]["divider"] is False


def test_docker_nested_lists_keep_two_levels_and_bold(docker):
    first = slides(docker[0])[2]
    assert first["bullets"][0] == {
        "text": "**내 컴퓨터에서는 잘되는데?**",
        "sub": ["개발자마다 사용하는 운영체제, 라이브러리 버전이 달라 팀원의 컴퓨터나 실제 서버에서 코드가 동작하지 "
                "않는 문제가 빈번하게 발생한다."]}
    assert first["bullets"][1]["sub"][1] == "**이때문에 서로 다른 버전의 도구나 라이브러리가 충돌할 수 있다.**"
    assert first["notes"] == "도커는 기존 개발 및 운영 방식의 고질적인 문제를 해결하기 위해 등장했다."


def test_docker_bold_line_is_a_slide_title_and_its_prose_the_notes(docker):
    core = slides(docker[0])[5]
    assert core["title"] == "도커의 핵심 원리"
    assert core["notes"] == "도커는 애플리케이션과 그 실행 환경 전체를 하나의 이미지로 박제한다."
    assert core["bullets"][2] == {"text": "**효과**:", "sub": [
        "개발, 테스트, 운영 서버 환경이 **100% 동일**해진다", "환경 차이로 인한 버그가 사라진다",
        "개발자는 더 이상 인프라 환경 설정에 신경쓰지 않고, **코드에만 집중**할 수 있게 된다"]}


def test_docker_quotes_and_code_nested_in_list_items_get_their_own_slides(docker):
    made = slides(docker[0])
    assert made[4]["text"] == "이 설계도가 `Dockerfile`이다."
    assert made[7]["text"] == "설계도 또는 틀과 같다."
    assert (made[8]["language"], made[8]["code"]) == ("bash", "docker build  # 이미지 생성 명령어\n")
    assert (made[10]["language"], made[10]["code"]) == ("bash", "docker run  # 컨테이너 생성 명령어\n")


def test_docker_vm_versus_container_is_a_two_column_slide(docker):
    versus = slides(docker[0])[12]
    assert versus["left"]["heading"] == "가상 머신 (Virtual Machine)"
    assert versus["right"]["heading"] == "도커 컨테이너"
    assert versus["left"]["bullets"][1] == "**장점**: 환경을 완벽히 분리할 수 있음"
    assert len(versus["right"]["bullets"]) == 2


def test_docker_remote_pictures_are_marked_placeholders_and_reported_with_their_line(docker):
    data, extracted = docker
    placeholders = [s for s in slides(data) if s["kind"] == "callout" and s.get("style") == "warning"]
    assert len(placeholders) == 3
    url = "https://github.com/user-attachments/assets/067528f3-2d43-4cb9-82f3-0f5f532b2802"
    assert placeholders[0]["text"] == f"이미지 자리: {url}"
    assert url in placeholders[0]["notes"]
    assert f"# remote image: {url}" in extracted.text
    assert [w.split(": remote image not downloaded: ")[0].rsplit(":", 1)[1] for w in extracted.warnings] == [
        "79", "94", "111"]
    assert all(w.startswith(f"{extracted.warnings[0].split(':')[0]}:") for w in extracted.warnings)


def test_docker_prose_only_wrap_up_becomes_bullets_with_the_paragraph_in_the_notes(docker):
    wrap = slides(docker[0])[-2]
    assert wrap["bullets"] == [
        "이번 포스트에서는 도커의 기본 개념과 사용 이유, 핵심 구성 요소들에 대해 알아보았다.",
        "다음 포스트에서는 Dockerfile 작성법과 이미지 레이어, 캐싱 전략 등 더 심화된 내용을 다룰 예정이다."]
    assert "알아보았다. 다음 포스트에서는" in wrap["notes"]


def test_korean_post_with_html_liquid_tables_and_pictures(posts):
    data, extracted = posts["ko-kubernetes.md"]
    assert outline(data) == [
        ("title", ""), ("agenda", ""),
        ("bullets", "파드(Pod)란 무엇인가"), ("callout", "파드의 특징"), ("code", "파드 정의하기"),
        ("callout", "파드(Pod)란 무엇인가"), ("table", "파드의 생명주기"), ("code", "실습: 파드 만들기"),
        ("image", "디플로이먼트 구조"), ("callout", "클러스터 전체 그림"), ("callout", "롤링 업데이트 과정"),
        ("bullets", "더 알아보기: 레플리카셋"),
        ("bullets", "마무리"), ("closing", "")]
    made = slides(data)
    assert data["author"] == "김강사" and data["languages"] == ["ko"]
    assert "쿠버네티스를 처음 배우는 사람을 위한 글이다." in made[0]["notes"]
    assert "- 서로 localhost로 통신한다." in made[2]["notes"]  # the third level goes to the notes
    assert made[4]["language"] == "yaml" and made[4]["code"].startswith("apiVersion: v1\nkind: Pod\n")
    assert made[5]["style"] == "tip"  # {: .prompt-tip }
    assert made[6]["columns"] == ["단계", "의미"]
    assert made[6]["rows"][1] == ["`Running`", "컨테이너가 **실행 중**"]
    assert made[6]["rows"][3] == ["Failed", ""]  # an empty cell stays blank
    assert made[8]["path"] == "images/k8s/deployment.png" and made[8]["alt"] == "디플로이먼트 구조"
    assert made[9]["text"] == "이미지 자리: https://example.com/k8s/cluster.png"
    assert made[10]["text"] == "이미지 자리: https://example.com/k8s/rollout.gif"
    assert made[11]["bullets"][0] == "레플리카셋은 지정한 수의 파드가 항상 실행되도록 보장한다."
    assert "# Liquid left out: {% include embed/youtube.html id='abc123' %}" in extracted.text
    assert len(extracted.warnings) == 2
    shown = [s for slide in made for key, value in slide.items() if key != "notes" for s in _texts(value)]
    assert not any(mark in s for s in shown for mark in ("{%", "{{", "<details", "<summary", "<br", "<img"))


def _texts(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def test_english_post_alerts_asides_highlight_blocks_and_a_comparison(posts):
    data, extracted = posts["en-git.md"]
    assert data["languages"] == ["en"]
    assert outline(data) == [
        ("title", ""), ("agenda", ""), ("bullets", "Why branches"), ("callout", "Why branches"),
        ("code", "Commands"), ("code", "Commands"),
        ("two_column", "Merge vs rebase"), ("table", "Merge vs rebase"), ("callout", "Merge vs rebase"),
        ("bullets", "Summary"), ("closing", "")]
    made = slides(data)
    assert made[2]["bullets"] == ["1. Work in isolation.", "2. Review every change before merging.",
                                  "3. Keep `main` releasable at all times."]
    assert (made[3]["style"], made[3]["text"]) == ("warning", "Never rewrite history that others have already pulled.")
    assert made[4]["language"] == "shell" and made[4]["notes"] == "Create a branch and switch to it in one step:"
    assert made[5]["language"] == "python" and "def current_branch():" in made[5]["code"]
    assert made[6]["left"] == {"heading": "Merge", "bullets": ["Keeps every commit as it happened.",
                                                               "Adds a merge commit."]}
    assert made[8]["text"] == "Pick one strategy per repository and write it down."
    assert made[9]["bullets"][2] == "Read more in the Pro Git book."
    assert "# link: Pro Git book <https://git-scm.com/book>" in extracted.text
    assert extracted.warnings == []


def test_long_section_splits_into_slides_that_each_fit_without_the_planner_splitting(posts):
    data, extracted = posts["long-logging.md"]
    kinds = [k for k, _ in outline(data)]
    assert kinds.count("bullets") == 11 and kinds.count("code") == 3 and kinds.count("table") == 5
    assert kinds.count("callout") == 2
    titles = [t for k, t in outline(data) if k == "bullets"]
    assert titles[:2] == ["One very long section", "One very long section (cont.)"]
    planned, errors, warnings = plan(extracted.text)
    assert (errors, warnings) == ([], [])  # no "too much for one slide" and no error
    tables = [s for s in slides(data) if s["kind"] == "table"]
    assert [len(t["rows"]) for t in tables] == [8, 8, 8, 8, 8]
    bodies = [p for p in planned if p.kind == "bullets"]
    assert all(min(para.size for para in p.parts["paras"] if para.level == 1) >= 24 for p in bodies)


def test_a_bullet_too_long_for_a_slide_keeps_its_first_sentences_and_all_of_it_goes_to_the_notes(posts):
    data, _ = posts["long-logging.md"]
    long = None
    for slide in slides(data):
        for bullet in slide.get("bullets", []):
            text = bullet if isinstance(bullet, str) else bullet["text"]
            if text.startswith("Long item sentence 1"):
                long = (slide, text)
    assert long is not None
    slide, text = long
    assert "Long item sentence 8" not in text
    assert "Long item sentence 8" in slide["notes"]


def test_a_bullet_with_many_sub_bullets_continues_under_the_same_bullet(posts):
    data, _ = posts["long-logging.md"]
    parts = [b for s in slides(data) for b in s.get("bullets", [])
             if isinstance(b, dict) and b["text"] == "Item with many details"]
    assert [len(p["sub"]) for p in parts] == [7, 7]


def test_long_code_is_split_at_blank_lines_and_long_lines_are_wrapped(posts):
    data, extracted = posts["long-logging.md"]
    code = [s for s in slides(data) if s["kind"] == "code"]
    first = code[0]["code"].split("\n")
    assert first[0].startswith("2022-01-15T10:00:00Z level=info service=checkout key1=value1")
    assert first[1].startswith("  key")  # the continuation of the wrapped line
    assert "key24=value24" in code[0]["notes"].split("\n")[0]
    assert "# TODO: long code lines were wrapped to fit; the notes keep them as written" in extracted.text
    assert all(not c["code"].startswith("\n") for c in code)


def test_essay_like_section_shows_the_first_sentence_of_each_paragraph(posts):
    data, _ = posts["long-logging.md"]
    essay = [s for s in slides(data) if s["section"] == "An essay section" and s["kind"] == "bullets"]
    bullets = [b for s in essay for b in s["bullets"]]
    assert len(bullets) == 12 and all(" sentence 1 " in b for b in bullets)
    assert "Paragraph 1 sentence 3" in essay[0]["notes"]
    assert "Paragraph 12 sentence 3" in essay[-1]["notes"]
