"""Every word the project itself writes, in English and Arabic.

Data (titles, labels, levels, party names) carries its own translations in the corpus;
this module holds the rest: column headers, verdicts, kinds and statuses, units and the
sentences of summaries. :func:`word` and :func:`say` fall back to English where a language
is missing, and :func:`missing` tells a renderer that it had to, so it can say so.

A language is a code such as ``en`` or ``ar``; :data:`RTL` lists the languages written
right to left.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from negotiation.model.arguments import known_lang
from negotiation.model.lang import Lang as Lang  # re-exported for the renderers
from negotiation.render.sentences import SENTENCES as SENTENCES  # the table of sentences, filled by say()
from negotiation.render.verdict_styles import StyleView

RTL = frozenset({"ar", "fa", "he", "ur"})
"""Languages written right to left."""

HEADERS: dict[str, dict[str, str]] = {
    "alpha": {"en": "Alpha", "ar": "ألفا"},
    "taken": {"en": "Taken", "ar": "مأخوذ"},
    "reason": {"en": "Why", "ar": "السبب"},
    "measurement": {"en": "Measurement", "ar": "مستوى القياس"},
    "units": {"en": "Both coded", "ar": "رمّزها الاثنان"},
    "only_a": {"en": "Only A", "ar": "أ فقط"},
    "only_b": {"en": "Only B", "ar": "ب فقط"},
    "a": {"en": "A", "ar": "أ"},
    "b": {"en": "B", "ar": "ب"},
    "accepts": {"en": "Accepts", "ar": "يقبل"},
    "apart": {"en": "Apart", "ar": "متباعدة"},
    "area": {"en": "Area", "ar": "المجال"},
    "authors": {"en": "Authors", "ar": "المؤلفون"},
    "both_stated": {"en": "Both state", "ar": "يذكرها الطرفان"},
    "change": {"en": "Change", "ar": "التغيير"},
    "closer_to": {"en": "Closer", "ar": "أقرب"},
    "confidence": {"en": "Confidence", "ar": "الثقة"},
    "convergence": {"en": "Convergence", "ar": "التقارب"},
    "range": {"en": "Range", "ar": "المدى"},
    "stance_date": {"en": "Stated", "ar": "تاريخ الموقف"},
    "count": {"en": "Count", "ar": "العدد"},
    "coverage": {"en": "Coverage", "ar": "التغطية"},
    "date": {"en": "Date", "ar": "التاريخ"},
    "distance": {"en": "Distance", "ar": "المسافة"},
    "document": {"en": "Document", "ar": "الوثيقة"},
    "documents": {"en": "Documents", "ar": "الوثائق"},
    "empty": {"en": "No zone", "ar": "لا منطقة"},
    "from": {"en": "From", "ar": "من"},
    "score": {"en": "Score", "ar": "الدرجة"},
    "from_text": {"en": "From text", "ar": "نص الأصل"},
    "gap": {"en": "Gap", "ar": "الفجوة"},
    "id": {"en": "Id", "ar": "المعرّف"},
    "issue": {"en": "Issue", "ar": "القضية"},
    "issues": {"en": "Issues", "ar": "القضايا"},
    "kind": {"en": "Kind", "ar": "النوع"},
    "moved": {"en": "Moved", "ar": "ما تغيّر"},
    "note": {"en": "Note", "ar": "ملاحظة"},
    "party": {"en": "Party", "ar": "الطرف"},
    "side": {"en": "Side", "ar": "الجانب"},
    "points": {"en": "Points", "ar": "البنود"},
    "positions": {"en": "Positions", "ar": "مواقف الأطراف"},
    "quote": {"en": "Quote", "ar": "الاقتباس"},
    "source": {"en": "Source", "ar": "المصدر"},
    "sources": {"en": "Sources", "ar": "المصادر"},
    "stances": {"en": "Stances", "ar": "المواقف"},
    "status": {"en": "Status", "ar": "الحالة"},
    "steps": {"en": "Steps", "ar": "الدرجات"},
    "title": {"en": "Title", "ar": "العنوان"},
    "to": {"en": "To", "ar": "إلى"},
    "total": {"en": "Total", "ar": "المجموع"},
    "toward": {"en": "Toward", "ar": "باتجاه"},
    "value": {"en": "Value", "ar": "القيمة"},
    "value_a": {"en": "A", "ar": "أ"},
    "value_b": {"en": "B", "ar": "ب"},
    "verdict": {"en": "Verdict", "ar": "الحكم"},
    "weight": {"en": "Weight", "ar": "الوزن"},
    "zone": {"en": "Zone", "ar": "منطقة الاتفاق"},
    # search
    "rank": {"en": "Rank", "ar": "الترتيب"},
    "package": {"en": "Package", "ar": "الحزمة"},
    "gain": {"en": "Gain", "ar": "المكسب"},
    "concession_a": {"en": "Concession A", "ar": "تنازل أ"},
    "concession_b": {"en": "Concession B", "ar": "تنازل ب"},
    "steps_a": {"en": "Steps A", "ar": "درجات أ"},
    "steps_b": {"en": "Steps B", "ar": "درجات ب"},
    # predict, backtest
    "model": {"en": "Model", "ar": "النموذج"},
    "predicted": {"en": "Predicted", "ar": "المتوقع"},
    "position": {"en": "Position", "ar": "الموضع"},
    # redline
    "old": {"en": "Old", "ar": "القديم"},
    "new": {"en": "New", "ar": "الجديد"},
    "fate": {"en": "Fate", "ar": "المصير"},
    "old_text": {"en": "Old text", "ar": "النص القديم"},
    "new_text": {"en": "New text", "ar": "النص الجديد"},
    "changes": {"en": "Stance changes", "ar": "تغيّر المواقف"},
    "point": {"en": "Point", "ar": "البند"},
    "text": {"en": "Text", "ar": "النص"},
}
"""Column headers by column name (the same name means the same thing in every table)."""

VERDICTS: Mapping[str, Mapping[str, str]] = StyleView(lambda s: s.label)
"""Verdict names; their order is the order of the ordered categorical in frames."""

VERDICT_MEANINGS: Mapping[str, Mapping[str, str]] = StyleView(lambda s: s.meaning)
"""What each verdict means, for legends."""

VALUES: dict[str, dict[str, str]] = {
    # document kinds
    "proposal": {"en": "proposal", "ar": "مقترح"},
    "joint_draft": {"en": "joint draft", "ar": "مسودة مشتركة"},
    "memorandum": {"en": "memorandum", "ar": "مذكرة"},
    "statement": {"en": "statement", "ar": "تصريح"},
    "agreement": {"en": "agreement", "ar": "اتفاق"},
    "position": {"en": "position", "ar": "موقف"},
    "scenario": {"en": "scenario", "ar": "سيناريو"},
    # statuses
    "official": {"en": "official", "ar": "رسمي"},
    "leaked": {"en": "leaked", "ar": "مسرّب"},
    "reported": {"en": "reported", "ar": "منقول"},
    "derived": {"en": "derived", "ar": "مشتق"},
    # confidence
    "high": {"en": "high", "ar": "عالية"},
    "medium": {"en": "medium", "ar": "متوسطة"},
    "low": {"en": "low", "ar": "منخفضة"},
    # changes between versions
    "moved": {"en": "moved", "ar": "تحرّك"},
    "unchanged": {"en": "unchanged", "ar": "دون تغيير"},
    "added": {"en": "added", "ar": "أضيف"},
    "dropped": {"en": "dropped", "ar": "أسقط"},
    "deferred": {"en": "deferred", "ar": "مؤجل"},
    "none": {"en": "none", "ar": "لا شيء"},
    "silent": {"en": "silent", "ar": "غائب"},
    "other": {"en": "other", "ar": "آخر"},
    "same": {"en": "same", "ar": "كما هو"},
    "yes": {"en": "yes", "ar": "نعم"},
    "no": {"en": "no", "ar": "لا"},
    "stated": {"en": "stated", "ar": "مذكور"},
    # bargaining models and backtest baselines (English keeps the ids --model accepts)
    "weighted_median": {"en": "weighted_median", "ar": "الوسيط المرجّح"},
    "nash": {"en": "nash", "ar": "حل ناش"},
    "smp": {"en": "smp", "ar": "نموذج السياسة المكاني"},
    "previous_draft": {"en": "previous_draft", "ar": "المسودة السابقة"},
    "midpoint": {"en": "midpoint", "ar": "نقطة المنتصف"},
    "stronger_side": {"en": "stronger_side", "ar": "الطرف الأقوى"},
    "model": {"en": "model", "ar": "نموذج"},
    "baseline": {"en": "baseline", "ar": "خط أساس"},
}
"""Words for the project's own enumerations (kinds, statuses, confidence, changes)."""

