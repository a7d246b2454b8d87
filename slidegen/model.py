"""The typed deck model: metadata, sections, slide kinds, diagram specs and audience profiles.

A YAML key and its model field share one snake_case name; ``kind: two_column`` is
:class:`TwoColumnSlide`. This module imports nothing of slidegen.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, GetCoreSchemaHandler, WithJsonSchema,
                      field_validator, model_validator)
from pydantic_core import PydanticCustomError, core_schema

ANY_LANGUAGE = "*"
LANGUAGE_KEY = re.compile(r"^(?P<lang>[a-z]{2,3})(?:@(?P<audience>[a-z0-9_-]+))?$")
NAME = r"^[a-z0-9][a-z0-9_-]*$"
AT = "::"  # separates a key path from its message in the errors of model validators


def at(path: str, message: str) -> str:
    """A model validator's message about the key ``path`` below the model (``arrows[0].to``)."""
    return f"{path}{AT}{message}"

Level = Literal["intro", "core", "deep"]
LEVELS: tuple[str, ...] = ("intro", "core", "deep")


class Text(dict):
    """A text that may vary per language and audience.

    In YAML it is a plain string (the same in every language) or a map such as
    ``{ko: 도커, en: Docker, ko@ops: 운영용 도커}``; ``LANG@AUDIENCE`` wins for that audience.
    A plain string is stored under the key ``*``.
    """

    @classmethod
    def of(cls, value: str) -> "Text":
        """A text that reads the same in every language."""
        return cls({ANY_LANGUAGE: value})

    @classmethod
    def _validate(cls, value: Any) -> "Text":
        if isinstance(value, Text):
            return value
        if isinstance(value, str) and value.strip():
            return cls.of(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return cls.of(f"{value:g}" if isinstance(value, float) else str(value))
        if isinstance(value, dict) and value:
            for key, text in value.items():
                if not isinstance(key, str) or not LANGUAGE_KEY.match(key):
                    raise PydanticCustomError(
                        "text_language", "'{key}' is not a language code such as 'ko', 'en' or 'ko@ops'",
                        {"key": key})
                if isinstance(text, bool):
                    raise PydanticCustomError("text_bool", "the '{key}' text reads as {value} (YAML takes yes, no, "
                                              "on and off for true and false); put it in quotes",
                                              {"key": key, "value": str(text).lower()})
                if not isinstance(text, (str, int, float)) or not str(text).strip():
                    raise PydanticCustomError("text_value", "the '{key}' text must be a non-empty string",
                                              {"key": key})
            return cls({k: str(v) for k, v in value.items()})
        if isinstance(value, bool):
            raise PydanticCustomError("text_bool", "this text reads as {value} (YAML takes yes, no, on and off "
                                      "for true and false); put it in quotes", {"value": str(value).lower()})
        raise PydanticCustomError("text_type", "expected a text: a string or a map of language to string")

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler):
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda t: t.get(ANY_LANGUAGE, dict(t)) if isinstance(t, dict) else t),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema, handler):
        return {"anyOf": [{"type": "string", "minLength": 1}, TEXT_MAP_SCHEMA],
                "description": "A text: a string, or a map of language (or language@audience) to string."}


TEXT_MAP_SCHEMA = {"type": "object", "minProperties": 1, "propertyNames": {"pattern": LANGUAGE_KEY.pattern},
                   "additionalProperties": {"type": "string", "minLength": 1}}


def _blank_is_none(value: Any) -> Any:
    """A blank table cell (an empty string, or nothing at all) holds no text: None."""
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


Cell = Annotated[Union[Text, None], BeforeValidator(_blank_is_none), WithJsonSchema(
    {"anyOf": [{"type": "string"}, {"type": "null"}, TEXT_MAP_SCHEMA],
     "description": "A table cell: a text, or blank (an empty string, or nothing)."})]


class Node(BaseModel):
    """Base of every model: unknown keys are errors, models are immutable."""

    # defer_build: a validator is built when a class first validates, so a build makes the deck's
    # and the profiles' only, not one for each of the classes they nest (a tenth of a second).
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, defer_build=True)


class Selectable(Node):
    """Something a profile may include or leave out."""

    level: Level | None = Field(None, description="Lowest audience level that sees this: intro, core or deep.")
    audiences: list[Annotated[str, Field(pattern=NAME)]] = Field(
        default_factory=list, description="Only these audiences see it (empty: every audience).")
    tags: list[str] = Field(default_factory=list, description="Tags a profile may include or leave out.")


