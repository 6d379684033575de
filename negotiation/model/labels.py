"""Names in several languages: English required, any other language optional.

A labelled thing is written in a data file as ``{en: Russia, ar: روسيا, fr: Russie}``. Every
key that looks like a language code (``ar``, ``fr``, ``pt-BR``) and is not one of the
model's own fields is a translation; ``label(lang)`` falls back to English where a
language is missing, and ``has_label(lang)`` says whether it had to.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_serializer, model_validator

from negotiation.model.frozen import FrozenDict
from negotiation.model.lang import Lang as Lang  # re-exported: Lang is defined once, in model/lang.py

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


class Labelled(BaseModel):
    """Anything with a name: ``en`` required, other languages in ``labels``."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    en: str = Field(min_length=1)
    labels: Annotated[dict[str, str], AfterValidator(FrozenDict)] = Field(default_factory=FrozenDict)
    """Names in languages other than English, by language code."""

    @model_validator(mode="before")
    @classmethod
    def _gather_languages(cls, data: Any) -> Any:
        """Move language-code keys (``ar: …``) that are not fields into ``labels``."""
        if not isinstance(data, dict):
            return data
        fields = cls.model_fields
        labels = dict(data.get("labels") or {})
        rest = {}
        for key, value in data.items():
            if key == "labels":
                continue
            if key not in fields and isinstance(key, str) and LANGUAGE_CODE.match(key):
                labels[key] = value
            else:
                rest[key] = value
        if labels:
            rest["labels"] = labels
        return rest

    @model_serializer(mode="wrap")
    def _inline_languages(self, handler: Any) -> Any:
        """Write translations back inline, as they are written in data files."""
        data = handler(self)
        if isinstance(data, dict):
            labels = data.pop("labels", None) or {}
            data.update(labels)
        return data

    @property
    def ar(self) -> str:
        """The Arabic name, falling back to English."""
        return self.label("ar")

    def label(self, lang: Lang = "en") -> str:
        """The name in ``lang``, or in English where that language is missing."""
        if lang == "en":
            return self.en
        return self.labels.get(lang) or self.en

    def has_label(self, lang: Lang) -> bool:
        """Whether a name in ``lang`` is given (English always is)."""
        return lang == "en" or bool(self.labels.get(lang))