FATES: dict[str, dict[str, str]] = {
    "kept": {"en": "kept", "ar": "أُبقي"},
    "reworded": {"en": "reworded", "ar": "أُعيدت صياغته"},
    "changed": {"en": "changed", "ar": "تغيّر"},
    "merged": {"en": "merged", "ar": "دُمج"},
    "split": {"en": "split", "ar": "قُسّم"},
    "struck": {"en": "struck", "ar": "حُذف"},
    "new": {"en": "new", "ar": "جديد"},
    "unaccounted": {"en": "unaccounted", "ar": "غير معروف"},
}
"""What became of a plan's point between two versions (the redline's fates)."""

UNITS: dict[str, dict[str, str]] = {
    "personnel": {"en": "personnel", "ar": "فرد"},
    "troops": {"en": "troops", "ar": "جندي"},
    "tanks": {"en": "tanks", "ar": "دبابة"},
    "km": {"en": "km", "ar": "كم"},
    "years": {"en": "years", "ar": "سنة"},
    "days": {"en": "days", "ar": "يوم"},
    "USD bn": {"en": "USD bn", "ar": "مليار دولار"},
}
"""Units of numeric scales; a unit not listed is written as the taxonomy spells it."""


# --- Arabic finished (issue 22 item 8): align, search packages, backtest, counts and lists
HEADERS.update({
    "score": {"en": "Score", "ar": "درجة التطابق"},
    "from_text": {"en": "From text", "ar": "النص الأصلي"},
})
SENTENCES.update({
    "align_title": {"en": "Suggested lineage: {a} → {b}", "ar": "النسب المقترح: {a} ← {b}"},
    "align_score": {"en": "Against the lineage {b} declares: precision {precision}, recall {recall} "
                          "({proposed} proposed, {declared} declared).",
                    "ar": "مقارنةً بالنسب الذي تعلنه {b}: الدقة {precision}، والاستدعاء {recall} "
                          "(اقتُرح {proposed}، وأُعلن {declared})."},
    "package_move": {"en": "{side}: {issue} → {value}", "ar": "{side}: {issue} ← {value}"},
    "package_part": {"en": "{k}/{n} of the gap", "ar": "{k}/{n} من الفجوة"},
    "no_moves": {"en": "no moves", "ar": "لا تحرّكات"},
    "arrow": {"en": " → ", "ar": " ← "},
    "hit_rate": {"en": "{draft} {measure}", "ar": "{draft}: {measure}"},
})
VALUES.update({
    "exact": {"en": "exact", "ar": "مطابق"},
    "all": {"en": "all", "ar": "الكل"},
    # the short names negotiation.analysis.backtest.SHORT gives the bundled corpus's drafts
    "28-pt": {"en": "28-pt", "ar": "خطة الـ28"},
    "20-pt": {"en": "20-pt", "ar": "خطة الـ20"},
    "Geneva": {"en": "Geneva", "ar": "جنيف"},
})