class Bullet(Selectable):
    """One bullet: a text and optional sub-bullets. In YAML a bare text is a bullet too."""

    text: Text
    sub: list[Text] = Field(default_factory=list, description="Second-level bullets.")

    @model_validator(mode="before")
    @classmethod
    def _bare_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"text": data}
        if isinstance(data, dict) and data and all(isinstance(k, str) and LANGUAGE_KEY.match(k)
                                                   for k in data) and "text" not in data:
            return {"text": data}
        return data


class SlideBase(Selectable):
    """Fields every slide kind has."""

    kind_name: ClassVar[str] = ""
    title: Text | None = None
    notes: Text | None = Field(None, description="Speaker notes: the lecture script for this slide.")
    minutes: float | None = Field(None, ge=0, le=120, description="Time to present; estimated when absent.")
    optional: Annotated[int, Field(ge=0, le=9), WithJsonSchema(
        {"anyOf": [{"type": "boolean"}, {"type": "integer", "minimum": 0, "maximum": 9}]})] = Field(
        0, description="May be dropped to fit the class length: true or 1 to 9; higher numbers are dropped "
                       "first (true is 1).")

    @field_validator("optional", mode="before")
    @classmethod
    def _true_is_one(cls, value: Any) -> Any:
        return int(value) if isinstance(value, bool) else value


class TitleSlide(SlideBase):
    """The opening slide; title and subtitle default to the deck's."""

    kind: Literal["title"]
    subtitle: Text | None = None


class AgendaSlide(SlideBase):
    """The list of sections, generated from the deck, with their minutes."""

    kind: Literal["agenda"]


class BulletsSlide(SlideBase):
    """A title and up to two levels of bullets; ``**bold**`` and `` `code` `` work inline."""

    kind: Literal["bullets"]
    title: Text
    bullets: list[Bullet] = Field(min_length=1)
    numbered: bool = Field(False, description="Number the bullets (①, ②, ...) for steps in order.")


class Column(Node):
    """One side of a two-column slide."""

    heading: Text
    bullets: list[Bullet] = Field(min_length=1)


class TwoColumnSlide(SlideBase):
    """Two columns side by side: a comparison (``versus``) or a problem and its solution (``arrow``)."""

    kind: Literal["two_column"]
    title: Text
    left: Column
    right: Column
    style: Literal["versus", "arrow"] = "versus"


class Card(Node):
    """A card: a term, its definition and an optional command."""

    title: Text
    body: Text
    code: Text | None = Field(None, description="A command shown at the foot of the card.")


class CardsSlide(SlideBase):
    """Two to four cards side by side, for definitions."""

    kind: Literal["cards"]
    title: Text
    cards: list[Card] = Field(min_length=2, max_length=4)


class QuoteSlide(SlideBase):
    """A quotation with its source."""

    kind: Literal["quote"]
    text: Text
    attribution: Text | None = None


class CalloutSlide(SlideBase):
    """A key message in a coloured box."""

    kind: Literal["callout"]
    title: Text
    text: Text
    style: Literal["info", "tip", "warning"] = "info"


class CodeSlide(SlideBase):
    """Source code as text, coloured by Pygments."""

    kind: Literal["code"]
    title: Text
    language: str = Field("text", description="A Pygments lexer name: bash, python, dockerfile, yaml, ...")
    code: Text = Field(description="The code: one string, or one per language when its comments or "
                                   "strings are translated.")
    caption: Text | None = None


class TableSlide(SlideBase):
    """A real table: a header row and data rows of the same width."""

    kind: Literal["table"]
    title: Text
    columns: list[Cell] = Field(min_length=1, max_length=8)
    rows: list[list[Cell]] = Field(min_length=1)
    caption: Text | None = None

    @model_validator(mode="after")
    def _rows_match_columns(self) -> "TableSlide":
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(at(f"rows[{i}]", f"has {len(row)} cells; the table has {len(self.columns)} columns"))
        return self


class ImageSlide(SlideBase):
    """A local picture with its alt text."""

    kind: Literal["image"]
    title: Text
    path: str = Field(description="Picture file, relative to the deck file.")
    alt: Text = Field(description="What the picture shows, for people who cannot see it.")
    caption: Text | None = None


# ---- diagrams -------------------------------------------------------------------------------

class Series(Node):
    """One series of a bar chart: a value per category."""

    name: Text
    values: list[float] = Field(min_length=1)


class Metric(Node):
    """One panel of a bar chart: a measured quantity with its unit and one series per thing compared."""

    name: Text
    unit: str = ""
    log: bool = False
    series: list[Series] = Field(min_length=1)


