"""Alt text: what the diagram shows and all its data, phrased in the audience's language."""

from __future__ import annotations

from slidegen.diagrams.alt import alt_text

from .conftest import ARCHITECTURE, CLIENT_DAEMON, DOCKER_USAGE, NAMED_APPS, SHARED_HOST, WORKFLOW, Reader, spec


def alt(raw, lang):
    return alt_text(spec(raw), Reader(lang).pick, lang)


def test_bars_alt_text_gives_every_value_with_its_unit():
    assert alt(DOCKER_USAGE, "en") == (
        "Bar chart comparing Virtual machine and Container in 3 panels. "
        "Memory (MB): Virtual machine 1,024 MB, Container 50 MB. "
        "Image size (MB, log scale): Virtual machine 10,000 MB, Container 120 MB. "
        "Start-up time (s, log scale): Virtual machine 45 s, Container 0.5 s.")
    assert alt(DOCKER_USAGE, "ko") == (
        "막대그래프: 가상 머신, 컨테이너 비교 (패널 3개). "
        "메모리 (MB): 가상 머신 1,024 MB, 컨테이너 50 MB. "
        "이미지 크기 (MB, 로그 눈금): 가상 머신 10,000 MB, 컨테이너 120 MB. "
        "시작 시간 (s, 로그 눈금): 가상 머신 45 s, 컨테이너 0.5 s.")


def test_bars_alt_text_names_the_series_when_there_are_several():
    raw = {"kind": "bars", "categories": ["VM", "CT"], "metrics": [{"name": "RAM", "unit": "GB", "series": [
        {"name": "min", "values": [1, 0.1]}, {"name": "max", "values": [4, 0.5]}]}]}
    assert alt(raw, "en") == "Bar chart comparing VM and CT. RAM (GB): VM: min 1 GB, max 4 GB; CT: min 0.1 GB, max 0.5 GB."


def test_stacks_alt_text_lists_each_stack_from_the_top():
    assert alt(ARCHITECTURE, "en") == (
        "Layer diagram of 2 stacks, each listed from top to bottom. "
        "Virtual machines: App ×3, Guest OS ×3 (highlighted), Hypervisor, Host OS, Hardware. "
        "Containers: App ×3, Container engine (highlighted), Host OS, Hardware.")
    assert alt(ARCHITECTURE, "ko").startswith("계층 구조 그림: 스택 2개")
    assert "가상 머신: 앱 ×3, 게스트 OS ×3 (강조), 하이퍼바이저, 호스트 OS, 하드웨어." in alt(ARCHITECTURE, "ko")


def test_stacks_alt_text_names_each_named_copy():
    assert alt(NAMED_APPS, "en") == ("Layer diagram of 1 stacks, each listed from top to bottom. "
                                     "Virtual machines: App A, App B, Guest OS ×2, Hypervisor.")


def test_stacks_alt_text_says_which_layers_all_stacks_share():
    assert alt(SHARED_HOST, "en") == (
        "Layer diagram of 2 stacks, each listed from top to bottom. A: App A. B: App B. "
        "Under every stack, shared: Docker, Infra.")


def test_flow_alt_text_gives_the_zones_and_every_arrow():
    assert alt(CLIENT_DAEMON, "en") == (
        "Flow diagram of 5 boxes in 3 zones. Client: docker CLI. Docker host: Docker daemon, Images, Containers. "
        "Registry: Docker Hub. Arrows: docker CLI -> Docker daemon: docker build; "
        "docker CLI -> Docker daemon: docker pull; docker CLI -> Docker daemon: docker run; "
        "Docker daemon -> Images: build; Docker Hub -> Images: pull; Images -> Containers: run.")
    assert alt(WORKFLOW, "ko").startswith("흐름도: 상자 5개. 상자: Dockerfile, 이미지, ")
    assert "화살표: Dockerfile -> 이미지: build; 이미지 -> 레지스트리 (Docker Hub / 사설): push;" in alt(WORKFLOW, "ko")


def test_other_languages_get_english_phrasing_around_their_own_labels():
    assert alt(WORKFLOW, "ja").startswith("Flow diagram of 5 boxes.")
