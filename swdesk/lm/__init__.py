"""The Ministry of Welfare's end (LM, issue 12): reading back the surveys and claims the 43 services mail.

A second mode of the same program, with no database of a service: every file is read through the ``Dati``
sheet that :mod:`swdesk.export.dati` writes into each survey and claim workbook.

* :mod:`swdesk.lm.workbook` reads one workbook back (exactly the JSON the service's ``--json`` gave) and
  tells an edited one;
* :mod:`swdesk.lm.sources` finds the workbooks of a folder, also inside ``.zip`` files, safely;
* :mod:`swdesk.lm.survey` consolidates the surveys into the national picture, file by file with verdicts;
* :mod:`swdesk.lm.claims` recomputes every claim by the rules of SPEC §3 and lists what differs;
* :mod:`swdesk.lm.documents` writes the consolidated workbook and the PDF brief.

No Qt here: the window (``swdesk.gui.lm_window``) and the command (``swdesk lm``) both call these.
"""