class BarsDiagram(Node):
    """Bar charts from a small table: categories x series, one panel per metric."""

    kind: Literal["bars"]
    categories: list[Text] = Field(min_length=1)
    metrics: list[Metric] = Field(min_length=1, max_length=4)
    source: Text | None = Field(None, description="Where the numbers come from, cited under the chart.")

    @model_validator(mode="after")
    def _shape(self) -> "BarsDiagram":
        n = len(self.categories)
        problems = []
        for m, metric in enumerate(self.metrics):
            for s, series in enumerate(metric.series):
                where = f"metrics[{m}].series[{s}].values"
                if len(series.values) != n:
                    problems.append(at(where, f"has {len(series.values)} values; there are {n} categories"))
                if not all(math.isfinite(v) for v in series.values):
                    problems.append(at(where, "values must be finite numbers (not .nan or .inf)"))
                elif metric.log and any(v <= 0 for v in series.values):
                    problems.append(at(where, "a log scale cannot show a value of 0 or less"))
                elif any(v < 0 for v in series.values):
                    problems.append(at(where, "bars cannot show negative values"))
        if problems:
            raise ValueError("\n".join(problems))
        return self


class Layer(Node):
    """One layer of a stack; ``shared`` layers span all stacks, ``repeat`` draws it per app, and
    ``names`` names each copy (App A, App B) where ``name`` would name them all alike."""

    name: Text | None = None
    names: list[Text] = Field(default_factory=list, max_length=4,
                              description="A name per copy; repeat defaults to how many there are.")
    shared: bool = False
    repeat: int = Field(1, ge=1, le=4)
    highlight: bool = False

    @model_validator(mode="before")
    @classmethod
    def _one_copy_per_name(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("names"), list) and "repeat" not in data:
            return {**data, "repeat": max(1, len(data["names"]))}
        return data

    @model_validator(mode="after")
    def _named(self) -> "Layer":
        if self.name is None and not self.names:
            raise ValueError(at("name", "a layer needs a name, or names (one per copy)"))
        if self.names and len(self.names) != self.repeat:
            raise ValueError(at("names", f"gives {len(self.names)} names for {self.repeat} copies "
                                         f"(repeat: {self.repeat}); give one name per copy"))
        return self

    def label(self, copy: int) -> "Text":
        """The name drawn on copy ``copy`` of the layer."""
        return self.names[copy] if self.names else self.name


class Stack(Node):
    """A stack of layers, listed from the top down."""

    name: Text
    layers: list[Layer] = Field(min_length=1)


class StacksDiagram(Node):
    """Layered stacks side by side, such as VM vs container architecture."""

    kind: Literal["stacks"]
    stacks: list[Stack] = Field(min_length=1, max_length=4)

    @property
    def shared(self) -> list[Layer]:
        """The layers every stack stands on: the shared layers, as the stacks that list them list them."""
        for stack in self.stacks:
            layers = [layer for layer in stack.layers if layer.shared]
            if layers:
                return layers
        return []

    @model_validator(mode="after")
    def _shared_at_bottom(self) -> "StacksDiagram":
        """Shared layers are drawn once under every stack: each stack lists them last, and alike."""
        problems, first = [], None
        for s, stack in enumerate(self.stacks):
            flags = [layer.shared for layer in stack.layers]
            if True in flags and not all(flags[flags.index(True):]):
                i = flags.index(True)
                problems.append(at(f"stacks[{s}].layers[{i}].shared",
                                   "a shared layer spans every stack, so it must come after the stack's own layers"))
                continue
            shared = [layer for layer in stack.layers if layer.shared]
            if shared and first is None:
                first = (s, shared)
            elif shared and shared != first[1]:
                problems.append(at(f"stacks[{s}].layers", f"lists other shared layers than stacks[{first[0]}]; "
                                                          "list the shared layers once, in one stack"))
        if problems:
            raise ValueError("\n".join(problems))
        return self


class Box(Node):
    """A box in a flow diagram."""

    id: str = Field(pattern=r"^[A-Za-z0-9_-]+$")
    label: Text
    zone: str | None = None


class Arrow(Node):
    """A labelled arrow between two boxes."""

    source: str = Field(alias="from")
    target: str = Field(alias="to")
    label: Text | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Zone(Node):
    """A named group of boxes."""

    id: str = Field(pattern=r"^[A-Za-z0-9_-]+$")
    label: Text


