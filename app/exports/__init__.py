"""The court documents (DOMAIN.md 5): sealed Exhibit 1, the motion and proposed order on
pleading paper, the challenged-cases list and the impact report.

Entry points: `documents.export_documents` (all of them as one job), or each writer alone:
`exhibit.write_exhibit`, `motion.write_motion`, `challenged.write_challenged`,
`impact_report.write_impact_report`. Office details: `office.load_office` / `save_office`.
"""
