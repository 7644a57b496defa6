"""English: who is in the audit trail, dated ratings over time, responsibility-group meetings."""

MESSAGES: dict[str, str] = {
    "audit.by": "by {who}",
    "audit.by_unknown": "(who: not recorded)",
    "ratings.help": "1 is hard, 5 is good, as the participant sees it. A digit rates the area and moves on; an area left empty is not rated.",
    "ratings.field.day": "Rated on",
    "ratings.latest": "latest {rating} on {date}",
    "ratings.error.none": "Rate at least one life area (a digit 1–5).",
    "ratings.error.future": "A rating is set on a day that has come: today or before.",
    "ratings.error.too_early": "That day is too long ago for a rating.",
    "ratings.title": "Ratings over time (1 hard – 5 good)",
    "ratings.none": "No ratings yet (r rates the life areas).",
    "summary.ratings": "How the life areas stood (1 hard – 5 good)",
    "summary.ratings_line": "{area}: {ratings}",
    "summary.rating": "{rating} ({date})",
    "stats.section.ratings": "Ratings: latest against first, per life area",
    "stats.ratings.rated_twice": "{area}: rated on two days or more",
    "stats.ratings.better": "{area}: better",
    "stats.ratings.same": "{area}: the same",
    "stats.ratings.worse": "{area}: worse",
}