class FlowDiagram(Node):
    """Boxes and labelled arrows, optionally grouped in zones."""

    kind: Literal["flow"]
    direction: Literal["right", "rows"] = "right"
    zones: list[Zone] = Field(default_factory=list)
    boxes: list[Box] = Field(min_length=1)
    arrows: list[Arrow] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> "FlowDiagram":
        ids = [b.id for b in self.boxes]
        zones = {z.id for z in self.zones}
        problems = []
        for i, zone in enumerate(self.zones):
            if [z.id for z in self.zones].index(zone.id) != i:
                problems.append(at(f"zones[{i}].id", f"'{zone.id}' is already the id of another zone"))
        for i, box in enumerate(self.boxes):
            if ids.index(box.id) != i:
                problems.append(at(f"boxes[{i}].id", f"'{box.id}' is already the id of another box"))
            if box.zone is not None and box.zone not in zones:
                problems.append(at(f"boxes[{i}].zone", f"'{box.zone}' is not a declared zone"))
        for i, arrow in enumerate(self.arrows):
            for end in ("source", "target"):
                name = getattr(arrow, end)
                if name not in ids:
                    key = "from" if end == "source" else "to"
                    problems.append(at(f"arrows[{i}].{key}", f"'{name}' is not a box"
                                       + (f" (boxes: {', '.join(ids)})" if ids else "")))
            if arrow.source == arrow.target:
                problems.append(at(f"arrows[{i}].to", f"an arrow joins two boxes; this one goes from "
                                                      f"'{arrow.source}' to itself"))
        if problems:
            raise ValueError("\n".join(problems))
        return self


Diagram = Annotated[Union[BarsDiagram, StacksDiagram, FlowDiagram], Field(discriminator="kind")]
DIAGRAM_KINDS: tuple[str, ...] = ("bars", "stacks", "flow")


class DiagramSlide(SlideBase):
    """A diagram drawn from data; the alt text is generated from the data unless given."""

    kind: Literal["diagram"]
    title: Text
    diagram: Diagram
    alt: Text | None = None
    caption: Text | None = None


class SummarySlide(SlideBase):
    """The take-away points."""

    kind: Literal["summary"]
    title: Text | None = None
    points: list[Bullet] = Field(min_length=1)


class QuestionSlide(SlideBase):
    """A review question; the answer goes to the speaker notes, not the slide."""

    kind: Literal["question"]
    question: Text
    choices: list[Text] = Field(default_factory=list, max_length=6)
    answer: Text


class NextLecture(Node):
    """What the next lecture covers."""

    title: Text
    topics: list[Text] = Field(default_factory=list)


class ClosingSlide(SlideBase):
    """The last slide: thanks, and the next lecture."""

    kind: Literal["closing"]
    message: Text | None = None
    next: NextLecture | None = None


Slide = Annotated[
    Union[TitleSlide, AgendaSlide, BulletsSlide, TwoColumnSlide, CardsSlide, QuoteSlide,
          CalloutSlide, CodeSlide, TableSlide, ImageSlide, DiagramSlide, SummarySlide,
          QuestionSlide, ClosingSlide],
    Field(discriminator="kind"),
]
SLIDE_KINDS: tuple[str, ...] = (
    "title", "agenda", "bullets", "two_column", "cards", "quote", "callout", "code", "table",
    "image", "diagram", "summary", "question", "closing")


class Section(Selectable):
    """A part of the lecture: a divider slide, then its slides."""

    title: Text
    divider: bool | None = Field(None, description="Open the section with a divider slide (default: yes, "
                                                    "unless the section holds the title slide).")
    slides: list[Slide] = Field(default_factory=list)


class Profile(Node):
    """An audience: who is in the room, in what language, for how long."""

    language: str = Field(pattern=r"^[a-z]{2,3}$")
    levels: list[Level] = Field(default_factory=lambda: ["intro", "core"], min_length=1)
    minutes: int = Field(ge=5, le=600, description="Class length in minutes.")
    include_tags: list[str] = Field(default_factory=list,
                                    description="Tagged content is left out unless its tag is listed.")
    exclude_tags: list[str] = Field(default_factory=list, description="Content with these tags is left out.")
    theme: str | None = Field(None, description="A built-in theme: light, dark or contrast.")
    template: str | None = Field(None, description="A .pptx/.potx to build on, relative to this file.")
    layouts: dict[str, str] = Field(default_factory=dict,
                                    description="Slide kind (or 'default') -> layout name in the template.")
    description: Text | None = None


class ProfileFile(Node):
    """A shared file of audience profiles used by every deck in its folder."""

    audiences: dict[Annotated[str, Field(pattern=NAME)], Profile] = Field(min_length=1)


class Deck(Node):
    """A lecture: metadata, audience profiles and sections."""

    title: Text
    subtitle: Text | None = None
    author: Text | None = None
    date: _dt.date | None = None
    source: str | None = Field(None, description="The post this lecture was made from.")
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]] = Field(
        default_factory=lambda: ["ko"], min_length=1)
    audiences: dict[Annotated[str, Field(pattern=NAME)], Profile] = Field(default_factory=dict)
    sections: list[Section] = Field(min_length=1)

    @field_validator("date", mode="before")
    @classmethod
    def _day_of(cls, value: Any) -> Any:
        """A timestamp (``2025-10-14 14:30:00 +0900``, as blog front matter has) counts as its day."""
        return value.date() if isinstance(value, _dt.datetime) else value
