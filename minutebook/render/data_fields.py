"""The open-data files' fields, named after Open Civic Data's event/agenda vocabulary where one
fits (start_date, description, classification, order, subjects, sources). One list, used both
for the files' headers (write/tables.py) and for the table on the Open data page."""

from __future__ import annotations

ITEM_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "The item's permanent path on this site, e.g. /bradford/…/7-title/; never changes."),
    ("url", "The item page's full address."),
    ("council", "The council's full name."),
    ("council_short", "The council's short name, as used in headings and addresses."),
    ("committee", "The committee, as the source names it; empty when not recorded."),
    ("start_date", "The meeting date, YYYY-MM-DD; empty when the source does not give it."),
    ("order", 'The agenda item number as printed ("7", "35/20"); empty when not recorded.'),
    ("description", "The item's title as printed."),
    ("classification", 'The kinds of its resolutions (noted, agreed, …), separated by ";".'),
    ("subjects", 'Topic ids from the archive\'s topic list, separated by ";".'),
    ("resolution_count", "How many resolutions the item records."),
    ("departure", "Why the resolution differs from the officers' recommendation, if it does."),
    ("thread", "The address of the item's thread (the same matter at other meetings), if any."),
    ("sources", "The address of the council's own page for the item; empty if not recorded."),
    ("archived", "The date the record was archived, YYYY-MM-DD; empty when not recorded."),
    ("incomplete", "true when the source page was cut short or lacked its labels."),
)
RESOLUTION_FIELDS: tuple[tuple[str, str], ...] = (
    ("item_id", "The permanent path of the item the resolution belongs to."),
    ("item_url", "The item page's full address (each resolution has an #resolution-N anchor)."),
    ("council", "The council's full name."),
    ("committee", "The committee; empty when not recorded."),
    ("start_date", "The meeting date, YYYY-MM-DD; empty when not recorded."),
    ("order", "The agenda item number as printed; empty when not recorded."),
    ("item_description", "The item's title."),
    ("resolution_order", "The resolution's position within the item (1, 2, …)."),
    ("classification", "The resolution's kind: noted, agreed, report-requested, deferred, …"),
    ("description", "The resolution's text, as printed."),
)
ITEMS_JSON_FIELDS: tuple[tuple[str, str], ...] = (
    ("council, council_short, committee", "As in items.csv (committee null when not recorded)."),
    ("date", "The meeting date, YYYY-MM-DD, or null (items.csv: start_date)."),
    ("item", "The agenda item number as printed, or null (items.csv: order)."),
    ("title", "The item's title as printed (items.csv: description)."),
    ("url, id, thread, departure, archived, incomplete", "As in items.csv."),
    ("topics", "Topic ids (items.csv: subjects)."),
    ("resolutions", "Each resolution's text and kind."),
    ("source", "The address of the council's own page, or null (items.csv: sources)."),
    ("json", "The address of the item's own item.json."),
)
ITEM_JSON_FIELDS: tuple[tuple[str, str], ...] = (
    (
        "id, url, council, council_short, committee, start_date, order, description, "
        "classification, subjects, resolution_count, departure, thread, sources, archived, "
        "incomplete",
        "As in items.csv; lists are JSON arrays and missing values are null.",
    ),
    ("notes", "The officers' recommendation, as printed; null when the item has none."),
    ("resolutions", "Each resolution: order, description (its text) and classification (kind)."),
    (
        "actions",
        "Who was asked to do what: description, responsible (the named post, or null) "
        'and due (as written, e.g. "in December", or null; never a calculated date).',
    ),
)