TABLES: tuple[Mapping[str, Mapping[str, str]], ...] = (
    HEADERS, VERDICTS, VERDICT_MEANINGS, VALUES, FATES, UNITS, SENTENCES,
)
"""Every word table; tests check Arabic output against all of them."""

def languages() -> tuple[str, ...]:
    """The languages the project's own words are written in, English first (read from :data:`HEADERS`).

    A language is its strings beside ``"en"`` in these tables and in
    ``verdict_styles.STYLES``; the command line offers every language found here.
    """
    found = {lang for entry in HEADERS.values() for lang in entry} - {"en"}
    return ("en", *sorted(found))


WORD_LANGS = tuple(sorted(languages()))
"""The languages the project's own words are written in (when the package was imported)."""


def _pick(entry: Mapping[str, str], lang: Lang) -> str:
    known_lang(lang, WORD_LANGS)
    return entry.get(lang) or entry["en"]


def has_words(lang: Lang) -> bool:
    """Whether the project's own words are translated into ``lang``."""
    return lang == "en" or all(lang in e for e in HEADERS.values())


def header(name: str, lang: Lang = "en") -> str:
    """The header of column ``name``; unknown names are made readable (``both_stated`` → ``Both stated``)."""
    entry = HEADERS.get(name)
    party = name[len("distance_"):] if name.startswith("distance_") else ""
    if entry is None and party and party.isupper():  # predict: distance_RU
        return say("distance_to", lang, party=party)
    if entry is None:
        base = name[:-6] if name.endswith("_label") else name
        entry = HEADERS.get(base) or {"en": base.replace("_", " ").capitalize()}
    return _pick(entry, lang)


