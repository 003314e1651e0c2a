"""The documents that leave the office (issue 4): workbooks and PDFs of the claim, survey and report.

``xlsx`` and ``pdf`` are the toolkit every document is built with (safe text, number formats, A4 set-up,
embedded DejaVu Sans, page numbers, charts); ``names`` makes file names that say what and when.
"""

from __future__ import annotations

from swdesk.export.claim_docs import write_claim_pdf, write_claim_xlsx
from swdesk.export.names import claim_file_name, free_path, report_file_name, survey_file_name
from swdesk.export.report import build_report, report_for_year, write_report_pdf
from swdesk.export.survey_docs import write_survey_pdf, write_survey_xlsx
from swdesk.export.xlsx import safe_text

__all__ = [
    "build_report",
    "claim_file_name",
    "free_path",
    "report_file_name",
    "report_for_year",
    "safe_text",
    "survey_file_name",
    "write_claim_pdf",
    "write_claim_xlsx",
    "write_report_pdf",
    "write_survey_pdf",
    "write_survey_xlsx",
]
