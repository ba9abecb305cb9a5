"""The court documents (docs/PAPERS.md, docs/CONTRACTS.md "Exports"): sealed Exhibit 1 with its
cover, the motion and proposed order, the proof of service, the sealed list of convictions not
in Exhibit 1, and the impact report.

Entry points: `documents.export_documents` (all of them as one job, inputs checked once),
`readiness.export_readiness` (the blanks and held-back convictions, before writing), and
`relief.outcomes` / `relief.accounting` (where each conviction goes and the figures every
paper recites). Office details: `office.load_office` / `save_office`.
"""
