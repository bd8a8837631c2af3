"""Evaluating a finished run (or an ingested call): metrics, expected outcome, rubric.

`model` holds the shared shapes: `CallFacts` (everything a metric may read), `MetricSpec`
(what a metric is), `MetricValue` (what it produced, in the wire shape of Cekura's
`evaluation.metrics[]`).
"""
