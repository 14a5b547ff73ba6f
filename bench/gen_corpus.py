"""A deterministic synthetic corpus of agenda items, for benchmarking the build at scale.

    python bench/gen_corpus.py --items 10000 --councils 50 --years 5 --seed 1 --out bench/out/c

Writes OUT/<council>/<committee>/<YYYY-MM-DD>/<NN>-<title>.md in the content format of
docs/content-format.md, about 10 KB of Markdown per item. Every place is invented and people
appear only by role. The same arguments always give byte-identical files: all randomness comes
from one seeded `random.Random`, and nothing reads the clock or the file system's order.

Speed matters more than prose (a million items should take minutes), so the text is assembled
from sentence pools rendered once up front; each item only picks and joins.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

# Invented syllables, chosen so that their combinations are unlikely to be real UK places.
_STEMS = ("Quel", "Varn", "Osk", "Dreth", "Myrr", "Tolv", "Yarn", "Skel", "Brin", "Caddow", "Fel")
_STEMS += ("Gorran", "Hask", "Ilven", "Jorl", "Keld", "Lurr", "Maddow", "Nesk", "Orrin", "Pellow")
_STEMS += ("Rusk", "Sarn", "Trel", "Ulver", "Wend", "Yelm", "Zarr", "Auld", "Bethel", "Corve")
_ENDINGS = ("thorpe", "wick", "combe", "stow", "mere", "holt", "by", "dale", "ham", "ford", "ley")
_ENDINGS += ("well", "worth", "cote", "bury", "minster")
_COUNCIL_KINDS = ("District Council", "Borough Council", "City Council", "County Council")
_WARD_SIDES = ("North", "South", "East", "West", "Central", "Rural")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
_MONTHS += ("September", "October", "November", "December")
LAST_YEAR = 2024  # fixed, not today's year, so output never depends on when it is generated

# Committee → the topic ids (config/topics.yaml) its business is usually about.
COMMITTEES: dict[str, tuple[str, ...]] = {
    "Cabinet": ("budget", "performance", "council-housing", "waste-and-climate", "local-plan"),
    "Planning Committee": ("planning-applications", "local-plan"),
    "Licensing Committee": ("premises-licensing", "taxi-and-other-licensing"),
    "Audit and Governance Committee": ("audit-and-risk", "budget", "performance"),
    "Children's Services Scrutiny Committee": (
        "childrens-social-care",
        "social-work-workforce",
        "looked-after-children",
        "care-leavers",
        "inspections",
        "safeguarding",
        "early-help",
        "schools-and-education",
    ),
    "Adult Social Care and Health Committee": ("adult-care-services", "public-health"),
    "Housing Committee": ("council-housing", "homelessness", "private-housing"),
    "Environment and Transport Committee": ("highways-and-transport", "waste-and-climate"),
    "Communities Committee": ("leisure-and-culture", "community-safety", "petitions-and-motions"),
    "Overview and Scrutiny Committee": ("scrutiny", "performance", "meetings-and-minutes"),
}

# Topic → (title stems, a noun phrase the minutes talk about).
TOPIC_TEXT: dict[str, tuple[tuple[str, ...], str]] = {
    "budget": (("Revenue Budget Monitoring", "Medium Term Financial Strategy"), "the budget"),
    "performance": (("Quarterly Performance Report", "Corporate Plan Update"), "performance"),
    "council-housing": (("Housing Revenue Account Business Plan",), "council housing rents"),
    "homelessness": (("Homelessness Prevention Strategy",), "homelessness prevention"),
    "private-housing": (("Private Sector Housing Enforcement Policy",), "private landlords"),
    "waste-and-climate": (("Climate Emergency Action Plan", "Waste Strategy"), "recycling"),
    "local-plan": (("Local Plan Review", "Supplementary Planning Document"), "the local plan"),
    "planning-applications": (
        ("Planning Application", "Planning Appeal Decisions"),
        "the planning application",
    ),
    "premises-licensing": (("Premises Licence Review",), "the premises licence"),
    "taxi-and-other-licensing": (("Hackney Carriage Fare Review",), "taxi licensing"),
    "audit-and-risk": (
        (
            "Internal Audit Progress Report",
            "Strategic Risk Register",
            "Annual Governance Statement",
        ),
        "the risk register",
    ),
    "childrens-social-care": (("Children's Social Care Performance",), "children in need"),
    "social-work-workforce": (
        ("Social Work Recruitment and Retention", "Agency Social Workers"),
        "the recruitment of social workers",
    ),
    "looked-after-children": (("Fostering Service Annual Report",), "looked after children"),
    "care-leavers": (("Care Leavers Local Offer",), "care leavers"),
    "inspections": (("Ofsted Improvement Plan Progress",), "the improvement plan"),
    "safeguarding": (("Safeguarding Partnership Annual Report",), "safeguarding"),
    "early-help": (("Early Help Strategy",), "early help"),
    "schools-and-education": (("School Places Planning",), "school places"),
    "adult-care-services": (("Domiciliary Care Market Update",), "home care"),
    "public-health": (("Public Health Annual Report",), "public health"),
    "highways-and-transport": (("Highways Capital Programme",), "road maintenance"),
    "leisure-and-culture": (("Leisure Centre Contract",), "the leisure centres"),
    "community-safety": (("Community Safety Partnership Plan",), "anti-social behaviour"),
    "petitions-and-motions": (("Petition on Street Lighting",), "the petition"),
    "scrutiny": (("Scrutiny Work Programme",), "the work programme"),
    "meetings-and-minutes": (("Minutes of the Previous Meeting",), "the minutes"),
}

_OFFICERS = (
    "the Director of Place",
    "the Director of Children's Services",
    "the Director of Adult Social Care",
    "the Chief Finance Officer",
    "the Head of Planning",
    "the Head of Legal Services",
    "the Licensing Manager",
    "the Cabinet Member for Resources",
    "the Head of Internal Audit",
)

# Sentence templates; {o} officer, {p} place, {w} ward, {t} topic phrase, {n}/{m} numbers.
_MINUTES = (
    "{o} presented the report and explained the position on {t} in {p}.",
    "Members asked how {t} compared with neighbouring authorities; {o} said {n} comparable"
    " councils had been benchmarked and {p} was in the middle quartile.",
    "The committee heard that {m} per cent of the actions in the plan were on track and {n}"
    " were overdue.",
    "In response to a question, {o} said the council would write to residents of {w} before"
    " any work began.",
    "Members welcomed the report but noted that the figures for {p} had not improved since the"
    " last meeting.",
    "The ward member for {w} spoke about the effect on local residents and asked that their"
    " views be taken into account.",
    "It was explained that the forecast overspend of £{n}.{m} million was largely due to"
    " demand pressures, and that mitigating actions had been identified.",
    "{o} undertook to circulate a briefing note on {t} to all members of the committee.",
    "Concern was expressed that the consultation on {t} had received only {n} responses.",
    "The report was noted, and members asked for the position on {t} to be kept under review.",
    "It was confirmed that the council had met its statutory duties in respect of {t}.",
    "A representative of the {p} Residents' Association addressed the committee.",
    "Members discussed the risks set out in the report, in particular the reliance on grant"
    " funding which was due to end in {y}.",
)
_BULLETS = (
    "the number of complaints about {t} had risen from {m} to {n}",
    "training for staff in {w} would be completed by {month}",
    "a task and finish group could look at {t} in more detail",
    "{o} would report back to the committee in {month}",
    "the figures for {p} would be published on the council's website",
    "partners in {p} had been consulted on the proposals",
)
# Extra sentences for the topics whose words the benchmark's search queries look for.
_CHILDREN = (
    "It was noted that the social workers in the {w} team carried caseloads of about {n}"
    " children each, which was above the level the service aimed for.",
    "A member raised concerns about the use of agency staff and asked what was being done to"
    " recruit permanent social workers.",
    "recruitment of social workers remained the service's highest risk",
)
_PLANNING = (
    "{o} confirmed that a planning appeal had been lodged against the refusal at {w} and that"
    " the inspector's decision was expected within {n} weeks.",
    "the council's response to the planning appeal at {w} was being prepared",
)
_TOPIC_EXTRA = dict.fromkeys(COMMITTEES["Children's Services Scrutiny Committee"], _CHILDREN)
_TOPIC_EXTRA |= dict.fromkeys(COMMITTEES["Planning Committee"], _PLANNING)
# Resolution kind (ids from config/resolution_kinds.yaml) → phrasings and relative weight.
RESOLUTIONS: dict[str, tuple[int, tuple[str, ...]]] = {
    "noted": (34, ("That the report be noted.", "That the update on {t} be noted.")),
    "agreed": (
        20,
        ("That the recommendations in the report be approved.", "That the {x} be agreed."),
    ),
    "recommended": (
        8,
        (
            "That Council be recommended to adopt the {x}.",
            "That it be recommended to Cabinet that {t} be included in the budget for {y}.",
        ),
    ),
    "report-requested": (
        10,
        (
            "That a further report on {t} be presented to the committee in {month}.",
            "That officers report back on {t} at the next meeting.",
        ),
    ),
    "deferred": (6, ("That consideration of the {x} be deferred to allow a site visit.",)),
    "refused": (5, ("That planning permission be refused for the reasons set out in the report.",)),
    "referred": (3, ("That the matter be referred to the Cabinet for consideration.",)),
    "delegated": (
        6,
        (
            "That authority be delegated to {o}, in consultation with the Chair, to finalise the"
            " {x}.",
        ),
    ),
}


@dataclass(frozen=True)
class Council:
    name: str
    short: str
    slug: str
    committees: tuple[str, ...]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def make_councils(count: int, seed: int) -> list[Council]:
    """`count` councils with unique invented names; each sits a handful of the committees."""
    rng = random.Random(f"councils:{seed}")
    places = [stem + end for stem in _STEMS for end in _ENDINGS]
    rng.shuffle(places)
    if count > len(places):
        raise ValueError(f"at most {len(places)} councils")
    names = sorted(COMMITTEES)
    return [
        Council(
            name=f"{place} {rng.choice(_COUNCIL_KINDS)}",
            short=place,
            slug=slugify(place),
            committees=tuple(sorted(rng.sample(names, k=rng.randint(4, len(names))))),
        )
        for place in places[:count]
    ]


class _Pools:
    """Sentences rendered once per run; items then only pick from these lists."""

    def __init__(self, rng: random.Random, places: list[str]) -> None:
        self.rng = rng
        self.places = places
        extra = _TOPIC_EXTRA
        self.minutes = {t: self._render(_MINUTES + extra.get(t, ()), t, 40) for t in TOPIC_TEXT}
        self.bullets = {t: self._render(_BULLETS + extra.get(t, ()), t, 12) for t in TOPIC_TEXT}
        self.resolutions = {
            t: {kind: self._render(texts, t, 3) for kind, (_, texts) in RESOLUTIONS.items()}
            for t in TOPIC_TEXT
        }

    def _render(self, templates: tuple[str, ...], topic: str, copies: int) -> list[str]:
        rng, phrase = self.rng, TOPIC_TEXT[topic][1]
        rendered = []
        for template in templates:
            for _ in range(copies):
                place = rng.choice(self.places)
                text = template.format(
                    o=rng.choice(_OFFICERS),
                    p=place,
                    w=f"{place} {rng.choice(_WARD_SIDES)}",
                    t=phrase,
                    n=rng.randint(2, 90),
                    m=rng.randint(1, 99),
                    y=rng.randint(2016, LAST_YEAR + 2),
                    month=rng.choice(_MONTHS),
                    x=rng.choice(TOPIC_TEXT[topic][0]).lower().replace("'", ""),
                )
                rendered.append(text[0].upper() + text[1:])
        return rendered


def _minutes(rng: random.Random, pools: _Pools, topic: str) -> str:
    sentences, bullets = pools.minutes[topic], pools.bullets[topic]
    blocks = []
    for _ in range(rng.randint(5, 28)):
        if rng.random() < 0.25:
            blocks.append("\n".join("- " + b for b in rng.choices(bullets, k=rng.randint(3, 7))))
        else:
            blocks.append(" ".join(rng.choices(sentences, k=rng.randint(3, 6))))
    return "\n\n".join(blocks)


_KINDS = list(RESOLUTIONS)
_KIND_WEIGHTS = [weight for weight, _ in RESOLUTIONS.values()]


def _resolved(rng: random.Random, pools: _Pools, topic: str) -> tuple[str, list[str]]:
    kinds = rng.choices(_KINDS, weights=_KIND_WEIGHTS, k=rng.randint(1, 4))
    lines = [
        f"- ({number}) {rng.choice(pools.resolutions[topic][kind])}"
        for number, kind in enumerate(kinds, 1)
    ]
    return "\n".join(lines), sorted(set(kinds))


def render_item(rng: random.Random, pools: _Pools, meeting: dict[str, str], number: int) -> str:
    """One item's file text: front matter, then the sections Minutebook understands."""
    topic = rng.choice(COMMITTEES[meeting["committee"]])
    title = f"{rng.choice(TOPIC_TEXT[topic][0])}: {meeting['place']} {rng.randint(1, 999)}"
    resolved, kinds = _resolved(rng, pools, topic)
    topics = sorted({topic, rng.choice(COMMITTEES[meeting["committee"]])})
    parts = [
        "---",
        f"council: {meeting['council']}",
        f'committee: "{meeting["committee"]}"',
        f'title: "{title}"',
        f"date: {meeting['date']}",
        f'item: "{number}"',
        f"topics: [{', '.join(topics)}]",
        f"source: {meeting['source']}{number}",
        f"extra: {{kinds: [{', '.join(kinds)}]}}",
        "---",
        "",
        "## Purpose",
        "",
        " ".join(rng.choices(pools.minutes[topic], k=2)),
        "",
        "## Recommended",
        "",
        rng.choice(pools.resolutions[topic]["noted"] + pools.resolutions[topic]["agreed"]),
        "",
        "## Minutes",
        "",
        _minutes(rng, pools, topic),
        "",
        "## Resolved",
        "",
        resolved,
        "",
    ]
    if rng.random() < 0.3:
        parts += [
            "## Actions",
            "",
            "\n".join("- " + b for b in rng.sample(pools.bullets[topic], 2)),
        ]
        parts.append("")
    return "\n".join(parts)


