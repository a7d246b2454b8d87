"""Diagram specs, audiences and figure readers shared by the diagram tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from pydantic import TypeAdapter

from slidegen import model as m
from slidegen.audience import resolve
from slidegen.theme import THEMES


def spec(raw: dict):
    """A diagram spec validated as the deck loader validates it."""
    return TypeAdapter(m.Diagram).validate_python(raw)


@dataclass(frozen=True)
class Reader:
    """What ``picture()`` needs from an audience's cut: its language and a text picker."""

    lang: str

    def pick(self, text):
        return resolve(text, self.lang, "class")


@pytest.fixture(params=["ko", "en"])
def reader(request) -> Reader:
    return Reader(request.param)


@pytest.fixture
def theme():
    return THEMES["light"]


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Every test draws into its own cache folder."""
    monkeypatch.setenv("SLIDEGEN_CACHE", str(tmp_path / "cache"))


def texts(fig) -> list:
    """Every visible, non-empty text artist of a figure (tick labels and titles included)."""
    from matplotlib.text import Text
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def by_gid(fig, cls=None) -> dict:
    """Artists with a gid, by gid (of class ``cls`` when given)."""
    found = {}
    for artist in fig.findobj(lambda a: a.get_gid() is not None):
        if cls is None or isinstance(artist, cls):
            found.setdefault(artist.get_gid(), artist)
    return found


DOCKER_USAGE = {
    "kind": "bars",
    "categories": [{"ko": "가상 머신", "en": "Virtual machine"}, {"ko": "컨테이너", "en": "Container"}],
    "metrics": [
        {"name": {"ko": "메모리", "en": "Memory"}, "unit": "MB",
         "series": [{"name": {"ko": "일반", "en": "Typical"}, "values": [1024, 50]}]},
        {"name": {"ko": "이미지 크기", "en": "Image size"}, "unit": "MB", "log": True,
         "series": [{"name": {"ko": "일반", "en": "Typical"}, "values": [10000, 120]}]},
        {"name": {"ko": "시작 시간", "en": "Start-up time"}, "unit": "s", "log": True,
         "series": [{"name": {"ko": "일반", "en": "Typical"}, "values": [45, 0.5]}]},
    ],
    "source": {"ko": "예시 값", "en": "Example values"},
}

ARCHITECTURE = {
    "kind": "stacks",
    "stacks": [
        {"name": {"ko": "가상 머신", "en": "Virtual machines"}, "layers": [
            {"name": {"ko": "앱", "en": "App"}, "repeat": 3},
            {"name": {"ko": "게스트 OS", "en": "Guest OS"}, "repeat": 3, "highlight": True},
            {"name": {"ko": "하이퍼바이저", "en": "Hypervisor"}},
            {"name": {"ko": "호스트 OS", "en": "Host OS"}},
            {"name": {"ko": "하드웨어", "en": "Hardware"}}]},
        {"name": {"ko": "컨테이너", "en": "Containers"}, "layers": [
            {"name": {"ko": "앱", "en": "App"}, "repeat": 3},
            {"name": {"ko": "컨테이너 엔진", "en": "Container engine"}, "highlight": True},
            {"name": {"ko": "호스트 OS", "en": "Host OS"}},
            {"name": {"ko": "하드웨어", "en": "Hardware"}}]},
    ],
}

SHARED_HOST = {
    "kind": "stacks",
    "stacks": [
        {"name": "A", "layers": [{"name": {"ko": "앱 A", "en": "App A"}},
                                 {"name": "Docker", "shared": True}, {"name": {"ko": "인프라", "en": "Infra"}, "shared": True}]},
        {"name": "B", "layers": [{"name": {"ko": "앱 B", "en": "App B"}}]},
    ],
}

CLIENT_DAEMON = {
    "kind": "flow",
    "zones": [{"id": "client", "label": {"ko": "클라이언트", "en": "Client"}},
              {"id": "host", "label": {"ko": "도커 호스트", "en": "Docker host"}},
              {"id": "registry", "label": {"ko": "레지스트리", "en": "Registry"}}],
    "boxes": [{"id": "cli", "label": "docker CLI", "zone": "client"},
              {"id": "daemon", "label": {"ko": "도커 데몬", "en": "Docker daemon"}, "zone": "host"},
              {"id": "images", "label": {"ko": "이미지", "en": "Images"}, "zone": "host"},
              {"id": "containers", "label": {"ko": "컨테이너", "en": "Containers"}, "zone": "host"},
              {"id": "hub", "label": "Docker Hub", "zone": "registry"}],
    "arrows": [{"from": "cli", "to": "daemon", "label": "docker build"},
               {"from": "cli", "to": "daemon", "label": "docker pull"},
               {"from": "cli", "to": "daemon", "label": "docker run"},
               {"from": "daemon", "to": "images", "label": {"ko": "빌드", "en": "build"}},
               {"from": "hub", "to": "images", "label": "pull"},
               {"from": "images", "to": "containers", "label": {"ko": "실행", "en": "run"}}],
}

WORKFLOW = {
    "kind": "flow",
    "boxes": [{"id": "file", "label": "Dockerfile"},
              {"id": "image", "label": {"ko": "이미지", "en": "Image"}},
              {"id": "registry", "label": {"ko": "레지스트리 (Docker Hub / 사설)", "en": "Registry (Docker Hub / private)"}},
              {"id": "server", "label": {"ko": "서버", "en": "Server"}},
              {"id": "container", "label": {"ko": "컨테이너", "en": "Container"}}],
    "arrows": [{"from": "file", "to": "image", "label": "build"},
               {"from": "image", "to": "registry", "label": "push"},
               {"from": "registry", "to": "server", "label": "pull"},
               {"from": "server", "to": "container", "label": "run"}],
}

NAMED_APPS = {
    "kind": "stacks",
    "stacks": [
        {"name": {"ko": "가상 머신", "en": "Virtual machines"}, "layers": [
            {"names": [{"ko": "앱 A", "en": "App A"}, {"ko": "앱 B", "en": "App B"}]},
            {"name": {"ko": "게스트 OS", "en": "Guest OS"}, "repeat": 2},
            {"name": {"ko": "하이퍼바이저", "en": "Hypervisor"}}]},
    ],
}
