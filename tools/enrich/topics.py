"""Topics of a provision (corpus/topics.json): cue phrases found in its heading and text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .cues import folded
from .gazetteer import read_data


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str
    cues: tuple[str, ...]


@dataclass
class Topics:
    topics: list[Topic]
    regexes: list[tuple[str, re.Pattern]]
    examples: list[dict]

    def tag(self, text: str) -> list[str]:
        """Topic ids whose cues occur in `text`, in the order of corpus/topics.json."""
        f = folded(text)
        return [tid for tid, rx in self.regexes if rx.search(f)]

    def by_id(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}


@lru_cache(maxsize=1)
def load_topics() -> Topics:
    data = read_data("topics.json")
    topics, regexes = [], []
    for t in data["topics"]:
        topic = Topic(t["id"], t["name"], t.get("description", ""), tuple(t["cues"]))
        topics.append(topic)
        alts = sorted((r"\s".join(re.escape(w) for w in folded(c).split()) for c in topic.cues), key=len, reverse=True)
        regexes.append((topic.id, re.compile(r"(?<![a-z0-9])(?:" + "|".join(alts) + r")(?![a-z0-9])")))
    return Topics(topics, regexes, list(data.get("examples", [])))