def has_header(name: str, lang: Lang) -> bool:
    """Whether column ``name`` has a header in ``lang`` (English headers are made up when missing)."""
    if lang == "en":
        return True
    if name.startswith("distance_") and name[len("distance_"):].isupper():
        return lang in SENTENCES["distance_to"]
    entry = HEADERS.get(name) or HEADERS.get(name[:-6] if name.endswith("_label") else name)
    return entry is not None and lang in entry


def verdict(name: str, lang: Lang = "en") -> str:
    """A verdict's name in ``lang``."""
    return _pick(VERDICTS[str(name)], lang)


def word(value: str, lang: Lang = "en") -> str:
    """One of the project's own words (a kind, a status, a confidence, a change) in ``lang``.

    A value that is not in the tables is returned unchanged.
    """
    entry = VALUES.get(value) or VERDICTS.get(value)
    return value if entry is None else _pick(entry, lang)


def fate(name: str, lang: Lang = "en") -> str:
    """What became of a point (``kept``, ``struck``, …) in ``lang``; an unknown fate unchanged."""
    entry = FATES.get(name)
    return name if entry is None else _pick(entry, lang)


def unit(name: str, lang: Lang = "en") -> str:
    """A unit of a numeric scale in ``lang``."""
    entry = UNITS.get(name)
    return name if entry is None else _pick(entry, lang)


def say(key: str, lang: Lang = "en", **fields: object) -> str:
    """A sentence from :data:`SENTENCES` in ``lang``, placeholders filled."""
    return _pick(SENTENCES[key], lang).format(**fields)


def side(name: str, lang: Lang = "en") -> str:
    """The name of side ``a`` or ``b`` ("A", "B"; "أ", "ب" in Arabic)."""
    return header(name.lower(), lang)


def percent(x: float | None, lang: Lang = "en") -> str:
    """0.5 → ``50%``; missing → ``n/a``."""
    if x is None or x != x:
        return say("n_a", lang)
    return f"{x:.0%}"


def decimal(x: float | None, lang: Lang = "en", digits: int = 2) -> str:
    """0.456 → ``0.46``; missing → ``n/a``."""
    if x is None or x != x:
        return say("n_a", lang)
    return f"{x:.{digits}f}"


# --- schema --format (the fields of a data file): JSON Schema's types and the table's words
HEADERS.update({
    "part": {"en": "Part", "ar": "الجزء"},
    "field": {"en": "Field", "ar": "الحقل"},
    "type": {"en": "Type", "ar": "النوع"},
    "required": {"en": "Required", "ar": "إلزامي"},
    "description": {"en": "Description", "ar": "الوصف"},
    "file": {"en": "File", "ar": "الملف"},
})
SCHEMA: dict[str, dict[str, str]] = {
    "string": {"en": "string", "ar": "نص"},
    "integer": {"en": "integer", "ar": "عدد صحيح"},
    "number": {"en": "number", "ar": "عدد"},
    "boolean": {"en": "boolean", "ar": "قيمة منطقية"},
    "array": {"en": "array", "ar": "قائمة"},
    "object": {"en": "object", "ar": "كائن"},
    "null": {"en": "null", "ar": "فارغ"},
    "any": {"en": "any", "ar": "أي نوع"},
    "list_of": {"en": "list of {x}", "ar": "قائمة من {x}"},
    "mapping_to": {"en": "mapping to {x}", "ar": "قاموس قيمه من نوع {x}"},
    "or": {"en": " or ", "ar": " أو "},
    "fields_of": {"en": "fields of a {kind} file", "ar": "حقول ملف {kind}"},
    "document": {"en": "document", "ar": "الوثيقة"},
    "taxonomy": {"en": "taxonomy", "ar": "التصنيف"},
    "parties": {"en": "parties", "ar": "الأطراف"},
    "written_to": {"en": "schemas written to {folder}", "ar": "كُتبت المخططات في {folder}"},
    "hint": {"en": "first line of a data file, for editors: # yaml-language-server: $schema=<path to the file above>",
             "ar": "السطر الأول من ملف البيانات، لمحرّرات النصوص: # yaml-language-server: $schema=<مسار الملف أعلاه>"},
}
"""The words of ``negotiation schema --format``: JSON Schema's type names and phrases, the titles."""