def _meeting(rng: random.Random, council: Council, years: int, used: set[str]) -> dict[str, str]:
    first = dt.date(LAST_YEAR - years + 1, 1, 1).toordinal()
    span = dt.date(LAST_YEAR, 12, 31).toordinal() - first + 1
    while True:
        committee = rng.choice(council.committees)
        date = dt.date.fromordinal(first + rng.randrange(span)).isoformat()
        key = f"{committee}/{date}"
        if key not in used:  # one meeting per committee and day keeps every item URL unique
            used.add(key)
            break
    source = f"https://minutes.{council.slug}.example/{slugify(committee)}/{date}/item-"
    return {
        "council": council.name,
        "place": council.short,
        "committee": committee,
        "date": date,
        "source": source,
    }


def generate(out_dir: Path, items: int, councils: int = 50, years: int = 5, seed: int = 1) -> int:
    """Write `items` files under `out_dir` and return how many were written."""
    if items < councils:
        raise ValueError("need at least one item per council")
    rng = random.Random(seed)
    council_list = make_councils(councils, seed)
    pools = _Pools(rng, [c.short for c in council_list])
    used: dict[str, set[str]] = {c.slug: set() for c in council_list}
    written, meeting_index = 0, 0
    while written < items:
        council = council_list[meeting_index % councils]  # round robin: every council appears
        meeting = _meeting(rng, council, years, used[council.slug])
        folder = out_dir / council.slug / slugify(meeting["committee"]) / meeting["date"]
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(1, min(rng.randint(3, 12), items - written) + 1):
            text = render_item(rng, pools, meeting, number)
            title = text.split('title: "', 1)[1].split('"', 1)[0]
            name = f"{number:02d}-{slugify(title)}.md"
            with open(folder / name, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            written += 1
        meeting_index += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, required=True)
    parser.add_argument("--councils", type=int, default=50)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    count = generate(args.out, args.items, args.councils, args.years, args.seed)
    print(f"wrote {count} items for {args.councils} councils to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