def schema_word(key: str, lang: Lang = "en", **fields: object) -> str:
    """A word of :data:`SCHEMA` in ``lang`` (a JSON type unknown to it is returned as written)."""
    entry = SCHEMA.get(key)
    return key if entry is None else _pick(entry, lang).format(**fields)


def steps(n: int, lang: Lang = "en") -> str:
    """``1 step``, ``3 steps``; in Arabic with the number's agreement (درجة واحدة، درجتان، 3 درجات، 11 درجة)."""
    if lang == "ar":
        forms = {1: "درجة واحدة", 2: "درجتان"}
        return forms.get(n) or (f"{n} درجات" if 3 <= n % 100 <= 10 else f"{n} درجة")
    return say("step", lang) if n == 1 else say("steps", lang, n=n)


def join(items: Iterable[object], lang: Lang = "en") -> str:
    """Items listed with the language's comma (``RU, UA``; ``RU، UA`` in Arabic)."""
    return say("comma", lang).join(str(i) for i in items)


def hit_rate_header(name: str, lang: Lang = "en") -> str:
    """A backtest column (``28-pt exact``, ``all ±1``, ``model``) in ``lang``; a draft without a
    short name keeps its id (``us-28-point-2025-11 exact``)."""
    if name in ("model", "kind"):
        return header(name, lang)
    draft, _, measure = name.rpartition(" ")
    if draft == "all" and lang == "en":
        return f"All {measure}"
    return say("hit_rate", lang, draft=word(draft, lang), measure=word(measure, lang))



# --- search ties (render/search_text.py): what separates packages of equal convergence
SENTENCES.update({
    "tie_tie": {"en": "Ranks {first}–{last} tie at convergence {conv}.",
            "ar": "المراتب {first}–{last} متعادلة عند تقارب {conv}."},
    "tie_shared": {"en": "All of them include {moves}.", "ar": "تشترك كلها في {moves}."},
    "tie_differ": {"en": "They differ only in {moves}.", "ar": "ولا تختلف إلا في {moves}."},
    "tie_side_moves": {"en": "{side}'s move on {issues}", "ar": "خطوة {side} في {issues}"},
    "tie_more": {"en": "{n} more", "ar": "{n} غيرها"},
    "tie_by_concession": {"en": "Among them, less total concession ranks first.",
                      "ar": "وفيما بينها يتقدّم الأقل تنازلاً إجمالياً."},
    "tie_by_steps": {"en": "Among them, fewer steps rank first.",
                 "ar": "وفيما بينها يتقدّم الأقل خطوات."},
    "tie_split": {"en": "Their total concession and steps are equal (only its split between {a} and {b} differs): "
                    "nothing else separates them, so their order is arbitrary.",
              "ar": "يتساوى فيها إجمالي التنازل وعدد الخطوات (ولا يختلف إلا توزيعه بين {a} و{b}): "
                    "لا شيء آخر يميّزها، فترتيبها فيما بينها اعتباطي."},
    "tie_nothing": {"en": "Their concessions and steps are equal too: nothing else separates them, "
                      "so their order is arbitrary.",
                "ar": "وتتساوى كذلك في التنازلات والخطوات: لا شيء آخر يميّزها، فترتيبها فيما بينها اعتباطي."},
    "tie_beyond": {"en": "More packages past rank {last} may share it.",
               "ar": "وقد تشاركها حزم أخرى بعد المرتبة {last}."},
})
